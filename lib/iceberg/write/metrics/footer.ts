/**
 * Counts and sizes straight from the Parquet footers DuckDB wrote (`parquet_metadata()`),
 * summed over row groups — the same numbers Java's writer records: `column_sizes` is the
 * compressed size of the column chunks, `value_counts` the chunk value counts (nulls
 * included; a null or empty list counts one), `null_value_counts` the chunk statistics'
 * null counts. Row-group start offsets become `split_offsets`.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { asNumber, queryObjects } from "../duck/query";
import { quoteString } from "../../duckdb/quote";

export interface FooterColumn {
  compressedSize: number;
  valueCount: number;
  /** Undefined when some row group has no null count in its statistics. */
  nullCount: number | undefined;
}

export interface FooterMetrics {
  /** By Parquet leaf column index (`column_id`), which follows `leafColumns` order. */
  columns: Map<number, FooterColumn>;
  splitOffsets: number[];
}

export async function readFooters(
  connection: DuckDBConnection,
  localPaths: readonly string[],
): Promise<Map<string, FooterMetrics>> {
  const out = new Map<string, FooterMetrics>();
  if (localPaths.length === 0) return out;
  const rows = await queryObjects(
    connection,
    `SELECT file_name, row_group_id, column_id, num_values, stats_null_count, total_compressed_size,
            coalesce(dictionary_page_offset, data_page_offset) AS start_offset
     FROM parquet_metadata([${localPaths.map(quoteString).join(", ")}])`,
  );
  const starts = new Map<string, Map<number, number>>();
  for (const row of rows) {
    const file = String(row.file_name);
    const footer = out.get(file) ?? { columns: new Map(), splitOffsets: [] };
    out.set(file, footer);
    addColumn(footer.columns, asNumber(row.column_id), row);
    const groups = starts.get(file) ?? new Map<number, number>();
    starts.set(file, groups);
    const group = asNumber(row.row_group_id);
    const start = asNumber(row.start_offset);
    groups.set(group, Math.min(groups.get(group) ?? start, start));
  }
  for (const [file, groups] of starts) {
    out.get(file)!.splitOffsets = [...groups.values()].sort((a, b) => a - b);
  }
  return out;
}

function addColumn(columns: Map<number, FooterColumn>, id: number, row: Record<string, unknown>) {
  const column = columns.get(id) ?? { compressedSize: 0, valueCount: 0, nullCount: 0 };
  column.compressedSize += asNumber(row.total_compressed_size as bigint);
  column.valueCount += asNumber(row.num_values as bigint);
  const nulls = row.stats_null_count;
  column.nullCount =
    nulls === null || column.nullCount === undefined
      ? undefined
      : column.nullCount + asNumber(nulls as bigint);
  columns.set(id, column);
}
