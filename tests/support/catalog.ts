/**
 * A catalog to test against: a fresh metadata database (SQLite or PostgreSQL, per
 * TARN_TEST_DB), a temporary warehouse folder with a managed catalog, a DuckDB connection.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { type Principal, SYSTEM } from "@/lib/access";
import { type CatalogContext, createCatalog, createNamespace, ensureDefaultStorage } from "@/lib/catalog";
import { LocalFileIO } from "@/lib/iceberg/io";
import { freshDatabase, type TestDatabase } from "./db";

export interface TestCatalog extends TestDatabase {
  warehouse: string;
  ctx: CatalogContext;
  as: (actor: Principal) => CatalogContext;
  duck: DuckDBConnection;
  /** Rows of a query, JSON-safe (bigints as strings). */
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
  close: () => Promise<void>;
}

export async function testCatalog(opts: { catalog?: string; namespace?: string[] } = {}): Promise<TestCatalog> {
  const database = await freshDatabase();
  const warehouse = mkdtempSync(path.join(tmpdir(), "tarn-warehouse-"));
  await ensureDefaultStorage(database.db, warehouse);
  const catalog = opts.catalog ?? "lake";
  await createCatalog(database.db, SYSTEM, { name: catalog, kind: "managed" });
  await createNamespace(database.db, SYSTEM, { catalog, namespace: opts.namespace ?? ["db"] });
  const io = new LocalFileIO();
  const instance = await DuckDBInstance.create(":memory:");
  const duck = await instance.connect();
  const ctx: CatalogContext = { db: database.db, io, actor: SYSTEM };
  return {
    ...database,
    warehouse,
    ctx,
    as: (actor) => ({ ...ctx, actor }),
    duck,
    rows: async (sql) => (await duck.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    close: async () => {
      duck.closeSync();
      instance.closeSync();
      await database.drop();
      rmSync(warehouse, { recursive: true, force: true });
    },
  };
}
