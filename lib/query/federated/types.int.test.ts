/**
 * Type mapping, table-driven against the real servers: each row is a source column type,
 * a value written in the source's SQL, the DuckDB type the relation gives it and the value
 * as DuckDB prints it (VARCHAR). A second row of NULLs must read as NULLs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MyFixture, myFixture } from "./my-fixture";
import { type PgFixture, pgFixture } from "./pg-fixture";
import type { ReadResult } from "./testing";

/** [column, source type, source literal, DuckDB type, value as DuckDB text]. */
type TypeCase = [string, string, string, string, string];

const PG_TYPES: TypeCase[] = [
  ["i2", "smallint", "-32768", "SMALLINT", "-32768"],
  ["i4", "integer", "2147483647", "INTEGER", "2147483647"],
  ["i8", "bigint", "-9223372036854775808", "BIGINT", "-9223372036854775808"],
  ["n", "numeric(12,2)", "1234567890.12", "DECIMAL(12,2)", "1234567890.12"],
  [
    "n38",
    "numeric(38,10)",
    "1234567890123456789012345678.0123456789",
    "DECIMAL(38,10)",
    "1234567890123456789012345678.0123456789",
  ],
  ["n40", "numeric(40,5)", "12345.5", "DOUBLE", "12345.5"],
  ["nfree", "numeric", "'NaN'", "DOUBLE", "nan"],
  ["f4", "real", "1.5", "FLOAT", "1.5"],
  ["f8", "double precision", "'-Infinity'", "DOUBLE", "-inf"],
  ["ok", "boolean", "true", "BOOLEAN", "true"],
  ["vc", "varchar(10)", "'héllo'", "VARCHAR", "héllo"],
  ["ch", "char(5)", "'ab'", "VARCHAR", "ab"],
  ["tx", "text", "E'two\\nlines'", "VARCHAR", "two\nlines"],
  ["d", "date", "'2024-02-29'", "DATE", "2024-02-29"],
  ["dbc", "date", "'0044-03-15 BC'", "DATE", "0044-03-15 (BC)"],
  ["dinf", "date", "'infinity'", "DATE", "infinity"],
  ["ts", "timestamp(3)", "'2024-01-02 03:04:05.678'", "TIMESTAMP", "2024-01-02 03:04:05.678"],
  ["tsbc", "timestamp", "'0044-03-15 12:00:00 BC'", "TIMESTAMP", "0044-03-15 (BC) 12:00:00"],
  [
    "tz",
    "timestamptz",
    "'2024-06-01 12:00:00+02'",
    "TIMESTAMP WITH TIME ZONE",
    "2024-06-01 10:00:00+00",
  ],
  [
    "tzbc",
    "timestamptz",
    "'0044-03-15 12:00:00+00 BC'",
    "TIMESTAMP WITH TIME ZONE",
    "0044-03-15 (BC) 12:00:00+00",
  ],
  ["tm", "time", "'23:59:59.5'", "TIME", "23:59:59.5"],
  ["tmtz", "timetz", "'12:00:00+02'", "TIME WITH TIME ZONE", "12:00:00+02"],
  [
    "u",
    "uuid",
    "'0E6B7A48-7B3E-4B8A-9A3C-1D2E3F405060'",
    "UUID",
    "0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060",
  ],
  ["j", "json", `'{"b": 1,  "a": [true]}'`, "JSON", '{"b": 1,  "a": [true]}'],
  ["jb", "jsonb", `'{"b": 1,  "a": [true]}'`, "JSON", '{"a": [true], "b": 1}'],
  ["by", "bytea", "'\\x00ff10'::bytea", "BLOB", "\\x00\\xFF\\x10"],
  ["iv", "interval", "'1 year 2 mons 3 days 04:05:06.5'", "INTERVAL", "1 year 2 months 3 days 04:05:06.5"],
  ["ivneg", "interval(0)", "'-1 days +02:00:00'", "INTERVAL", "-1 day 02:00:00"],
  ["ivarr", "interval[]", "ARRAY['-1 days +02:00:00'::interval]", "INTERVAL[]", "['-1 day 02:00:00']"],
  ["arr", "integer[]", "ARRAY[1, NULL, 3]", "INTEGER[]", "[1, NULL, 3]"],
  ["tarr", "text[]", `ARRAY['a b', 'c,d', 'it''s', 'say "hi"', 'NULL', NULL, '']`, "VARCHAR[]", `[a b, 'c,d', 'it\\'s', 'say "hi"', 'NULL', NULL, '']`],
  ["narr", "numeric(5,2)[]", "ARRAY[1.5, -2.25]", "DECIMAL(5,2)[]", "[1.50, -2.25]"],
  ["darr", "date[]", "ARRAY['2024-02-29'::date, '0044-03-15 BC'::date]", "DATE[]", "[2024-02-29, '0044-03-15 (BC)']"],
  ["barr", "boolean[]", "'{}'", "BOOLEAN[]", "[]"],
  ["bpa", "char(3)[]", "ARRAY['ab']", "VARCHAR[]", "[ab]"],
  ["mood", "shop.mood", "'happy'", "VARCHAR", "happy"],
  ["ip", "inet", "'192.168.0.1/24'", "VARCHAR", "192.168.0.1/24"],
  ["m", "money", "12.5", "VARCHAR", "$12.50"],
];

const MY_TYPES: TypeCase[] = [
  ["ti", "tinyint", "-128", "TINYINT", "-128"],
  ["tiu", "tinyint unsigned", "255", "UTINYINT", "255"],
  ["bool", "tinyint(1)", "1", "BOOLEAN", "true"],
  ["bool2", "boolean", "2", "BOOLEAN", "true"],
  ["si", "smallint unsigned", "65535", "USMALLINT", "65535"],
  ["mi", "mediumint", "-8388608", "INTEGER", "-8388608"],
  ["i", "int", "-2147483648", "INTEGER", "-2147483648"],
  ["iu", "int unsigned", "4294967295", "UINTEGER", "4294967295"],
  ["bi", "bigint", "-9223372036854775808", "BIGINT", "-9223372036854775808"],
  ["biu", "bigint unsigned", "18446744073709551615", "UBIGINT", "18446744073709551615"],
  ["dm", "decimal(10,2)", "-12345678.99", "DECIMAL(10,2)", "-12345678.99"],
  [
    "dec38",
    "decimal(38,10)",
    "1234567890123456789012345678.0123456789",
    "DECIMAL(38,10)",
    "1234567890123456789012345678.0123456789",
  ],
  ["dm65", "decimal(65,30)", "12345.5", "DOUBLE", "12345.5"],
  ["dmu", "decimal(5,1) unsigned", "9999.9", "DECIMAL(5,1)", "9999.9"],
  ["fl", "float", "1.5", "FLOAT", "1.5"],
  ["db", "double", "0.1", "DOUBLE", "0.1"],
  ["d", "date", "'2024-02-29'", "DATE", "2024-02-29"],
  ["dzero", "date", "'0000-00-00'", "DATE", "NULL"],
  ["dt", "datetime", "'2024-01-02 03:04:05'", "TIMESTAMP", "2024-01-02 03:04:05"],
  ["dt6", "datetime(6)", "'9999-12-31 23:59:59.999999'", "TIMESTAMP", "9999-12-31 23:59:59.999999"],
  ["dtzero", "datetime", "'0000-00-00 00:00:00'", "TIMESTAMP", "NULL"],
  [
    "stamp",
    "timestamp(3) NULL",
    "'2038-01-19 03:14:07.5'",
    "TIMESTAMP WITH TIME ZONE",
    "2038-01-19 03:14:07.5+00",
  ],
  ["tm", "time", "'12:34:56'", "TIME", "12:34:56"],
  ["tmlong", "time", "'838:59:59'", "TIME", "NULL"],
  ["yr", "year", "2024", "SMALLINT", "2024"],
  ["ch", "char(5)", "'ab'", "VARCHAR", "ab"],
  ["vc", "varchar(10)", "'héllo'", "VARCHAR", "héllo"],
  ["tx", "mediumtext", "'two\\nlines'", "VARCHAR", "two\nlines"],
  ["en", "enum('low','high')", "'high'", "VARCHAR", "high"],
  ["st", "set('a','b','c')", "'a,c'", "VARCHAR", "a,c"],
  ["js", "json", `'{"b": 1,  "a": [true]}'`, "VARCHAR", '{"b": 1,  "a": [true]}'],
  [
    "u",
    "uuid",
    "'0E6B7A48-7B3E-4B8A-9A3C-1D2E3F405060'",
    "UUID",
    "0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060",
  ],
  ["bn", "binary(3)", "x'00ff10'", "BLOB", "\\x00\\xFF\\x10"],
  ["bl", "blob", "x'61'", "BLOB", "a"],
  ["pt", "point", "POINT(1, 2.5)", "VARCHAR", '{"x":1,"y":2.5}'],
  ["b1", "bit(1)", "b'1'", "BOOLEAN", "true"],
  [
    "b64",
    "bit(64)",
    "b'1000000000000000000000000000000000000000000000000000000000000001'",
    "UBIGINT",
    "9223372036854775809",
  ],
];

const createSql = (table: string, cases: TypeCase[]) =>
  `CREATE TABLE ${table} (id int PRIMARY KEY, ${cases.map(([c, type]) => `${c} ${type}`).join(", ")})`;
const insertSql = (table: string, cases: TypeCase[]) =>
  `INSERT INTO ${table} (id, ${cases.map(([c]) => c).join(", ")}) VALUES (1, ${cases.map((c) => c[2]).join(", ")})`;

let pgf: PgFixture;
let myf: MyFixture;
beforeAll(async () => {
  pgf = await pgFixture(
    "CREATE TYPE shop.mood AS ENUM ('sad', 'happy')",
    createSql("shop.kinds", PG_TYPES),
    insertSql("shop.kinds", PG_TYPES),
    "INSERT INTO shop.kinds (id) VALUES (2)",
    "CREATE TABLE shop.grid (id int PRIMARY KEY, m integer[])",
    "INSERT INTO shop.grid VALUES (1, '{{1,2},{3,4}}')",
  );
  myf = await myFixture(
    // Zero dates, as MySQL keeps them outside strict mode.
    "SET SESSION sql_mode = ''",
    createSql("$db.kinds", MY_TYPES),
    insertSql("$db.kinds", MY_TYPES),
    "INSERT INTO $db.kinds (id) VALUES (2)",
  );
});
afterAll(async () => {
  await Promise.all([pgf?.close(), myf?.close()]);
});

function typeCases(name: string, read: () => Promise<ReadResult>, cases: TypeCase[]) {
  describe(`${name} types`, () => {
    let relation: ReadResult;
    let types: Record<string, unknown>;
    let values: Record<string, unknown>[];
    beforeAll(async () => {
      relation = await read();
      const described = await relation.rows("DESCRIBE SELECT * FROM $rel");
      types = Object.fromEntries(described.map((r) => [r.column_name, r.column_type]));
      const text = cases.map(([c]) => `"${c}"::VARCHAR AS "${c}"`).join(", ");
      values = await relation.rows(`SELECT ${text} FROM $rel ORDER BY id`);
    });

    it.each(cases)("%s %s", (column, _, __, duckType, value) => {
      expect(types[column]).toBe(duckType);
      expect(values[0][column]).toBe(value === "NULL" ? null : value);
      expect(values[1][column]).toBeNull();
    });
  });
}

const columns = (cases: TypeCase[]) => ["id", ...cases.map(([c]) => c)];
typeCases(
  "PostgreSQL",
  () => pgf.read({ columns: columns(PG_TYPES), predicates: [] }, { table: "kinds" }),
  PG_TYPES,
);
typeCases(
  "MariaDB",
  () => myf.read({ columns: columns(MY_TYPES), predicates: [] }, { table: "kinds" }),
  MY_TYPES,
);

describe("PostgreSQL arrays of more than one dimension", () => {
  it("are refused naming the column, which can be left out", async () => {
    await expect(pgf.read({ columns: ["id", "m"], predicates: [] }, { table: "grid" })).rejects.toThrow(
      "Reading pgshop.shop.grid: column m holds an array of more than one dimension; Tarn reads PostgreSQL arrays as one-dimensional lists. Leave the column out of the query.",
    );
    const rest = await pgf.read({ columns: ["id"], predicates: [] }, { table: "grid" });
    expect(await rest.rows("SELECT id FROM $rel")).toEqual([{ id: 1 }]);
  });
});
