/**
 * One aggregate query over the files just written, grouped by file: whatever the footer
 * cannot say exactly (bounds without NaN, truncated bounds, NaN counts, row checks).
 * Measured at ~27 ms per million rows of three columns, against ~66 ms to write them.
 *
 * Every read says `hive_partitioning = false`: partition folders look like `flag=true/`,
 * and DuckDB would otherwise replace the column with the folder name's text.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import { queryObjects } from "../duck/query";
import { quoteIdent, quoteString } from "../../duckdb/quote";

/** An aggregate expression over the row alias `t`, e.g. `min(t."id")`. */
export interface Aggregate {
  alias: string;
  sql: string;
}

const FILE_COLUMN = "__tarn_file";

export async function aggregateFiles(
  connection: DuckDBConnection,
  localPaths: readonly string[],
  aggregates: readonly Aggregate[],
): Promise<Map<string, Record<string, DuckDBValue>>> {
  const out = new Map<string, Record<string, DuckDBValue>>();
  if (localPaths.length === 0 || aggregates.length === 0) return out;
  const files = `[${localPaths.map(quoteString).join(", ")}]`;
  const selects = aggregates.map((a) => `${a.sql} AS ${quoteIdent(a.alias)}`);
  const rows = await queryObjects(
    connection,
    `SELECT ${quoteIdent(FILE_COLUMN)}, ${selects.join(", ")}
     FROM read_parquet(${files}, filename = ${quoteString(FILE_COLUMN)}, hive_partitioning = false) AS t
     GROUP BY ${quoteIdent(FILE_COLUMN)}`,
  );
  for (const row of rows) out.set(String(row[FILE_COLUMN]), row);
  return out;
}
