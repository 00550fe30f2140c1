/**
 * "Bytes scanned" of a query: the size of the files its prepared SQL reads — the data and
 * delete files left after pruning, each named as a string literal in the secured
 * relations the planner built. It is what a scan would read at most (column projection
 * reads less); DuckDB's own byte counters are not reachable through the Node API.
 * Glob patterns (folders registered in place) are not expanded and do not count.
 */
import { stat } from "node:fs/promises";
import path from "node:path";

const STRING_LITERAL = /'((?:[^']|'')*)'/g;
const DATA_FILE = /\.(parquet|csv|tsv|json|jsonl|ndjson)(\.gz|\.zst)?$/i;
const MAX_FILES = 50_000;

export async function bytesOfFiles(sql: string): Promise<number> {
  const files = new Set<string>();
  for (const match of sql.matchAll(STRING_LITERAL)) {
    const text = match[1].replaceAll("''", "'").replace(/^file:(\/\/)?/, "");
    if (path.isAbsolute(text) && DATA_FILE.test(text) && !/[*?[{]/.test(text)) files.add(text);
    if (files.size >= MAX_FILES) break;
  }
  let total = 0;
  for (const batch of chunks([...files], 256)) {
    const sizes = await Promise.all(batch.map((file) => stat(file).then((s) => s.size, () => 0)));
    total += sizes.reduce((a, b) => a + b, 0);
  }
  return total;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
