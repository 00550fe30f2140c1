/**
 * `lib/iceberg/scan` — reading Iceberg tables: load a table, pick a snapshot, plan the
 * files to read, and turn the plan into one DuckDB relation with deletes applied.
 *
 * ```ts
 * import { LocalFileIO } from "@/lib/iceberg/io";
 * import { openTable, planTableScan, scanToSql } from "@/lib/iceberg/scan";
 * import { eq } from "@/lib/iceberg/expr";
 *
 * const table = await openTable(new LocalFileIO(), "/lake/sales/orders");  // folder or metadata file
 * const plan = await planTableScan(table, {
 *   snapshot: { type: "as-of", timestampMs: Date.parse("2024-06-01T00:00:00Z") },
 *   filter: eq("country", "NO"),          // prunes manifests and files
 *   columns: ["order_id", "country"],
 * });
 * const relation = scanToSql(plan);       // "(WITH data AS (… read_parquet(…) …) SELECT …)"
 * await connection.run(`SELECT * FROM ${relation} t WHERE country = 'NO'`);
 * ```
 *
 * - Time travel by snapshot id, time or tag reads with the snapshot's schema; the current
 *   state and branches with the current one. A table without snapshots yields no rows.
 * - Paths recorded in the metadata are mapped onto the table folder when they do not
 *   exist as written (`MovedPathResolver`); an object-store path with no local copy fails
 *   with `UnresolvedPathError` naming it.
 * - Data files are read by Parquet field id, or by column name where the table's schema
 *   history (or the file's footer) proves that the same — DuckDB then reads one file on
 *   several threads. `scanToSql(plan, { fieldIdsOnly: true })` always reads by id.
 * - Metadata tables (`snapshots`, `history`, `files`, `manifests`, `partitions`, `refs`,
 *   `entries`) come as row arrays and as SQL relations, with Trino's column names.
 * - Errors of planning are `ScanError` with a `kind`.
 */

export { ScanError, type ScanErrorKind } from "./errors";
export { findLatestMetadata, findMetadataVersion, listMetadataFiles } from "./find-metadata";
export { type LoadedTable, loadTable, openTable, tableFolderOf } from "./load-table";
export {
  type Column,
  type ColumnType,
  METADATA_TABLE_NAMES,
  type MetadataRow,
  type MetadataTable,
  type MetadataTableInput,
  type MetadataTableName,
  metadataTable,
  metadataTableSql,
  tableToSql,
} from "./metadata-tables";
export { type NameMapping, parseNameMapping } from "./name-mapping";
export type { ParquetField } from "./parquet/schema";
export { type PlanScanInput, planScan, planTableScan } from "./plan-scan";
export {
  type SelectedSnapshot,
  type SnapshotSelector,
  selectSnapshot,
  snapshotIdAsOf,
} from "./select-snapshot";
export { duckType } from "../duckdb/types";
export { quoteIdent, quoteString } from "../duckdb/quote";
export type { ReadMode } from "./sql/file-read";
export { type ScanSqlOptions, scanReadModes, scanToSql } from "./sql/scan-sql";
export type * from "./types";
