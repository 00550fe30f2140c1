/**
 * The snapshot summary, with Java's keys and rules: `added-*` / `deleted-*` / `removed-*`
 * only when non-zero, `changed-partition-count` always, and each `total-*` carried from
 * the parent's summary (zero for a first snapshot; left out when the parent has none,
 * since we cannot know it without reading every manifest).
 */
import type { DataFile } from "../../manifest";
import type { Snapshot, SnapshotSummary } from "../../spec/types";

export interface FileChanges {
  addedDataFiles: readonly SpecFile[];
  removedDataFiles: readonly SpecFile[];
  addedDeleteFiles: readonly SpecFile[];
  removedDeleteFiles: readonly SpecFile[];
}

export interface SpecFile {
  specId: number;
  file: DataFile;
}

type Counters = Record<string, number>;

export function snapshotSummary(
  operation: SnapshotSummary["operation"],
  changes: FileChanges,
  parent: Snapshot | undefined,
): SnapshotSummary {
  const counters = countChanges(changes);
  const summary: SnapshotSummary = { operation };
  for (const [key, value] of Object.entries(counters)) if (value > 0) summary[key] = String(value);
  summary["changed-partition-count"] = String(changedPartitions(changes));
  for (const [total, added, removed] of TOTALS) {
    const before = parent ? parent.summary[total] : "0";
    if (before === undefined || !/^\d+$/.test(before)) continue;
    const value = Number(before) + (counters[added] ?? 0) - (counters[removed] ?? 0);
    if (value >= 0) summary[total] = String(value);
  }
  return summary;
}

const TOTALS: [string, string, string][] = [
  ["total-records", "added-records", "deleted-records"],
  ["total-files-size", "added-files-size", "removed-files-size"],
  ["total-data-files", "added-data-files", "deleted-data-files"],
  ["total-delete-files", "added-delete-files", "removed-delete-files"],
  ["total-position-deletes", "added-position-deletes", "removed-position-deletes"],
  ["total-equality-deletes", "added-equality-deletes", "removed-equality-deletes"],
];

function countChanges(changes: FileChanges): Counters {
  const c: Counters = {};
  const add = (key: string, n: number) => {
    c[key] = (c[key] ?? 0) + n;
  };
  for (const { file } of changes.addedDataFiles) {
    add("added-data-files", 1);
    add("added-records", file.recordCount);
    add("added-files-size", file.fileSizeInBytes);
  }
  for (const { file } of changes.removedDataFiles) {
    add("deleted-data-files", 1);
    add("deleted-records", file.recordCount);
    add("removed-files-size", file.fileSizeInBytes);
  }
  for (const { file } of changes.addedDeleteFiles) countDeleteFile(add, "added", file);
  for (const { file } of changes.removedDeleteFiles) countDeleteFile(add, "removed", file);
  return c;
}

function countDeleteFile(
  add: (key: string, n: number) => void,
  how: "added" | "removed",
  file: DataFile,
) {
  const kind = file.content === "equality-deletes" ? "equality" : "position";
  add(`${how}-delete-files`, 1);
  add(`${how}-${kind}-delete-files`, 1);
  add(`${how}-${kind}-deletes`, file.recordCount);
  add(how === "added" ? "added-files-size" : "removed-files-size", file.fileSizeInBytes);
}

function changedPartitions(changes: FileChanges): number {
  const all = [
    ...changes.addedDataFiles,
    ...changes.removedDataFiles,
    ...changes.addedDeleteFiles,
    ...changes.removedDeleteFiles,
  ];
  return new Set(all.map(partitionKey)).size;
}

function partitionKey({ specId, file }: SpecFile): string {
  const values = [...file.partition.values()].map((v) =>
    v instanceof Uint8Array ? `b:${Buffer.from(v).toString("hex")}` : `${typeof v}:${String(v)}`,
  );
  return `${specId}|${values.join("|")}`;
}
