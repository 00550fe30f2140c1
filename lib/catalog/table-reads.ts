/** Reading a catalog table: the scan plan of a snapshot and the DuckDB relation for it. */
import type { UnboundExpr } from "@/lib/iceberg/expr";
import { MovedPathResolver } from "@/lib/iceberg/io";
import { planScan, type ScanPlan, type SnapshotSelector, scanToSql, tableFolderOf } from "@/lib/iceberg/scan";
import type { CatalogContext } from "./context";
import type { TableIdent } from "./identifiers";
import { type LoadedTable, loadTable } from "./tables";

export interface TableScanInput {
  snapshot?: SnapshotSelector;
  filter?: UnboundExpr;
  columns?: string[];
}

export interface TableScan {
  table: LoadedTable;
  plan: ScanPlan;
  /** One parenthesised DuckDB relation yielding the snapshot's rows, deletes applied. */
  sql: string;
}

export async function scanTable(ctx: CatalogContext, ident: TableIdent, input: TableScanInput = {}): Promise<TableScan> {
  const table = await loadTable(ctx, ident);
  const plan = await planScan({ io: ctx.io, metadata: table.metadata, resolver: resolverFor(ctx, table), ...input });
  return { table, plan, sql: scanToSql(plan) };
}

/**
 * Tables whose files sit where their metadata says (every table Tarn writes) are read as
 * recorded: checking 10,000 paths costs more than planning. Tables registered in place
 * from elsewhere may record paths of the machine that wrote them; those are resolved.
 */
function resolverFor(ctx: CatalogContext, table: LoadedTable): MovedPathResolver | undefined {
  const folder = tableFolderOf(table.metadataLocation);
  if (sameLocation(folder, table.metadata.location)) return undefined;
  return new MovedPathResolver({ io: ctx.io, tableFolder: folder, recordedLocation: table.metadata.location });
}

function sameLocation(a: string, b: string): boolean {
  const norm = (l: string) => l.replace(/^file:(\/\/)?/, "").replace(/\/+$/, "");
  return norm(a) === norm(b);
}
