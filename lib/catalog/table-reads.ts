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
  // Tables registered in place may record paths from the machine that wrote them.
  const resolver = new MovedPathResolver({ io: ctx.io, tableFolder: tableFolderOf(table.metadataLocation), recordedLocation: table.metadata.location });
  const plan = await planScan({ io: ctx.io, metadata: table.metadata, resolver, ...input });
  return { table, plan, sql: scanToSql(plan) };
}
