import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MyFixture, myFixture } from "./my-fixture";
import { openSource } from "./source";
import { myRun } from "./testing";

let f: MyFixture;
beforeAll(async () => {
  f = await myFixture(
    `CREATE TABLE $db.customers (id int unsigned NOT NULL PRIMARY KEY, name varchar(80), active tinyint(1),
       born date, seen datetime(6), stamp timestamp(3) NULL, balance decimal(14,4), score double, ratio float,
       flags bit(3), flag bit(1), raw varbinary(8), data json, uid uuid, big bigint unsigned, level enum('low','high'))`,
    `INSERT INTO $db.customers VALUES
       (1, 'Ada', 1, '1815-12-10', '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05.500', 1234567890.1234, 0.1, 0.5,
        b'101', b'1', x'00ff', '{"a": [1, 2]}', '0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060', 18446744073709551615, 'high'),
       (2, 'Alan', 0, '1912-06-23', NULL, NULL, -0.0001, NULL, NULL, NULL, b'0', NULL, NULL, NULL, 0, 'low'),
       (3, 'ada', 2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
       (4, 'Ada  ', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`,
    "INSERT INTO $db.customers (id, name) SELECT 100 + seq, CONCAT('c', seq) FROM $db.seq_1_to_500",
    "CREATE VIEW $db.slow AS SELECT SLEEP(30) AS nap",
  );
});
afterAll(() => f?.close());

const read: MyFixture["read"] = (request, options) => f.read(request, options);

const ALL = [
  "id",
  "name",
  "active",
  "born",
  "seen",
  "stamp",
  "balance",
  "score",
  "ratio",
  "flags",
  "flag",
  "raw",
  "data",
  "uid",
  "big",
  "level",
];
const int = (value: number) => ({ type: "integer" as const, value: BigInt(value) });

describe("MariaDB types", () => {
  it("map to DuckDB types and round-trip values, NULLs included", async () => {
    const { rows } = await read({
      columns: ALL,
      predicates: [{ column: "id", op: "<=", value: int(2) }],
    });
    const described = await rows("DESCRIBE SELECT * FROM $rel");
    expect(Object.fromEntries(described.map((r) => [r.column_name, r.column_type]))).toEqual({
      id: "UINTEGER",
      name: "VARCHAR",
      active: "BOOLEAN",
      born: "DATE",
      seen: "TIMESTAMP",
      stamp: "TIMESTAMP WITH TIME ZONE",
      balance: "DECIMAL(14,4)",
      score: "DOUBLE",
      ratio: "FLOAT",
      flags: "UBIGINT",
      flag: "BOOLEAN",
      raw: "BLOB",
      data: "VARCHAR",
      uid: "UUID",
      big: "UBIGINT",
      level: "VARCHAR",
    });
    const text = ALL.map((c) => `"${c}"::VARCHAR AS "${c}"`).join(", ");
    expect(await rows(`SELECT ${text} FROM $rel ORDER BY id`)).toEqual([
      {
        id: "1",
        name: "Ada",
        active: "true",
        born: "1815-12-10",
        seen: "2024-01-02 03:04:05.123456",
        stamp: "2024-01-02 03:04:05.5+00",
        balance: "1234567890.1234",
        score: "0.1",
        ratio: "0.5",
        flags: "5",
        flag: "true",
        raw: "\\x00\\xFF",
        data: '{"a": [1, 2]}',
        uid: "0e6b7a48-7b3e-4b8a-9a3c-1d2e3f405060",
        big: "18446744073709551615",
        level: "high",
      },
      {
        id: "2",
        name: "Alan",
        active: "false",
        born: "1912-06-23",
        seen: null,
        stamp: null,
        balance: "-0.0001",
        score: null,
        ratio: null,
        flags: null,
        flag: "false",
        raw: null,
        data: null,
        uid: null,
        big: "0",
        level: "low",
      },
    ]);
  });
});

describe("MariaDB pushdown", () => {
  it("binds parameters server-side and checks case-insensitive matches again in DuckDB", async () => {
    const { sent, rows } = await read({
      columns: ["id"],
      predicates: [{ column: "name", op: "=", value: { type: "string", value: "Ada" } }],
    });
    expect(sent).toEqual([
      {
        sql: f.sql('SELECT "id", "name" FROM "$db"."customers" WHERE "name" = ? LIMIT ?'),
        params: ["Ada", 1000001],
      },
    ]);
    // MariaDB's collation also matched 'ada' and 'Ada  '; DuckDB keeps exactly 'Ada'.
    expect(await rows("SELECT id::INTEGER AS id FROM $rel")).toEqual([{ id: 1 }]);
  });

  it("sends numeric and date comparisons exactly, typed", async () => {
    const { sent, rows } = await read({
      columns: ["id"],
      predicates: [
        { column: "balance", op: ">", value: { type: "decimal", value: "-0.00005" } },
        { column: "born", op: ">=", value: { type: "date", value: "1800-01-01" } },
        { column: "id", op: "IN", values: [int(1), int(2), int(3)] },
      ],
    });
    expect(sent[0].sql).toBe(
      f.sql(
        'SELECT "id", "born" FROM "$db"."customers" WHERE "balance" > CAST(? AS DECIMAL(65, 5)) AND "born" >= CAST(? AS DATE) AND "id" IN (CAST(? AS DECIMAL(65, 0)), CAST(? AS DECIMAL(65, 0)), CAST(? AS DECIMAL(65, 0))) LIMIT ?',
      ),
    );
    expect(sent[0].params).toEqual(["-0.00005", "1800-01-01", "1", "2", "3", 1000001]);
    expect(await rows("SELECT id::INTEGER AS id FROM $rel")).toEqual([{ id: 1 }]);
  });

  it("keeps string ranges and tinyint(1) booleans in DuckDB", async () => {
    const { sent, rows } = await read({
      columns: ["id"],
      predicates: [
        { column: "name", op: "<", value: { type: "string", value: "B" } },
        { column: "active", op: "=", value: { type: "boolean", value: true } },
      ],
    });
    expect(sent[0].sql).toBe(f.sql('SELECT "id", "name", "active" FROM "$db"."customers" LIMIT ?'));
    // 'ada' > 'B' in byte order; active = 2 reads as true.
    expect(await rows("SELECT id::INTEGER AS id FROM $rel ORDER BY id")).toEqual([{ id: 1 }]);
  });

  it("fails past the row cap", async () => {
    await expect(read({ columns: ["id"], predicates: [] }, { rowCap: 100 })).rejects.toThrow(
      `myshop.${f.database}.customers returned more than 100 rows; add a filter.`,
    );
  });

  it("says so when the source cannot be reached", async () => {
    // Nothing listens on port 1: the connection is refused.
    const attempt = read(
      { columns: ["id"], predicates: [] },
      { openSource: (c) => openSource({ ...c, port: 1 }) },
    );
    await expect(attempt).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("Cannot reach the MySQL/MariaDB server at "),
    });
  });

  it("cancels the query on the server", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    await expect(
      read({ columns: ["nap"], predicates: [] }, { table: "slow", signal: controller.signal }),
    ).rejects.toThrow("The query was cancelled.");
    const sleeping = await myRun(
      `SELECT count(*) AS n FROM information_schema.PROCESSLIST WHERE DB = '${f.database}' AND COMMAND = 'Execute'`,
    );
    expect(Number(sleeping[0].n)).toBe(0);
  });
});
