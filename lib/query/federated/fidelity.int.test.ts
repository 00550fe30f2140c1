/**
 * Pushdown fidelity against the real servers: for each simple predicate, the relation
 * (predicate sent to the source where pushdown.ts allows it, checked again in DuckDB where
 * it may keep more) holds exactly the rows DuckDB keeps when it applies the predicate,
 * written by hand, to the whole table. Values are chosen where the databases differ:
 * case, trailing blanks, accents, LIKE wildcards, NaN and infinities, 4-byte floats, BC
 * and zero dates, tinyint(1) holding 2.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MyFixture, myFixture } from "./my-fixture";
import { type PgFixture, pgFixture } from "./pg-fixture";
import type { PredicateValue, SimplePredicate } from "./predicates";
import type { ReadResult } from "./testing";

const str = (value: string): PredicateValue => ({ type: "string", value });
const int = (value: bigint | number): PredicateValue => ({ type: "integer", value: BigInt(value) });
const dec = (value: string): PredicateValue => ({ type: "decimal", value });
const dbl = (value: number): PredicateValue => ({ type: "double", value });
const date = (value: string): PredicateValue => ({ type: "date", value });
const ts = (value: string): PredicateValue => ({ type: "timestamp", value });
const tz = (value: string): PredicateValue => ({ type: "timestamptz", value });
const TRUE: PredicateValue = { type: "boolean", value: true };
const UUID = "0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060";

/** [name, predicate, the same predicate in DuckDB SQL over the whole relation]. */
type Case = [string, SimplePredicate, string];

const COMMON: Case[] = [
  ["text =", { column: "s", op: "=", value: str("a") }, "s = 'a'"],
  ["text = with a trailing blank", { column: "s", op: "=", value: str("a ") }, "s = 'a '"],
  ["text <>", { column: "s", op: "<>", value: str("a") }, "s <> 'a'"],
  ["text <", { column: "s", op: "<", value: str("b") }, "s < 'b'"],
  ["text >=", { column: "s", op: ">=", value: str("B") }, "s >= 'B'"],
  [
    "text IN",
    { column: "s", op: "IN", values: [str("a"), str("B"), str("ñ")] },
    "s IN ('a', 'B', 'ñ')",
  ],
  ["text IN nothing", { column: "s", op: "IN", values: [] }, "false"],
  ["text LIKE a prefix", { column: "s", op: "LIKE", prefix: "a" }, "s LIKE 'a%'"],
  ["LIKE: _ is plain text", { column: "s", op: "LIKE", prefix: "_x" }, "starts_with(s, '_x')"],
  ["LIKE: % is plain text", { column: "s", op: "LIKE", prefix: "%" }, "starts_with(s, '%')"],
  ["LIKE: ! is plain text", { column: "s", op: "LIKE", prefix: "a!" }, "starts_with(s, 'a!')"],
  ["LIKE: \\ is plain text", { column: "s", op: "LIKE", prefix: "a\\" }, "starts_with(s, 'a\\')"],
  ["LIKE an empty prefix", { column: "s", op: "LIKE", prefix: "" }, "s LIKE '%'"],
  ["text IS NULL", { column: "s", op: "IS NULL" }, "s IS NULL"],
  ["text IS NOT NULL", { column: "s", op: "IS NOT NULL" }, "s IS NOT NULL"],
  ["decimal >= a decimal", { column: "n", op: ">=", value: dec("0.1") }, "n >= 0.1"],
  ["decimal = an integer", { column: "n", op: "=", value: int(0) }, "n = 0"],
  ["decimal < a double", { column: "n", op: "<", value: dbl(2.25) }, "n < 2.25::DOUBLE"],
  ["decimal > a fine decimal", { column: "n", op: ">", value: dec("0.1004999") }, "n > 0.1004999"],
  ["bigint > an integer", { column: "i", op: ">", value: int(5) }, "i > 5"],
  ["bigint <= a decimal", { column: "i", op: "<=", value: dec("2.5") }, "i <= 2.5"],
  [
    "bigint = past int64",
    { column: "i", op: "=", value: int(2n ** 70n) },
    "i = 1180591620717411303424",
  ],
  [
    "bigint < past int64",
    { column: "i", op: "<", value: int(2n ** 70n) },
    "i < 1180591620717411303424",
  ],
  ["bigint IN", { column: "i", op: "IN", values: [int(1), int(-3), int(9)] }, "i IN (1, -3, 9)"],
  ["double > an integer", { column: "d", op: ">", value: int(0) }, "d > 0"],
  ["double = a decimal", { column: "d", op: "=", value: dec("0.1") }, "d = 0.1"],
  ["double < a double", { column: "d", op: "<", value: dbl(1e300) }, "d < 1e300"],
  ["real = a decimal", { column: "r", op: "=", value: dec("0.1") }, "r = 0.1"],
  ["real > a decimal", { column: "r", op: ">", value: dec("0.1") }, "r > 0.1"],
  ["real IS NULL", { column: "r", op: "IS NULL" }, "r IS NULL"],
  ["boolean = true", { column: "b", op: "=", value: TRUE }, "b = true"],
  ["boolean <> true", { column: "b", op: "<>", value: TRUE }, "b <> true"],
  ["boolean IS NULL", { column: "b", op: "IS NULL" }, "b IS NULL"],
  [
    "date >= a date",
    { column: "dt", op: ">=", value: date("2000-01-01") },
    "dt >= DATE '2000-01-01'",
  ],
  ["date < a date", { column: "dt", op: "<", value: date("2000-01-01") }, "dt < DATE '2000-01-01'"],
  [
    "date < a timestamp",
    { column: "dt", op: "<", value: ts("2024-02-29 12:00:00") },
    "dt < TIMESTAMP '2024-02-29 12:00:00'",
  ],
  ["date IS NULL", { column: "dt", op: "IS NULL" }, "dt IS NULL"],
  ["date IS NOT NULL", { column: "dt", op: "IS NOT NULL" }, "dt IS NOT NULL"],
  [
    "timestamp > a date",
    { column: "ts", op: ">", value: date("2024-01-01") },
    "ts > DATE '2024-01-01'",
  ],
  [
    "timestamp = a timestamp",
    { column: "ts", op: "=", value: ts("2024-01-01 10:00:00.5") },
    "ts = TIMESTAMP '2024-01-01 10:00:00.5'",
  ],
  [
    "timestamp <= a timestamp",
    { column: "ts", op: "<=", value: ts("2024-01-01 10:00:00") },
    "ts <= TIMESTAMP '2024-01-01 10:00:00'",
  ],
  ["timestamp IS NULL", { column: "ts", op: "IS NULL" }, "ts IS NULL"],
  [
    "instant >= an instant",
    { column: "tz", op: ">=", value: tz("2024-01-01 10:30:00+01") },
    "tz >= TIMESTAMPTZ '2024-01-01 10:30:00+01'",
  ],
  ["instant IS NOT NULL", { column: "tz", op: "IS NOT NULL" }, "tz IS NOT NULL"],
  ["instant IS NULL", { column: "tz", op: "IS NULL" }, "tz IS NULL"],
  ["uuid =", { column: "u", op: "=", value: str(UUID) }, `u = '${UUID}'`],
  ["uuid = in capitals", { column: "u", op: "=", value: str(UUID.toUpperCase()) }, `u = '${UUID}'`],
  ["uuid IN", { column: "u", op: "IN", values: [str(UUID)] }, `u IN ('${UUID}')`],
];

const PG_ONLY: Case[] = [
  ["character(n) =", { column: "c", op: "=", value: str("AB") }, "c = 'AB'"],
  ["character(n) = padded", { column: "c", op: "=", value: str("AB  ") }, "c = 'AB  '"],
  ["character(n) <", { column: "c", op: "<", value: str("B") }, "c < 'B'"],
  ["character(n) LIKE", { column: "c", op: "LIKE", prefix: "A" }, "c LIKE 'A%'"],
  [
    "date before year 1",
    { column: "dt", op: "<", value: date("0001-01-01") },
    "dt < DATE '0001-01-01'",
  ],
  ["double NaN is greatest", { column: "d", op: ">", value: dbl(1e308) }, "d > 1e308"],
];

// id, s, n, i, d, r, b, dt, ts, tz, u — in PostgreSQL's and MySQL's literal syntax where they differ.
type Row = [number, string, string, string, string, string, string, string, string, string, string];

const TEXTS = [
  "'a'",
  "'A'",
  "'a '",
  "'b'",
  "'B'",
  "'ab'",
  "'á'",
  "'ñ'",
  "'_x'",
  "'%y'",
  "'a!b'",
  "'a\\b'",
  "''",
  "'z'",
  "NULL",
];
const DECIMALS = ["-1.5", "0", "0.1", "0.1005", "2.25", "1000000", "NULL"];
const BIGINTS = [
  "-3",
  "0",
  "1",
  "2",
  "5",
  "6",
  "9223372036854775807",
  "-9223372036854775808",
  "NULL",
];
const UUIDS = [`'${UUID}'`, "'00000000-0000-0000-0000-000000000000'", "NULL"];

const PG_DOUBLES = [
  "'NaN'",
  "'Infinity'",
  "'-Infinity'",
  "0.1",
  "0.30000000000000004",
  "-0.0",
  "1e-300",
  "NULL",
];
const MY_DOUBLES = ["0.1", "0.30000000000000004", "-0.0", "1e-300", "1e308", "NULL"];
const REALS = ["0.1", "0.5", "0.2", "-1", "NULL"];
const PG_BOOLS = ["true", "false", "NULL"];
const MY_BOOLS = ["1", "0", "2", "NULL"];
const PG_DATES = [
  "'0044-03-15 BC'",
  "'infinity'",
  "'-infinity'",
  "'2024-02-29'",
  "'1999-12-31'",
  "'2000-01-01'",
  "NULL",
];
const MY_DATES = [
  "'0000-00-00'",
  "'2024-02-29'",
  "'1999-12-31'",
  "'2000-01-01'",
  "'1000-01-01'",
  "NULL",
];
const PG_TIMESTAMPS = [
  "'2024-01-01 10:00:00.5'",
  "'2024-01-01 10:00:00'",
  "'0044-03-15 12:00:00 BC'",
  "'infinity'",
  "'2023-12-31 23:59:59.999999'",
  "NULL",
];
const MY_TIMESTAMPS = [
  "'2024-01-01 10:00:00.5'",
  "'2024-01-01 10:00:00'",
  "'0000-00-00 00:00:00'",
  "'2023-12-31 23:59:59.999999'",
  "NULL",
];
const PG_INSTANTS = [
  "'2024-01-01 09:30:00+00'",
  "'2024-01-01 09:29:59+00'",
  "'2024-01-01 10:30:00+01'",
  "'-infinity'",
  "NULL",
];
const MY_INSTANTS = [
  "'2024-01-01 09:30:00'",
  "'2024-01-01 09:29:59'",
  "'2024-01-01 10:00:00'",
  "'0000-00-00 00:00:00'",
  "NULL",
];

function rows(dialect: "pg" | "my"): Row[] {
  const pick = (values: string[], i: number) => values[i % values.length];
  const pg = dialect === "pg";
  return TEXTS.map(
    (s, i): Row => [
      i + 1,
      s,
      pick(DECIMALS, i),
      pick(BIGINTS, i),
      pick(pg ? PG_DOUBLES : MY_DOUBLES, i),
      pick(REALS, i),
      pick(pg ? PG_BOOLS : MY_BOOLS, i),
      pick(pg ? PG_DATES : MY_DATES, i),
      pick(pg ? PG_TIMESTAMPS : MY_TIMESTAMPS, i),
      pick(pg ? PG_INSTANTS : MY_INSTANTS, i),
      pick(UUIDS, i),
    ],
  );
}

const values = (dialect: "pg" | "my") => rows(dialect).map((r) => `(${r.join(", ")})`);

const PG_TRICKY = [
  `CREATE TABLE shop.tricky (id int PRIMARY KEY, s text, n numeric(12,4), i bigint, d double precision, r real,
     b boolean, dt date, ts timestamp, tz timestamptz, u uuid, c character(4))`,
  `INSERT INTO shop.tricky (id, s, n, i, d, r, b, dt, ts, tz, u) VALUES ${values("pg").join(", ")}`,
  "UPDATE shop.tricky SET c = CASE id % 4 WHEN 0 THEN 'AB' WHEN 1 THEN 'ab' WHEN 2 THEN 'B' END",
];

const MY_TRICKY = [
  "SET SESSION sql_mode = ''",
  `CREATE TABLE $db.tricky (id int PRIMARY KEY, s varchar(20), n decimal(12,4), i bigint, d double, r float,
     b tinyint(1), dt date, ts datetime(6), tz timestamp NULL, u uuid) DEFAULT CHARSET utf8mb4`,
  // Escapes off, so '\\' in the values above is one backslash, as in PostgreSQL.
  "SET SESSION sql_mode = 'NO_BACKSLASH_ESCAPES'",
  `INSERT INTO $db.tricky VALUES ${values("my").join(", ")}`,
];

type Reader = (columns: string[], predicates: SimplePredicate[]) => Promise<ReadResult>;
const COLUMNS = ["id", "s", "n", "i", "d", "r", "b", "dt", "ts", "tz", "u"];

function fidelityCases(name: string, reader: () => Reader, cases: Case[]) {
  describe(`${name}: a pushed-down predicate keeps exactly the rows DuckDB keeps`, () => {
    let whole: ReadResult;
    beforeAll(async () => {
      whole = await reader()(name === "PostgreSQL" ? [...COLUMNS, "c"] : COLUMNS, []);
    });

    it("has the tricky rows", async () => {
      expect(await whole.rows("SELECT count(*)::INTEGER AS n FROM $rel")).toEqual([
        { n: TEXTS.length },
      ]);
    });

    it.each(cases)("%s", async (_, predicate, duckSql) => {
      const expected = await whole.rows(
        `SELECT list(id ORDER BY id)::VARCHAR AS ids FROM $rel WHERE ${duckSql}`,
      );
      const got = await reader()(["id"], [predicate]);
      expect(await got.rows("SELECT list(id ORDER BY id)::VARCHAR AS ids FROM $rel")).toEqual(
        expected,
      );
    });
  });
}

let pgf: PgFixture;
let myf: MyFixture;
beforeAll(async () => {
  pgf = await pgFixture(...PG_TRICKY);
  myf = await myFixture(...MY_TRICKY);
});
afterAll(async () => {
  await Promise.all([pgf?.close(), myf?.close()]);
});

const reader =
  (f: () => PgFixture | MyFixture): (() => Reader) =>
  () =>
  (columns, predicates) =>
    f().read({ columns, predicates }, { table: "tricky" });

fidelityCases(
  "PostgreSQL",
  reader(() => pgf),
  [...COMMON, ...PG_ONLY],
);
fidelityCases(
  "MariaDB",
  reader(() => myf),
  COMMON,
);
