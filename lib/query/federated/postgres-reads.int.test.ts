import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendRows, createTable, scanTable } from "@/lib/catalog";
import { federatedRelation } from "./index";
import { PG_ORDERS, type PgFixture, pgFixture } from "./pg-fixture";
import { openSource } from "./source";
import { pgRun } from "./testing";

let f: PgFixture;
beforeAll(async () => {
  f = await pgFixture();
});
afterAll(() => f?.close());

const ALL = [
  "id",
  "customer_id",
  "amount",
  "placed_at",
  "placed_on",
  "local_ts",
  "note",
  "code",
  "paid",
  "ref",
  "meta",
  "qty",
  "ratio",
  "small_ratio",
  "big",
  "payload",
  "tags",
];
const int = (value: number) => ({ type: "integer" as const, value: BigInt(value) });

describe("types", () => {
  it("map to DuckDB types", async () => {
    const { rows } = await f.read({
      columns: ALL,
      predicates: [{ column: "id", op: "=", value: int(1) }],
    });
    const described = await rows("DESCRIBE SELECT * FROM $rel");
    expect(Object.fromEntries(described.map((r) => [r.column_name, r.column_type]))).toEqual({
      id: "BIGINT",
      customer_id: "INTEGER",
      amount: "DECIMAL(12,2)",
      placed_at: "TIMESTAMP WITH TIME ZONE",
      placed_on: "DATE",
      local_ts: "TIMESTAMP",
      note: "VARCHAR",
      code: "VARCHAR",
      paid: "BOOLEAN",
      ref: "UUID",
      meta: "JSON",
      qty: "SMALLINT",
      ratio: "DOUBLE",
      small_ratio: "FLOAT",
      big: "DOUBLE",
      payload: "BLOB",
      tags: "VARCHAR[]",
    });
  });

  it("round-trip values, NULLs included", async () => {
    const { rows } = await f.read({
      columns: ALL,
      predicates: [{ column: "id", op: "IN", values: [int(1), int(1001)] }],
    });
    const text = ALL.map((c) => `"${c}"::VARCHAR AS "${c}"`).join(", ");
    expect(await rows(`SELECT ${text} FROM $rel ORDER BY id`)).toEqual([
      {
        id: "1",
        customer_id: "2",
        amount: "1.25",
        placed_at: "2024-01-01 01:00:00+00",
        placed_on: "2024-01-02",
        local_ts: "2024-01-01 00:01:00.123456",
        note: "note 1",
        code: "CD",
        paid: "false",
        ref: "c4ca4238-a0b9-2382-0dcc-509a6f75849b",
        meta: '{"g": 1}',
        qty: "1",
        ratio: "0.25",
        small_ratio: "0.25",
        big: "1000000000000.5",
        payload: "\\x00\\x01",
        tags: "[a, b]",
      },
      Object.fromEntries(
        ALL.map((c) => [c, c === "id" ? "1001" : c === "customer_id" ? "7" : null]),
      ),
    ]);
  });

  it("keep decimals exact", async () => {
    const { rows } = await f.read({ columns: ["amount"], predicates: [] });
    const [direct] = await pgRun(f.database, "SELECT sum(amount)::text AS s FROM shop.orders");
    expect(await rows("SELECT sum(amount)::VARCHAR AS s FROM $rel")).toEqual([direct]);
  });
});

describe("the row cap", () => {
  it("fails with a message that says what to do", async () => {
    const attempt = f.read({ columns: ["id"], predicates: [] }, { rowCap: 100 });
    await expect(attempt).rejects.toMatchObject({
      code: "bad_request",
      message:
        "pgshop.shop.orders returned more than 100 rows; add a filter. A federated table brings at most 100 rows into a query; an admin can raise that limit.",
    });
  });

  it("asks the source for one row more than the cap, and a narrower read passes", async () => {
    const { sent, rows } = await f.read(
      { columns: ["id"], predicates: [{ column: "id", op: "<=", value: int(100) }] },
      { rowCap: 100 },
    );
    expect(sent[0].params.at(-1)).toBe("101");
    expect(await rows("SELECT count(*)::INTEGER AS n FROM $rel")).toEqual([{ n: 100 }]);
  });

  it("comes from TARN_FEDERATED_ROW_CAP", async () => {
    process.env.TARN_FEDERATED_ROW_CAP = "5";
    try {
      await expect(f.read({ columns: ["id"], predicates: [] })).rejects.toThrow(
        "returned more than 5 rows; add a filter",
      );
    } finally {
      delete process.env.TARN_FEDERATED_ROW_CAP;
    }
  });
});

describe("cancel", () => {
  it("stops the query on the server", async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const attempt = f.read(
      { columns: ["id", "nap"], predicates: [] },
      { table: "slow", signal: controller.signal },
    );
    await expect(attempt).rejects.toMatchObject({ message: "The query was cancelled." });
    // The view sleeps 50 s in all (longer than the test's timeout); cancelled, nothing of it runs on.
    const running = await pgRun(
      f.database,
      "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tarn-query' AND state = 'active'",
    );
    expect(running).toEqual([{ n: 0 }]);
  });

  it("does not start when the statement was cancelled before", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      f.read({ columns: ["id"], predicates: [] }, { signal: controller.signal }),
    ).rejects.toThrow("The query was cancelled.");
  });
});

describe("in a query", () => {
  it("joins with an Iceberg table in DuckDB", async () => {
    const segments = { catalog: "lake", namespace: ["db"], name: "segments" };
    await createTable(f.t.ctx, segments, {
      schema: {
        type: "struct",
        schemaId: 0,
        fields: [
          { id: 1, name: "customer_id", type: "int", required: true },
          { id: 2, name: "segment", type: "string", required: true },
        ],
      },
    });
    await appendRows(
      f.t.ctx,
      segments,
      f.t.duck,
      "SELECT i::INTEGER AS customer_id, CASE WHEN i <= 25 THEN 'low' ELSE 'high' END AS segment FROM range(1, 51) t(i)",
    );
    const lake = (await scanTable(f.t.ctx, segments)).sql;
    const { rows } = await f.read({
      columns: ["customer_id", "amount"],
      predicates: [{ column: "id", op: "<=", value: int(1000) }],
    });
    const joined = await rows(
      `SELECT s.segment, sum(o.amount)::VARCHAR AS total FROM $rel o JOIN ${lake} s USING (customer_id) GROUP BY 1 ORDER BY 1`,
    );
    const expected = await pgRun(
      f.database,
      `SELECT CASE WHEN customer_id <= 25 THEN 'low' ELSE 'high' END AS segment, sum(amount)::text AS total FROM shop.orders WHERE id <= 1000 GROUP BY 1 ORDER BY 1`,
    );
    expect(joined).toEqual(expected);
  });

  it("uses a temp table of its own per reference, the staging table dropped", async () => {
    const a = await f.read({ columns: ["id"], predicates: [] });
    const b = await f.read({ columns: ["id"], predicates: [] });
    expect(a.relationSql).not.toBe(b.relationSql);
    const temps = await a.rows(
      "SELECT table_name FROM duckdb_tables() WHERE temporary AND table_name LIKE 'tarn_federated_%'",
    );
    expect(temps.some((r) => String(r.table_name).endsWith("_raw"))).toBe(false);
    expect(a.relationSql).toMatch(/^\(SELECT \* FROM temp\.main\."tarn_federated_[0-9a-f]{16}"\)$/);
  });

  it("names the table it read", async () => {
    const relation = await federatedRelation(f.t.ctx, PG_ORDERS, {
      columns: ["id"],
      predicates: [],
    });
    expect(relation.tablesRead).toEqual(["pgshop.shop.orders"]);
    expect(relation.setup.map((s) => s.describe)).toEqual([
      "read pgshop.shop.orders from its source database",
    ]);
  });
});

describe("refusals", () => {
  it("asks lib/access for table.read before anything reaches the source", async () => {
    const attempt = federatedRelation({ ...f.t.ctx, actor: null as never }, PG_ORDERS, {
      columns: ["id"],
      predicates: [],
    });
    await expect(attempt).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it.each([
    [
      "an unknown table",
      { ...PG_ORDERS, name: "nope" },
      { columns: ["id"], predicates: [] },
      "Table shop.nope does not exist.",
    ],
    [
      "an unknown column",
      PG_ORDERS,
      { columns: ["nope"], predicates: [] },
      'pgshop.shop.orders has no column "nope".',
    ],
    [
      "a malformed date",
      PG_ORDERS,
      {
        columns: ["id"],
        predicates: [
          {
            column: "placed_on",
            op: "=" as const,
            value: { type: "date" as const, value: "1 May" },
          },
        ],
      },
      '"1 May" is not a date literal.',
    ],
    [
      "a bad LIMIT",
      PG_ORDERS,
      { columns: ["id"], predicates: [], limit: -1 },
      "A LIMIT must be a whole number of rows, 0 or more.",
    ],
  ])("%s", async (_, ident, request, message) => {
    await expect(federatedRelation(f.t.ctx, ident, request)).rejects.toThrow(message);
  });

  it("passes the source's own error on in words, not as a crash", async () => {
    const attempt = f.read({
      columns: ["id"],
      predicates: [{ column: "ref", op: "=", value: { type: "string", value: "not-a-uuid" } }],
    });
    await expect(attempt).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining(
        "Reading pgshop.shop.orders: The PostgreSQL server at 127.0.0.1:5432 answered with an error (22P02)",
      ),
    });
  });

  it("says so when the source cannot be reached", async () => {
    // Nothing listens on port 1: the connection is refused.
    const attempt = f.read(
      { columns: ["id"], predicates: [] },
      { openSource: (c) => openSource({ ...c, port: 1 }) },
    );
    await expect(attempt).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringMatching(
        /^Reading pgshop\.shop\.orders: Cannot reach the PostgreSQL server at /,
      ),
    });
  });
});
