/** Federated tables through the planner: joined with lakehouse tables, columns and simple predicates pushed to PostgreSQL. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_READ, SYSTEM } from "@/lib/access";
import { createFederatedCatalog } from "@/lib/catalog/federated";
import type { Schema } from "@/lib/iceberg/spec";
import type { SourceStatement } from "@/lib/query/federated";
import type { OpenSource } from "@/lib/query/federated";
import { pgRun, recordingSource, scratchName } from "@/lib/query/federated/testing";
import { planQuery, type ReadPolicyFn } from "./index";
import { planFixture, type PlanFixture, tableWithRows } from "./testing/fixture";

process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

let f: PlanFixture;
const database = scratchName();
const sent: SourceStatement[] = [];
let fetched = 0;
/** The real source, noting every statement sent and counting the rows that come back. */
const counting: OpenSource = async (connection) => {
  const source = await recordingSource(sent)(connection);
  return {
    ...source,
    stream: (statement, onRow) => source.stream(statement, (values) => {
      fetched++;
      onRow(values);
    }),
  };
};
const options = { federated: { openSource: counting } };
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "customer_id", type: "long", required: false },
    { id: 2, name: "segment", type: "string", required: false },
  ],
};

beforeAll(async () => {
  f = await planFixture();
  await pgRun("postgres", `CREATE DATABASE ${database}`);
  await pgRun(
    database,
    "CREATE SCHEMA shop",
    "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id integer, amount numeric(12,2), placed_on date, note text)",
    "INSERT INTO shop.orders SELECT g, g % 3 + 1, g * 1.5, date '2024-01-01' + g, 'n' || g FROM generate_series(1, 30) g",
  );
  await createFederatedCatalog(f.t.db, SYSTEM, { name: "pg", connection: { type: "postgresql", host: "127.0.0.1", port: 5432, database, user: "postgres" } });
  await tableWithRows(f.t, { catalog: "lake", namespace: ["db"], name: "customers" }, schema, "SELECT 1 AS customer_id, 'retail' AS segment UNION ALL SELECT 2, 'b2b' UNION ALL SELECT 3, 'retail'");
});
afterAll(async () => {
  await f?.close();
  await pgRun("postgres", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

describe("federated tables", () => {
  it("join with lakehouse tables", async () => {
    const rows = await f.run(
      "SELECT c.segment, count(*) AS n, sum(o.amount) AS total FROM pg.shop.orders o JOIN customers c USING (customer_id) GROUP BY ALL ORDER BY 1",
      { options },
    );
    expect(rows).toEqual([
      { segment: "b2b", n: "10", total: "217.50" },
      { segment: "retail", n: "20", total: "480.00" },
    ]);
  });

  it("fetch only the columns used and push simple predicates", async () => {
    sent.length = 0;
    const rows = await f.run("SELECT id, note FROM pg.shop.orders WHERE id >= 28 AND placed_on > DATE '2024-01-29' AND amount > 12.5 ORDER BY id", { options });
    expect(rows).toEqual([{ id: "29", note: "n29" }, { id: "30", note: "n30" }]);
    expect(sent).toHaveLength(1);
    expect(sent[0].sql).toMatch(/^SELECT "id", "note", "placed_on", "amount"|^SELECT .*"id".*FROM "shop"\."orders" WHERE/);
    expect(sent[0].sql).toContain("WHERE");
    expect(sent[0].sql).not.toContain("customer_id");
  });

  it("push predicates on the federated side of a join, with the rows of the unpushed query", async () => {
    // Each query beside the same query written so nothing can be pushed (`+ 0`, `|| ''`).
    const cases: { sql: string; same: string; where: RegExp; fetched: number; rows: number }[] = [
      {
        sql: "SELECT o.id, c.segment FROM pg.shop.orders o JOIN customers c ON o.customer_id = c.customer_id WHERE o.id >= 25 AND c.segment = 'retail' ORDER BY 1",
        same: "SELECT o.id, c.segment FROM pg.shop.orders o JOIN customers c ON o.customer_id = c.customer_id WHERE o.id + 0 >= 25 AND c.segment = 'retail' ORDER BY 1",
        where: /WHERE .*"id" >= /,
        fetched: 6,
        rows: 4,
      },
      {
        sql: "SELECT c.segment, o.id FROM customers c LEFT JOIN pg.shop.orders o ON o.customer_id = c.customer_id WHERE o.note LIKE 'n2%' AND o.id IN (2, 20, 21, 22) ORDER BY 2",
        same: "SELECT c.segment, o.id FROM customers c LEFT JOIN pg.shop.orders o ON o.customer_id = c.customer_id WHERE (o.note || '') LIKE 'n2%' AND o.id + 0 IN (2, 20, 21, 22) ORDER BY 2",
        where: /WHERE "note" .*LIKE .*"id" IN /,
        fetched: 4,
        rows: 4,
      },
      {
        sql: "SELECT pg.shop.orders.id FROM lake.db.customers JOIN pg.shop.orders USING (customer_id) WHERE pg.shop.orders.placed_on < DATE '2024-01-04' ORDER BY 1",
        same: "SELECT pg.shop.orders.id FROM lake.db.customers JOIN pg.shop.orders USING (customer_id) WHERE pg.shop.orders.placed_on + 0 < DATE '2024-01-04' ORDER BY 1",
        where: /WHERE .*"placed_on" < /,
        fetched: 2,
        rows: 2,
      },
    ];
    for (const { sql, same, where, fetched: fetchedRows, rows } of cases) {
      sent.length = 0;
      fetched = 0;
      const pushed = await f.run(sql, { options });
      expect(sent, sql).toHaveLength(1);
      expect(sent[0].sql, sql).toMatch(where);
      expect(sent[0].sql, sql).not.toContain("segment");
      expect(fetched, sql).toBe(fetchedRows);
      sent.length = 0;
      fetched = 0;
      expect(pushed, sql).toEqual(await f.run(same, { options }));
      expect(sent[0].sql, same).not.toContain("WHERE");
      expect(fetched, same).toBe(30);
      expect(pushed, sql).toHaveLength(rows);
    }
  });

  it("keep the nullable side of an outer join whole where a pre-filter would change the rows", async () => {
    sent.length = 0;
    const sql = "SELECT c.customer_id, o.id FROM customers c LEFT JOIN pg.shop.orders o ON o.customer_id = c.customer_id AND o.id < 3 WHERE o.id IS NULL ORDER BY 1";
    expect(await f.run(sql, { options })).toEqual([{ customer_id: "1", id: null }]);
    expect(sent[0].sql).not.toContain("WHERE");
  });

  it("push a bound parameter's value", async () => {
    sent.length = 0;
    const rows = await f.run("SELECT o.id FROM pg.shop.orders o JOIN customers c USING (customer_id) WHERE o.id > :from ORDER BY 1", { options, params: { from: 28 } });
    expect(rows).toEqual([{ id: "29" }, { id: "30" }]);
    expect(sent[0].sql).toMatch(/WHERE .*"id" > /);
    expect(sent[0].params.map(String)).toContain("28");
  });

  it("EXPLAIN without temp table names, paths or rewritten SQL", async () => {
    for (const sql of [
      "EXPLAIN SELECT c.segment, sum(o.amount) FROM pg.shop.orders o JOIN customers c USING (customer_id) WHERE o.id > 3 GROUP BY ALL",
      "EXPLAIN ANALYZE SELECT c.segment, sum(o.amount) FROM pg.shop.orders o JOIN customers c USING (customer_id) WHERE o.id > 3 GROUP BY ALL",
    ]) {
      const rows = await f.run(sql, { options });
      const text = String(rows[0].explain_value);
      expect(text, sql).toMatch(/HASH_JOIN/);
      expect(text, sql).toMatch(/federated rows/);
      expect(text, sql).not.toMatch(/tarn_|\/tmp|\.parquet|SELECT/);
    }
  });

  it("push a LIMIT only where nothing between it and the table changes the rows", async () => {
    const cases: [string, number][] = [
      ["SELECT id FROM pg.shop.orders WHERE id > 10 LIMIT 3", 3],
      ["SELECT id FROM pg.shop.orders LIMIT 2 OFFSET 1", 2],
      ["SELECT count(*) AS n FROM (SELECT id FROM pg.shop.orders LIMIT 4)", 1],
    ];
    for (const [sql, rows] of cases) {
      sent.length = 0;
      expect(await f.run(sql, { options })).toHaveLength(rows);
    }
    sent.length = 0;
    await f.run("SELECT id FROM pg.shop.orders LIMIT 3", { options });
    expect(Number(sent[0].params.at(-1))).toBe(3);
    for (const sql of [
      "SELECT count(*) FROM pg.shop.orders LIMIT 1",
      "SELECT id FROM pg.shop.orders ORDER BY id DESC LIMIT 1",
      "SELECT DISTINCT customer_id FROM pg.shop.orders LIMIT 2",
      "SELECT id FROM pg.shop.orders WHERE id % 2 = 0 LIMIT 2",
    ]) {
      sent.length = 0;
      await f.run(sql, { options });
      expect(Number(sent[0].params.at(-1)), sql).toBeGreaterThan(30);
    }
    expect(await f.run("SELECT count(*) AS n FROM pg.shop.orders LIMIT 1", { options })).toEqual([{ n: "30" }]);
    expect(await f.run("SELECT id FROM pg.shop.orders ORDER BY id DESC LIMIT 1", { options })).toEqual([{ id: "30" }]);
  });

  it("are resolved after USE pg.shop, with a suggestion for a typo", async () => {
    const session = { catalog: "pg", namespace: ["shop"] };
    expect(await f.run("SELECT count(*) AS n FROM orders", { options, session })).toEqual([{ n: "30" }]);
    expect(await f.run("SHOW TABLES", { options, session })).toEqual([{ name: "orders" }]);
    await expect(f.plan("SELECT * FROM ordrs", { options, session })).rejects.toThrow('Table "ordrs" does not exist in pg.shop. Did you mean orders?');
    expect(await f.run("SELECT count(*) AS n FROM PG.SHOP.Orders", { options })).toEqual([{ n: "30" }]);
    expect((await f.plan("SELECT id FROM Shop.ORDERS", { options, session: { catalog: "Pg" } })).tablesRead).toEqual(["pg.shop.orders"]);
    await expect(f.plan("SELECT * FROM pg.shp.orders", { options })).rejects.toThrow('Namespace "shp" does not exist in catalog pg. Did you mean shop?');
    const planned = await planQuery(f.ctx({ session: {} }), { sql: "USE PG.Shop", start: 0, end: 11 });
    if (planned.kind !== "command") throw new Error("not a command");
    expect((await planned.execute(undefined as never, new AbortController().signal)).session).toEqual({ catalog: "pg", namespace: ["shop"] });
  });

  it("take the read policy: hidden columns are not fetched and filters are not pushed", async () => {
    sent.length = 0;
    const readPolicy: ReadPolicyFn = (_actor, table) =>
      table.table === "orders" ? { ...FULL_READ, columns: ["id", "customer_id"], masks: {}, rowFilter: "customer_id = 1", reasons: [] } : { ...FULL_READ, reasons: [] };
    const rows = await f.run("SELECT * FROM pg.shop.orders WHERE id < 5 ORDER BY id", { options: { ...options, readPolicy } });
    expect(rows).toEqual([{ id: "3", customer_id: 1 }]);
    expect(sent[0].sql).not.toContain("WHERE");
    sent.length = 0;
    const joined = await f.run("SELECT o.id, c.segment FROM pg.shop.orders o JOIN customers c USING (customer_id) WHERE o.id < 5 ORDER BY 1", { options: { ...options, readPolicy } });
    expect(joined).toEqual([{ id: "3", segment: "retail" }]);
    expect(sent[0].sql).not.toContain("WHERE");
  });
});

describe("information_schema of a federated catalog", () => {
  it("lists its source's tables and columns when the catalog is named; unqualified, only lakehouse catalogs", async () => {
    const tables = await f.run("SELECT table_schema, table_name, table_type FROM pg.information_schema.tables WHERE table_schema = 'shop'");
    expect(tables).toEqual([{ table_schema: "shop", table_name: "orders", table_type: "BASE TABLE" }]);
    const columns = await f.run("SELECT column_name, data_type, is_nullable FROM pg.information_schema.columns WHERE table_schema = 'shop' AND table_name = 'orders' ORDER BY ordinal_position");
    expect(columns).toEqual([
      { column_name: "id", data_type: "BIGINT", is_nullable: "NO" },
      { column_name: "customer_id", data_type: "INTEGER", is_nullable: "YES" },
      { column_name: "amount", data_type: "DECIMAL(12,2)", is_nullable: "YES" },
      { column_name: "placed_on", data_type: "DATE", is_nullable: "YES" },
      { column_name: "note", data_type: "VARCHAR", is_nullable: "YES" },
    ]);
    expect(await f.run("SELECT DISTINCT table_catalog FROM information_schema.tables ORDER BY 1")).toEqual([{ table_catalog: "lake" }]);
  });
});
