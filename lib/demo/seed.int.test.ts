import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTable, scanTable, type TableScanInput } from "@/lib/catalog";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { seedDemo } from "./seed";
import type { DemoScale } from "./sources";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

// A small scale keeps the test quick; the shape is the same as the default million lines.
const SMALL: DemoScale = { customers: 200, products: 50, orders: 2_000, firstDay: "2023-01-01", days: 1004 };
const sales = (name: string) => ({ catalog: "demo", namespace: ["sales"], name });

describe("demo data", () => {
  it("creates demo.sales once, deterministic, with history to travel through", async () => {
    expect(await seedDemo(t.db, t.ctx.io, t.duck, SMALL)).toBe(true);
    expect(await seedDemo(t.db, t.ctx.io, t.duck, SMALL)).toBe(false);
    const orders = await loadTable(t.ctx, sales("orders"));
    expect(orders.metadata.snapshots.map((s) => s.summary.operation)).toEqual(["append", "append", "delete"]);
    expect(Object.keys(orders.metadata.refs).sort()).toEqual(["initial-load", "main"]);
    expect(orders.metadata.partitionSpecs[0].fields.map((f) => f.transform)).toEqual(["month"]);
    const count = async (name: string, snapshot?: TableScanInput["snapshot"]) => {
      const { sql } = await scanTable(t.ctx, sales(name), { snapshot });
      return Number((await t.rows(`SELECT count(*) AS n FROM ${sql} s`))[0].n);
    };
    expect(await count("orders", { type: "ref", name: "initial-load" })).toBe(1_600);
    expect(await count("customers")).toBe(200);
    // Totals agree with the lines they were computed from, before any clean-up.
    const o = await scanTable(t.ctx, sales("orders"), { snapshot: { type: "ref", name: "initial-load" } });
    const l = await scanTable(t.ctx, sales("order_lines"));
    const mismatched = await t.rows(`SELECT count(*) AS n FROM ${o.sql} o JOIN (SELECT order_id, sum(quantity * unit_price * (1 - discount))::DECIMAL(12,2) AS total FROM ${l.sql} x GROUP BY 1) l USING (order_id) WHERE o.total_amount <> l.total`);
    expect(mismatched[0].n).toBe("0");
    const books = await scanTable(t.ctx, sales("products"));
    expect((await loadTable(t.ctx, sales("products"))).metadata.snapshots.map((s) => s.summary.operation)).toEqual(["append", "overwrite"]);
    expect(Number((await t.rows(`SELECT count(*) AS n FROM ${books.sql} p`))[0].n)).toBe(50);
  });
});
