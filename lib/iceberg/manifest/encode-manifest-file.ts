/** `ManifestFile` → the record avsc writes under our manifest-file schema. */
import type { FormatVersion } from "../spec/types";
import { ManifestError } from "./errors";
import type { FieldSummary, ManifestFile } from "./types";

export function encodeManifestFile(
  manifest: ManifestFile,
  version: FormatVersion,
): Record<string, unknown> {
  checkManifestFile(manifest, version);
  const count = (value: number | undefined, name: string) =>
    countOf(manifest, version, value, name);
  return {
    manifest_path: manifest.path,
    manifest_length: BigInt(manifest.length),
    partition_spec_id: manifest.partitionSpecId,
    ...(version >= 2
      ? {
          content: manifest.content === "data" ? 0 : 1,
          sequence_number: BigInt(manifest.sequenceNumber),
          min_sequence_number: BigInt(manifest.minSequenceNumber),
        }
      : {}),
    added_snapshot_id: manifest.addedSnapshotId,
    added_files_count: count(manifest.addedFilesCount, "addedFilesCount"),
    existing_files_count: count(manifest.existingFilesCount, "existingFilesCount"),
    deleted_files_count: count(manifest.deletedFilesCount, "deletedFilesCount"),
    added_rows_count: toLong(count(manifest.addedRowsCount, "addedRowsCount")),
    existing_rows_count: toLong(count(manifest.existingRowsCount, "existingRowsCount")),
    deleted_rows_count: toLong(count(manifest.deletedRowsCount, "deletedRowsCount")),
    partitions: manifest.partitions?.map(encodeSummary) ?? null,
    key_metadata: manifest.keyMetadata === undefined ? null : Buffer.from(manifest.keyMetadata),
    ...(version >= 3
      ? { first_row_id: manifest.firstRowId === undefined ? null : BigInt(manifest.firstRowId) }
      : {}),
  };
}

function checkManifestFile(manifest: ManifestFile, version: FormatVersion): void {
  if (version === 1 && manifest.content === "deletes") {
    throw new ManifestError(
      "invalid-input",
      `v1 manifest lists cannot hold delete manifests (${manifest.path})`,
    );
  }
  if (manifest.firstRowId !== undefined && (version < 3 || manifest.content === "deletes")) {
    throw new ManifestError(
      "invalid-input",
      `${manifest.path}: first_row_id is only for v3 data manifests`,
    );
  }
}

function encodeSummary(summary: FieldSummary): Record<string, unknown> {
  return {
    contains_null: summary.containsNull,
    contains_nan: summary.containsNan ?? null,
    lower_bound: summary.lowerBound === undefined ? null : Buffer.from(summary.lowerBound),
    upper_bound: summary.upperBound === undefined ? null : Buffer.from(summary.upperBound),
  };
}

/** Counts are optional in v1 and required from v2. */
function countOf(
  manifest: ManifestFile,
  version: FormatVersion,
  value: number | undefined,
  name: string,
): number | null {
  if (value !== undefined) return value;
  if (version === 1) return null;
  throw new ManifestError(
    "invalid-input",
    `${manifest.path}: ${name} is required from format version 2`,
  );
}

function toLong(value: number | null): bigint | null {
  return value === null ? null : BigInt(value);
}
