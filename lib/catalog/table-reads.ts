/** Reading a catalog table: the scan plan of a snapshot and the DuckDB relation for it. */
import type { UnboundExpr } from "@/lib/iceberg/expr";
import { MovedPathResolver } from "@/lib/iceberg/io";
import { planScan, type ScanPlan, type SnapshotSelector, scanToSql, tableFolderOf } from "@/lib/iceberg/scan";
import type { CatalogContext } from "./context";
import type { TableIdent } from "./identifiers";
import type { TableRow } from "./table-rows";
import { type LoadedTable, loadTable, loadTableOfRow } from "./tables";

export interface TableScanInput {
  snapshot?: SnapshotSelector;
  filter?: UnboundExpr;
  columns?: string[];
  /** The table's row, when the caller has just read it: saves the lookup. */
  row?: TableRow;
}

export interface TableScan {
  table: LoadedTable;
  plan: ScanPlan;
  /** One parenthesised DuckDB relation yielding the snapshot's rows, deletes applied. */
  sql: string;
}

export async function scanTable(ctx: CatalogContext, ident: TableIdent, input: TableScanInput = {}): Promise<TableScan> {
  const { row, ...scan } = input;
  const table = row ? await loadTableOfRow(ctx, ident, row) : await loadTable(ctx, ident);
  const resolver = resolverFor(ctx, table);
  // Metadata, manifest lists and manifests never change once written: the same request on
  // the same metadata file plans the same files. Tables read through a path resolver are
  // planned each time (their files may be copied meanwhile).
  const key = resolver ? undefined : planKey(table.metadataLocation, scan);
  const kept = key ? planned.get(key) : undefined;
  if (kept) {
    planned.delete(key as string);
    planned.set(key as string, kept);
    return { table, ...kept };
  }
  const plan = await planScan({ io: ctx.io, metadata: table.metadata, resolver, ...scan });
  const made = { plan, sql: scanToSql(plan) };
  if (key) remember(key, made);
  return { table, ...made };
}

/** Recent scan plans by metadata file and request, least recently used dropped first. */
const PLANNED_LIMIT = 128;
const planned = new Map<string, Omit<TableScan, "table">>();

function planKey(metadataLocation: string, scan: Omit<TableScanInput, "row">): string {
  const bigints = (_: string, v: unknown) => (typeof v === "bigint" ? `${v}n` : v);
  return JSON.stringify([metadataLocation, scan.snapshot ?? null, scan.filter ?? null, scan.columns ?? null], bigints);
}

function remember(key: string, value: Omit<TableScan, "table">): void {
  if (planned.size >= PLANNED_LIMIT) planned.delete(planned.keys().next().value as string);
  planned.set(key, value);
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
