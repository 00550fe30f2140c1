/**
 * Catalog fixtures for e2e tests, made straight in the e2e server's metadata store with
 * unique names: a lake catalog with a namespace, and a folder of Parquet files on disk.
 */
import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { SYSTEM } from "@/lib/access";
import { appendRows, type CatalogContext, createCatalog, createNamespace, createTable } from "@/lib/catalog";
import { createDb, type Db } from "@/lib/db";
import { LocalFileIO } from "@/lib/iceberg/io";
import { E2E_DATA_DIR, uniqueName } from "./seed";

const FIXTURE_PARQUET = "/work/shared/iceberg/expected/spark-v1-v2/generated_spec1_0_001/expected_results/last/data";
/** Rows in the fixture's Parquet file (its expected count.csv). */
export const FIXTURE_ROWS = 7690;

let db: Db | undefined;
function e2eDb(): Db {
  db ??= createDb(`file:${path.resolve(E2E_DATA_DIR, "tarn.db")}`);
  return db;
}

export async function seedLakeCatalog(): Promise<{ catalog: string; namespace: string }> {
  const catalog = uniqueName("lake");
  const namespace = uniqueName("raw");
  await createCatalog(e2eDb(), SYSTEM, { name: catalog, kind: "lake", comment: "e2e lake" });
  await createNamespace(e2eDb(), SYSTEM, { catalog, namespace: [namespace] });
  return { catalog, namespace };
}

/** A fresh folder outside Tarn's data folder holding the fixture's Parquet file(s). */
export function parquetFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), "tarn-e2e-parquet-"));
  const source = process.env.TARN_ICEBERG_FIXTURES ? path.join(process.env.TARN_ICEBERG_FIXTURES, "expected/spark-v1-v2/generated_spec1_0_001/expected_results/last/data") : FIXTURE_PARQUET;
  for (const file of readdirSync(source).filter((f) => f.endsWith(".parquet"))) copyFileSync(path.join(source, file), path.join(folder, file));
  return folder;
}

/** A managed catalog with namespace `ops` and table `events` (id, note) holding two snapshots of one row each. */
export async function seedManagedTable(): Promise<{ catalog: string; namespace: string; table: string }> {
  const catalog = uniqueName("shop");
  const ident = { catalog, namespace: ["ops"], name: "events" };
  await createCatalog(e2eDb(), SYSTEM, { name: catalog, kind: "managed", comment: "e2e managed" });
  await createNamespace(e2eDb(), SYSTEM, { catalog, namespace: ident.namespace });
  const ctx: CatalogContext = { db: e2eDb(), io: new LocalFileIO(), actor: SYSTEM };
  const fields = [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "note", required: false, type: "string" },
  ];
  await createTable(ctx, ident, { schema: { type: "struct", schemaId: 0, fields } });
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await appendRows(ctx, ident, connection, "SELECT 1::BIGINT AS id, 'first' AS note");
    await appendRows(ctx, ident, connection, "SELECT 2::BIGINT AS id, 'second' AS note");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return { catalog, namespace: "ops", table: "events" };
}

/** A managed catalog whose namespace `wide` holds `count` empty tables t0000, t0001, … */
export async function seedWideNamespace(count: number): Promise<{ catalog: string; namespace: string }> {
  const catalog = uniqueName("wide");
  await createCatalog(e2eDb(), SYSTEM, { name: catalog, kind: "managed" });
  await createNamespace(e2eDb(), SYSTEM, { catalog, namespace: ["wide"] });
  const ctx: CatalogContext = { db: e2eDb(), io: new LocalFileIO(), actor: SYSTEM };
  const schema = { type: "struct" as const, schemaId: 0, fields: [{ id: 1, name: "id", required: true, type: "long" }] };
  for (let i = 0; i < count; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) => createTable(ctx, { catalog, namespace: ["wide"], name: `t${String(i + j).padStart(4, "0")}` }, { schema })),
    );
  }
  return { catalog, namespace: "wide" };
}
