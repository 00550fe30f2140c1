/**
 * The generated data set as Tarn managed Iceberg tables (one namespace, eight tables, one
 * append each), and the same tables for raw DuckDB: views over the data files of each
 * table's current snapshot, read directly.
 */
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { appendRows, type CatalogContext, createNamespace, createTable, scanTable, type TableIdent } from "@/lib/catalog";
import { quoteString } from "@/lib/iceberg/duckdb";
import type { TpchFiles } from "./generate";
import { TPCH_SCHEMAS, TPCH_TABLES, type TpchTable } from "./schema";

export interface TpchPlace {
  catalog: string;
  namespace: string[];
}

const identOf = (place: TpchPlace, name: TpchTable): TableIdent => ({ catalog: place.catalog, namespace: place.namespace, name });

/** Creates the namespace and its eight tables, each filled by one append from the generated files. */
export async function loadTpch(ctx: CatalogContext, connection: DuckDBConnection, data: TpchFiles, place: TpchPlace): Promise<void> {
  await createNamespace(ctx.db, ctx.actor, place, { comment: `TPC-H-like data, scale factor ${data.sf}` });
  for (const table of TPCH_TABLES) {
    const ident = identOf(place, table);
    await createTable(ctx, ident, { schema: TPCH_SCHEMAS[table] });
    await appendRows(ctx, ident, connection, `SELECT * FROM read_parquet(${quoteString(data.files[table])})`);
  }
}

/** The data files of each table's current snapshot (appends only: no delete files to apply). */
export async function snapshotFiles(ctx: CatalogContext, place: TpchPlace): Promise<Record<TpchTable, string[]>> {
  const out: Partial<Record<TpchTable, string[]>> = {};
  for (const table of TPCH_TABLES) {
    const { plan } = await scanTable(ctx, identOf(place, table));
    if (plan.tasks.some((t) => t.deletes.positionDeletes.length + t.deletes.equalityDeletes.length > 0)) {
      throw new Error(`${table} has delete files; raw DuckDB would read deleted rows.`);
    }
    out[table] = plan.tasks.map((t) => t.dataFile.localPath);
  }
  return out as Record<TpchTable, string[]>;
}

export interface RawDuck {
  connection: DuckDBConnection;
  close: () => void;
}

/** A plain DuckDB instance with one view per table over exactly those files. */
export async function rawDuck(files: Record<TpchTable, string[]>, opts: { threads?: number; memoryLimit?: string } = {}): Promise<RawDuck> {
  const settings: Record<string, string> = {};
  if (opts.threads) settings.threads = String(opts.threads);
  if (opts.memoryLimit) settings.memory_limit = opts.memoryLimit;
  const instance = await DuckDBInstance.create(":memory:", settings);
  const connection = await instance.connect();
  for (const table of TPCH_TABLES) {
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet([${files[table].map(quoteString).join(", ")}])`);
  }
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Runs a query in raw DuckDB; rows JSON-safe like Tarn's pages (BIGINT and DECIMAL as strings). */
export async function runRaw(connection: DuckDBConnection, sql: string): Promise<{ columns: string[]; rows: unknown[][] }> {
  const reader = await connection.runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowsJson() as unknown[][] };
}
