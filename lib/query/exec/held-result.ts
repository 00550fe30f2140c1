/**
 * A small finished result held as the chunks DuckDB returned, so the grid's pages are cut
 * from memory the moment the query ends — no staging table, no Parquet file, no second
 * query on the path to the first page. The result is kept in its file afterwards, in the
 * background (keep-result.ts); sorted and filtered pages are read from there.
 */
import { type DuckDBDataChunk, JsonDuckDBValueConverter } from "@duckdb/node-api";
import type { SpoolColumn } from "./spool";

export class HeldResult {
  readonly rowCount: number;

  constructor(
    readonly columns: readonly SpoolColumn[],
    readonly chunks: readonly DuckDBDataChunk[],
  ) {
    this.rowCount = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  }

  /** Rows [offset, offset + limit) as arrays in column order, JSON-safe like every page. */
  page(offset: number, limit: number): unknown[][] {
    const rows: unknown[][] = [];
    let first = 0; // the index of the chunk's first row in the result
    for (const chunk of this.chunks) {
      const end = first + chunk.rowCount;
      for (let i = Math.max(offset, first); i < end && rows.length < limit; i++) {
        rows.push(chunk.convertRowValues(i - first, JsonDuckDBValueConverter));
      }
      if (rows.length >= limit) break;
      first = end;
    }
    return rows;
  }
}
