/**
 * `COPY (SELECT …) TO <folder> (FORMAT parquet, …)`: the one place DuckDB writes Parquet.
 *
 * DuckDB writes into a folder, rolling over to a new file near `FILE_SIZE_BYTES`, and
 * names files after `FILENAME_PATTERN`; `APPEND` lets it add to a partition folder that
 * already holds files (it then insists on `{uuid}` in the pattern, which also makes the
 * names unique). `RETURN_STATS` tells us which files it wrote, with their row counts and
 * sizes, so nothing is listed after the fact. Empty files (a query with no rows) are
 * deleted and not reported.
 *
 * Rolling over loses the query's row order (files are filled concurrently), so sorted
 * output — position deletes — leaves out the target size: a plain COPY to one file keeps it.
 */
import { randomUUID } from "node:crypto";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { joinLocation } from "../../io";
import type { FileIO } from "../../io/types";
import { asNumber, queryObjects } from "../duck/query";
import { quoteString } from "../../duckdb/quote";

export interface ParquetOptions {
  /** `FIELD_IDS` struct literal (see sql/field-ids.ts). */
  fieldIds: string;
  /** Roll over to a new file near this size; absent: one file in the query's row order. */
  targetFileSizeBytes?: number;
  /** DuckDB codec name: zstd, snappy, gzip, lz4_raw, brotli, uncompressed. */
  compression: string;
}

export interface CopyInput {
  connection: DuckDBConnection;
  io: FileIO;
  selectSql: string;
  /** The folder, as a table location (`file:///…/data/ts_day=2024-01-01`). */
  folder: string;
  /** File names are `<prefix>{uuid}.parquet`. */
  prefix: string;
  options: ParquetOptions;
}

export interface WrittenParquet {
  /** Location in the table's style: what manifests record. */
  location: string;
  /** What DuckDB opens. */
  localPath: string;
  recordCount: number;
  fileSizeInBytes: number;
}

export async function copyToParquet(input: CopyInput): Promise<WrittenParquet[]> {
  const localFolder = input.io.localPath(input.folder);
  // DuckDB creates the last folder only; partition paths can be several levels deep
  const single = input.options.targetFileSizeBytes === undefined;
  await mkdir(single ? localFolder : path.dirname(localFolder), { recursive: true });
  const sql = single ? singleFileSql(input, localFolder) : copySql(input, localFolder);
  const rows = await queryObjects(input.connection, sql);
  const written = rows.map((row) => {
    const localPath = String(row.filename);
    return {
      location: joinLocation(input.folder, path.basename(localPath)),
      localPath,
      recordCount: asNumber(row.count),
      fileSizeInBytes: asNumber(row.file_size_bytes),
    };
  });
  const empty = written.filter((file) => file.recordCount === 0);
  await Promise.all(empty.map((file) => input.io.delete(file.location)));
  return written.filter((file) => file.recordCount > 0);
}

function singleFileSql(input: CopyInput, localFolder: string): string {
  const file = path.join(localFolder, `${input.prefix}${randomUUID()}.parquet`);
  const settings = [
    "FORMAT parquet",
    `FIELD_IDS ${input.options.fieldIds}`,
    `COMPRESSION ${quoteString(input.options.compression)}`,
    "RETURN_STATS true",
  ];
  return `COPY (${input.selectSql}) TO ${quoteString(file)} (${settings.join(", ")})`;
}

function copySql(input: CopyInput, localFolder: string): string {
  const { options } = input;
  const settings = [
    "FORMAT parquet",
    `FIELD_IDS ${options.fieldIds}`,
    `COMPRESSION ${quoteString(options.compression)}`,
    `FILE_SIZE_BYTES ${Math.max(1, Math.floor(options.targetFileSizeBytes ?? 1))}`,
    `FILENAME_PATTERN ${quoteString(`${input.prefix}{uuid}`)}`,
    "APPEND true",
    "RETURN_STATS true",
  ];
  return `COPY (${input.selectSql}) TO ${quoteString(localFolder)} (${settings.join(", ")})`;
}
