/**
 * The hostile corpus (testing/hostile-corpus.ts): every statement is refused with its
 * message, before anything runs. Then statements that are allowed but try to see more
 * than a narrow read policy gives: none returns a hidden column, a hidden row, a file's
 * bytes or a forbidden table.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_READ } from "@/lib/access";
import { createNamespace } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import type { Schema } from "@/lib/iceberg/spec";
import type { ReadPolicyFn } from "./index";
import { HOSTILE } from "./testing/hostile-corpus";
import { planFixture, type PlanFixture, tableWithRows } from "./testing/fixture";

let f: PlanFixture;
let secret: string;
const outside = path.join(tmpdir(), "tarn-outside.csv");
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "customer", type: "string", required: false },
    { id: 3, name: "amount", type: "double", required: false },
  ],
};
const SECRET_TEXT = "top-secret-value";

beforeAll(async () => {
  f = await planFixture();
  secret = path.join(f.t.warehouse, "secret.csv");
  writeFileSync(secret, `a\n${SECRET_TEXT}\n`);
  writeFileSync(outside, `a\n${SECRET_TEXT}\n`);
  await tableWithRows(f.t, { catalog: "lake", namespace: ["db"], name: "orders" }, schema, "SELECT 1 AS id, 'ada' AS customer, 10.0 AS amount UNION ALL SELECT 2, 'bob', 99.0");
  await createNamespace(f.t.db, f.t.ctx.actor, { catalog: "lake", namespace: ["hr"] });
  await tableWithRows(f.t, { catalog: "lake", namespace: ["hr"], name: "salaries" }, schema, `SELECT 1 AS id, '${SECRET_TEXT}' AS customer, 1.0 AS amount`);
});
afterAll(() => f.close());

const fill = (sql: string) => sql.replaceAll("{secret}", secret).replaceAll("{outside}", outside);

describe("the hostile corpus", () => {
  it("has at least 100 statements", () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(100);
  });

  it.each(HOSTILE)("%s", async (sql, fragment) => {
    const error = await f.plan(fill(sql)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error, "the statement was planned").toBeInstanceOf(AppError);
    expect((error as Error).message).toContain(fragment);
    expect((error as Error).message).not.toContain(f.t.warehouse);
  });
});

describe("a narrow read policy holds against allowed statements", () => {
  const narrow: ReadPolicyFn = (_principal, table) => {
    if (table.namespace[0] === "hr") throw new AppError("forbidden", "You do not have permission to read this table.");
    return { ...FULL_READ, columns: ["id", "customer"], masks: {}, rowFilter: "amount < 50", reasons: [] };
  };
  const options = { readPolicy: narrow };
  const leaks = (rows: unknown) => {
    const text = JSON.stringify(rows);
    return text.includes("amount") || text.includes("99") || text.includes("bob") || text.includes(SECRET_TEXT);
  };

  it.each([
    "SELECT * FROM orders",
    "SELECT o.* FROM orders o",
    "SELECT COLUMNS('.*') FROM orders",
    "SELECT to_json(o) FROM orders o",
    "SELECT o FROM orders o",
    "SELECT * FROM orders o, orders p WHERE o.id = p.id",
    "SELECT count(*) AS n, list(customer) AS c FROM orders",
    "SELECT * FROM orders UNION ALL SELECT * FROM orders",
    "SELECT * FROM (SELECT * FROM lake.db.orders) x",
    "WITH t AS (FROM orders) SELECT * FROM t",
    "DESCRIBE orders",
    "SUMMARIZE orders",
    "SELECT * FROM orders$snapshots",
    "SELECT * FROM orders AT (VERSION => 'main')",
  ])("%s", async (sql) => {
    const rows = await f.run(sql, { options });
    expect(rows.length).toBeGreaterThan(0);
    expect(leaks(rows.filter((r) => !("snapshot_id" in r)))).toBe(false);
  });

  it.each([
    "SELECT amount FROM orders",
    "SELECT sum(amount) FROM orders",
    "SELECT * FROM orders WHERE amount > 50",
    "SELECT o.amount FROM orders o",
  ])("%s fails: the column is not there", async (sql) => {
    await expect(f.run(sql, { options })).rejects.toThrow(/amount/);
  });

  it.each([
    ["SELECT * FROM hr.salaries", "You do not have permission to read this table."],
    ["SELECT * FROM orders JOIN hr.salaries USING (id)", "You do not have permission to read this table."],
    ["SELECT * FROM orders$files", "metadata table orders$files is not allowed"],
    ["SELECT * FROM orders$partitions", "metadata table orders$partitions is not allowed"],
    ["EXPLAIN SELECT * FROM orders", "EXPLAIN is not allowed: a table here is read under column or row rules"],
    ["EXPLAIN ANALYZE SELECT count(*) FROM (SELECT * FROM orders)", "EXPLAIN is not allowed"],
  ])("%s is refused", async (sql, message) => {
    await expect(f.plan(sql, { options })).rejects.toThrow(message);
  });
});
