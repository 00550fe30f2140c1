/**
 * Which delete files apply to which data file (spec "Scan Planning"; Java's
 * DeleteFileIndex):
 *
 * - a position-delete file applies to data files whose data sequence number is ≤ its own,
 *   in the same spec and partition; one that names its data file (`referenced_data_file`,
 *   always set for deletion vectors) applies to that file only, and `file_path` bounds
 *   narrow the rest;
 * - an equality-delete file applies to data files whose data sequence number is strictly
 *   lower than its own, in the same spec and partition — or in every partition when the
 *   delete file's spec is unpartitioned.
 */

import type { PartitionSpec } from "../spec";
import { compareBytes, utf8 } from "../values";
import { partitionKey } from "./partition-key";
import type { PlannedFile, ScanTaskDeletes } from "./types";

/** Reserved field id of `file_path` in position-delete files. */
export const DELETE_FILE_PATH_ID = 2147483546;
/** Reserved field id of `pos` in position-delete files. */
export const DELETE_POS_ID = 2147483545;

export class DeleteIndex {
  private readonly positionByFile = new Map<string, PlannedFile[]>();
  private readonly positionByPartition = new Map<string, PlannedFile[]>();
  private readonly equalityByPartition = new Map<string, PlannedFile[]>();
  private readonly globalEquality: PlannedFile[] = [];

  constructor(
    deleteFiles: readonly PlannedFile[],
    private readonly specs: ReadonlyMap<number, PartitionSpec>,
  ) {
    for (const file of deleteFiles) this.add(file);
  }

  get isEmpty(): boolean {
    return (
      this.positionByFile.size === 0 &&
      this.positionByPartition.size === 0 &&
      this.equalityByPartition.size === 0 &&
      this.globalEquality.length === 0
    );
  }

  forDataFile(data: PlannedFile): ScanTaskDeletes {
    const key = partitionKey(data.specId, data.partition);
    const positionDeletes = [
      ...(this.positionByFile.get(data.filePath) ?? []),
      ...(this.positionByPartition.get(key) ?? []).filter((d) => pathInBounds(d, data.filePath)),
    ].filter((d) => d.dataSequenceNumber >= data.dataSequenceNumber);
    const equalityDeletes = [
      ...this.globalEquality,
      ...(this.equalityByPartition.get(key) ?? []),
    ].filter((d) => d.dataSequenceNumber > data.dataSequenceNumber);
    return { positionDeletes, equalityDeletes };
  }

  private add(file: PlannedFile): void {
    if (file.content === "position-deletes") {
      if (file.referencedDataFile !== undefined) {
        push(this.positionByFile, file.referencedDataFile, file);
      } else {
        push(this.positionByPartition, partitionKey(file.specId, file.partition), file);
      }
    } else if (file.content === "equality-deletes") {
      if (this.isUnpartitioned(file.specId)) this.globalEquality.push(file);
      else push(this.equalityByPartition, partitionKey(file.specId, file.partition), file);
    }
  }

  private isUnpartitioned(specId: number): boolean {
    const spec = this.specs.get(specId);
    return !spec || spec.fields.every((field) => field.transform === "void");
  }
}

/** False when the delete file's `file_path` bounds show it names no row of `path`. */
function pathInBounds(deleteFile: PlannedFile, path: string): boolean {
  const lower = deleteFile.lowerBounds?.get(DELETE_FILE_PATH_ID);
  const upper = deleteFile.upperBounds?.get(DELETE_FILE_PATH_ID);
  const bytes = utf8(path);
  if (lower && compareBytes(bytes, lower) < 0) return false;
  // Upper bounds of strings may be truncated and rounded up, so they stay inclusive.
  if (upper && compareBytes(bytes, upper) > 0) return false;
  return true;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
