/** Federated tables through the planner: joined with lakehouse tables, columns and simple predicates pushed to PostgreSQL. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_READ, SYSTEM } from "@/lib/access";
import { createFederatedCatalog } from "@/lib/catalog/federated";
import type { Schema } from "@/lib/iceberg/spec";
import type { SourceStatement } from "@/lib/query/federated";
import { pgRun, recordingSource, scratchName } from "@/lib/query/federated/testing";
import { planFixture, type PlanFixture, tableWithRows } from "./testing/fixture";

process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

let f: PlanFixture;
const database = scratchName();
const sent: SourceStatement[] = [];
const options = { federated: { openSource: recordingSource(sent) } };
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
  });

  it("take the read policy: hidden columns are not fetched and filters are not pushed", async () => {
    sent.length = 0;
    const readPolicy = () => ({ ...FULL_READ, columns: ["id", "customer_id"], masks: {}, rowFilter: "customer_id = 1", reasons: [] });
    const rows = await f.run("SELECT * FROM pg.shop.orders WHERE id < 5 ORDER BY id", { options: { ...options, readPolicy } });
    expect(rows).toEqual([{ id: "3", customer_id: 1 }]);
    expect(sent[0].sql).not.toContain("WHERE");
  });
});
