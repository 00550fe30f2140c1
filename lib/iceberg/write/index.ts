/**
 * `lib/iceberg/write` — writing Iceberg tables with DuckDB: Parquet data files with field
 * ids, partitioned by the table's spec, with manifest metrics; and the snapshot commits
 * of append, overwrite, delete and update.
 *
 * ```ts
 * import { prepareAppend, prepareDelete } from "@/lib/iceberg/write";
 * import { eq } from "@/lib/iceberg/expr";
 *
 * // 1. Write files once (nothing is committed yet)…
 * const append = await prepareAppend({ connection, io, metadata, sourceSql: "SELECT * FROM staged" });
 * try {
 *   // 2. …then build the commit against the current metadata, as often as the catalog
 *   //    needs: each call re-derives manifests from the fresh branch head.
 *   const result = await commitTable(ctx, ident, ({ metadata }) => append.buildCommit(metadata));
 *   await append.cleanup(result.metadata);    // manifests of lost attempts
 * } catch (error) {
 *   await append.cleanup();                   // everything, data files included
 *   throw error;
 * }
 *
 * await prepareDelete({ connection, io, metadata, filter: eq("country", "NO") });
 * await prepareUpdate({ connection, io, metadata, filter: eq("id", 7), set: { price: "price * 2" } });
 * await prepareOverwrite({ connection, io, metadata, filter: eq("day", "2024-01-01"), sourceSql });
 * ```
 *
 * - `sourceSql` is any DuckDB query whose columns are named like the table's top-level
 *   columns; values are cast to the Iceberg types (timestamptz as TIMESTAMPTZ, UTC).
 *   A NULL in a required column fails with `WriteError("invalid-row")` naming it, after
 *   deleting what was written.
 * - Partition values are computed in SQL (bucket's murmur3 unrolled for integer-like
 *   values, JS scalar functions for strings/uuids/decimals/bytes), matching
 *   `lib/iceberg/transforms`; folders are its partition paths.
 * - Metrics follow `write.metadata.metrics.*`; counts come from the Parquet footers,
 *   bounds and NaN counts from one aggregate over the written files.
 * - Snapshot ids are random and below 2^53; files go to `data/`, manifests to
 *   `metadata/<operation>-m<n>.avro`, lists to `metadata/snap-<id>-<attempt>-<operation>.avro`.
 * - A rebuild after a concurrent commit throws `WriteConflictError` with
 *   `retryable: false` when that commit removed, re-deleted or (serializable isolation)
 *   added rows this operation depends on.
 * - Format v1 and v2 tables; v3 (row lineage, deletion vectors) is refused.
 * - DuckDB connection: queries run on the caller's connection; partitioned writes create
 *   and drop a temporary table and register `tarn_iceberg_*` scalar functions.
 */

export {
  type WriteDataInput,
  type WrittenDataFiles,
  writeDataFiles,
} from "./data/write-data-files";
export { WriteConflictError, WriteError, type WriteErrorKind } from "./errors";
export { type MetricsMode, metricsModes, parseMetricsMode } from "./metrics/config";
export type { AppendInput, WriteTarget } from "./ops/append";
export { prepareAppend } from "./ops/append";
export { type DeleteInput, prepareDelete } from "./ops/delete";
export { type OverwriteInput, prepareOverwrite } from "./ops/overwrite";
export type { PreparedCommit } from "./ops/prepared";
export type { RowLevelInput } from "./ops/row-level";
export { prepareUpdate, type UpdateInput } from "./ops/update";
export { PROPERTIES as WRITE_PROPERTIES } from "./properties";
