/**
 * Which of a snapshot's delete files apply to a data file (spec "Scan Planning"):
 * position deletes with a data sequence number at least the data file's, naming its
 * path (by `referenced_data_file` or by the bounds of `file_path`); equality deletes with
 * a strictly greater one, in its partition or unpartitioned.
 */
import type { DataFile } from "../../manifest";
import { compareBytes, utf8 } from "../../values";
import { WriteError } from "../errors";
import type { LiveFile } from "./manifest-reader";

export const FILE_PATH_ID = 2147483546;
export const POS_ID = 2147483545;

export interface ApplicableDeletes {
  position: LiveFile[];
  equality: LiveFile[];
}

export function applicableDeletes(
  data: LiveFile,
  deletes: readonly LiveFile[],
  unpartitionedSpecs: ReadonlySet<number>,
): ApplicableDeletes {
  const out: ApplicableDeletes = { position: [], equality: [] };
  for (const del of deletes) {
    const file = del.entry.dataFile;
    if (file.fileFormat === "puffin") {
      throw new WriteError(
        "unsupported",
        `Deletion vectors (${file.filePath}) are not supported yet`,
      );
    }
    if (file.content === "position-deletes") {
      if (
        del.entry.sequenceNumber >= data.entry.sequenceNumber &&
        namesFile(file, data.entry.dataFile.filePath)
      ) {
        out.position.push(del);
      }
    } else if (
      del.entry.sequenceNumber > data.entry.sequenceNumber &&
      (unpartitionedSpecs.has(del.manifest.partitionSpecId) || samePartition(del, data))
    ) {
      out.equality.push(del);
    }
  }
  return out;
}

export function namesFile(deletes: DataFile, path: string): boolean {
  if (deletes.referencedDataFile !== undefined) return deletes.referencedDataFile === path;
  const lower = deletes.lowerBounds?.get(FILE_PATH_ID);
  const upper = deletes.upperBounds?.get(FILE_PATH_ID);
  const bytes = utf8(path);
  if (lower && compareBytes(bytes, lower) < 0) return false;
  // an upper bound may be truncated and rounded up: comparing bytes stays inclusive
  if (upper && compareBytes(bytes, upper) > 0) return false;
  return true;
}

function samePartition(a: LiveFile, b: LiveFile): boolean {
  if (a.manifest.partitionSpecId !== b.manifest.partitionSpecId) return false;
  const x = [...a.entry.dataFile.partition.values()];
  const y = [...b.entry.dataFile.partition.values()];
  return x.length === y.length && x.every((v, i) => sameValue(v, y[i]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Uint8Array && b instanceof Uint8Array) return compareBytes(a, b) === 0;
  return Object.is(a, b) || a === b;
}
