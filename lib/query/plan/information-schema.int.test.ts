import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FULL_READ } from "@/lib/access";
import { createCatalog, createNamespace, createView } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import type { Schema } from "@/lib/iceberg/spec";
import type { ReadPolicyFn } from "./index";
import { MAX_DESCRIBED_TABLES } from "./information-schema";
import { planFixture, type PlanFixture, tableWithRows } from "./testing/fixture";

let f: PlanFixture;
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "customer", type: "string", required: false, doc: "Who ordered" },
    { id: 3, name: "amount", type: "decimal(12, 2)", required: false },
  ],
};
const ident = (name: string, namespace = ["db"], catalog = "lake") => ({ catalog, namespace, name });

beforeAll(async () => {
  f = await planFixture();
  const { t } = f;
  await tableWithRows(t, ident("orders"), schema, "SELECT 1 AS id, 'ada' AS customer, 10.00 AS amount");
  await createView(t.ctx, ident("big_orders"), { schema, representations: [{ type: "sql", sql: "SELECT * FROM orders WHERE amount > 15", dialect: "duckdb" }], defaultNamespace: ["db"], summary: {} });
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["deep"] });
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["deep", "er"] });
  await tableWithRows(t, ident("leaf", ["deep", "er"]), { ...schema, fields: schema.fields.slice(0, 1) }, "SELECT 7 AS id");
  await createCatalog(t.db, t.ctx.actor, { name: "second", kind: "managed" });
  await createNamespace(t.db, t.ctx.actor, { catalog: "second", namespace: ["db"] });
  await tableWithRows(t, ident("orders", ["db"], "second"), { ...schema, fields: schema.fields.slice(0, 1) }, "SELECT 99 AS id");
});
afterAll(() => f.close());

describe("information_schema", () => {
  it("lists the namespaces of every catalog as schemata", async () => {
    expect(await f.run("SELECT catalog_name, schema_name FROM information_schema.schemata ORDER BY ALL")).toEqual([
      { catalog_name: "lake", schema_name: "db" },
      { catalog_name: "lake", schema_name: "deep" },
      { catalog_name: "lake", schema_name: "deep.er" },
      { catalog_name: "second", schema_name: "db" },
    ]);
  });

  it("lists tables and views, of every catalog or of the one named", async () => {
    expect(await f.run("SELECT table_catalog, table_schema, table_name, table_type FROM information_schema.tables ORDER BY ALL")).toEqual([
      { table_catalog: "lake", table_schema: "db", table_name: "big_orders", table_type: "VIEW" },
      { table_catalog: "lake", table_schema: "db", table_name: "orders", table_type: "BASE TABLE" },
      { table_catalog: "lake", table_schema: "deep.er", table_name: "leaf", table_type: "BASE TABLE" },
      { table_catalog: "second", table_schema: "db", table_name: "orders", table_type: "BASE TABLE" },
    ]);
    expect(await f.run("SELECT table_catalog, table_name FROM second.information_schema.tables")).toEqual([{ table_catalog: "second", table_name: "orders" }]);
    expect(await f.run("SELECT count(*) AS n FROM INFORMATION_SCHEMA.TABLES WHERE table_schema = 'db'")).toEqual([{ n: "3" }]);
    await expect(f.plan("SELECT * FROM nosuch.information_schema.tables")).rejects.toThrow("Catalog nosuch does not exist.");
  });

  it("describes columns in DuckDB's types, with nullability and comments", async () => {
    const sql = "SELECT column_name, ordinal_position, data_type, is_nullable, column_comment FROM information_schema.columns WHERE table_catalog = 'lake' AND table_name = 'orders' ORDER BY ordinal_position";
    expect(await f.run(sql)).toEqual([
      { column_name: "id", ordinal_position: 1, data_type: "BIGINT", is_nullable: "NO", column_comment: null },
      { column_name: "customer", ordinal_position: 2, data_type: "VARCHAR", is_nullable: "YES", column_comment: "Who ordered" },
      { column_name: "amount", ordinal_position: 3, data_type: "DECIMAL(12,2)", is_nullable: "YES", column_comment: null },
    ]);
    // A view's columns, and two references in one statement (each fills its own rows).
    const joined = await f.run(`SELECT t.table_name, count(*) AS n FROM information_schema.tables t
      JOIN information_schema.columns c USING (table_catalog, table_schema, table_name)
      WHERE t.table_catalog = 'lake' GROUP BY ALL ORDER BY ALL`);
    expect(joined).toEqual([
      { table_name: "big_orders", n: "3" },
      { table_name: "leaf", n: "1" },
      { table_name: "orders", n: "3" },
    ]);
  });

  it("shows only the columns the person may read, and none of a table they may not read", async () => {
    const readPolicy: ReadPolicyFn = (_actor, table) => {
      if (table.catalog === "second") throw new AppError("forbidden", "You may not read this table.");
      return table.table === "orders" ? { ...FULL_READ, columns: ["id", "customer"], masks: {}, rowFilter: null, reasons: [] } : { ...FULL_READ, masks: {}, reasons: [] };
    };
    const rows = await f.run("SELECT table_catalog, table_name, column_name FROM information_schema.columns WHERE table_name = 'orders' ORDER BY ALL", { options: { readPolicy } });
    expect(rows).toEqual([
      { table_catalog: "lake", table_name: "orders", column_name: "customer" },
      { table_catalog: "lake", table_name: "orders", column_name: "id" },
    ]);
    // The table itself stays listed: it is visible in the catalog.
    expect(await f.run("SELECT table_name FROM second.information_schema.tables", { options: { readPolicy } })).toEqual([{ table_name: "orders" }]);
  });

  it("describes at most so many tables at once, and says how to narrow", async () => {
    await createNamespace(f.t.db, f.t.ctx.actor, { catalog: "lake", namespace: ["wide"] });
    const wide = await f.t.db.namespace.findFirstOrThrow({ where: { path: "wide" } });
    await f.t.db.catalogTable.createMany({ data: Array.from({ length: MAX_DESCRIBED_TABLES }, (_, i) => ({ namespaceId: wide.id, name: `t${i}`, kind: "view" })) });
    try {
      await expect(f.plan("SELECT * FROM information_schema.columns")).rejects.toThrow(/would describe 100\d tables.*Narrow it with WHERE table_catalog = …, table_schema = … or table_name = …/);
      expect(await f.run("SELECT count(*) AS n FROM information_schema.columns WHERE table_schema IN ('db', 'deep.er')")).toEqual([{ n: "8" }]);
      expect(await f.run("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'wide'")).toEqual([{ n: String(MAX_DESCRIBED_TABLES) }]);
    } finally {
      await f.t.db.catalogTable.deleteMany({ where: { namespaceId: wide.id } });
    }
  });
});
