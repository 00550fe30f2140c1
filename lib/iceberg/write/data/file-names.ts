/**
 * Names of the files one operation writes: `00000-0-<operation uuid>-<file uuid>.parquet`
 * (Java writes `<partition>-<task>-<operation uuid>-<counter>`; DuckDB insists on a uuid
 * of its own when adding to a folder). The shared prefix finds what a failed COPY may
 * have left behind.
 */
import path from "node:path";
import type { FileIO } from "../../io/types";

export function filePrefix(operationId: string, ordinal: number, suffix = ""): string {
  return `${String(ordinal).padStart(5, "0")}-0-${operationId}-${suffix}`;
}

/** Deletes files under `folder` whose names start with `prefix` (a failed COPY's leftovers). */
export async function deleteByPrefix(io: FileIO, folder: string, prefix: string): Promise<void> {
  const doomed: string[] = [];
  for await (const file of io.list(folder)) {
    if (path.basename(io.localPath(file.location)).startsWith(prefix)) doomed.push(file.location);
  }
  await Promise.all(doomed.map((location) => io.delete(location)));
}
