/**
 * What the spec forbids in a manifest we are asked to write, checked before any byte is
 * written: a wrong manifest is worse than none, since every engine will trust it.
 */
import type { FormatVersion, PartitionSpec } from "../spec/types";
import { ManifestError } from "./errors";
import type { DataFile, ManifestContent, ManifestEntry, PartitionFieldType } from "./types";

export function validatePartitionType(
  spec: PartitionSpec,
  partitionType: PartitionFieldType[],
): void {
  const specIds = spec.fields.map((f) => f.fieldId).join(",");
  const typeIds = partitionType.map((f) => f.fieldId).join(",");
  if (specIds !== typeIds) {
    throw invalid(
      `partitionType fields [${typeIds}] do not match partition spec ${spec.specId} fields [${specIds}]`,
    );
  }
}

export function validateEntry(
  entry: ManifestEntry,
  version: FormatVersion,
  content: ManifestContent,
  partitionType: PartitionFieldType[],
): void {
  const file = entry.dataFile;
  const where = `entry for ${file.filePath}`;
  if ((file.content === "data") !== (content === "data")) {
    throw invalid(`${where}: a ${content} manifest cannot hold a ${file.content} file`);
  }
  if (version >= 2 && entry.status !== "added" && entry.sequenceNumber === undefined) {
    throw invalid(`${where}: ${entry.status} entries must carry their sequence numbers`);
  }
  if (version >= 2 && entry.status !== "added" && entry.fileSequenceNumber === undefined) {
    throw invalid(`${where}: ${entry.status} entries must carry their file sequence number`);
  }
  if (entry.status === "existing" && entry.snapshotId === undefined) {
    throw invalid(`${where}: existing entries must keep the id of the snapshot that added them`);
  }
  if (file.content === "equality-deletes" && !file.equalityIds?.length) {
    throw invalid(`${where}: equality delete files need equalityIds`);
  }
  if (file.contentOffset !== undefined && file.contentSizeInBytes === undefined) {
    throw invalid(`${where}: contentOffset needs contentSizeInBytes`);
  }
  checkVersionFields(file, version, where);
  checkPartitionKeys(file, partitionType, where);
}

/** Fields a format version cannot hold: refuse rather than drop them silently. */
function checkVersionFields(file: DataFile, version: FormatVersion, where: string): void {
  const needs: [keyof DataFile, FormatVersion][] = [
    ["equalityIds", 2],
    ["referencedDataFile", 2],
    ["firstRowId", 3],
    ["contentOffset", 3],
    ["contentSizeInBytes", 3],
  ];
  for (const [field, minimum] of needs) {
    if (file[field] !== undefined && version < minimum) {
      throw invalid(`${where}: ${field} needs format version ${minimum}, writing ${version}`);
    }
  }
}

function checkPartitionKeys(
  file: DataFile,
  partitionType: PartitionFieldType[],
  where: string,
): void {
  const known = new Set(partitionType.map((f) => f.fieldId));
  for (const id of file.partition.keys()) {
    if (!known.has(id))
      throw invalid(`${where}: partition has field id ${id}, not in the partition spec`);
  }
}

function invalid(message: string): ManifestError {
  return new ManifestError("invalid-input", message);
}
