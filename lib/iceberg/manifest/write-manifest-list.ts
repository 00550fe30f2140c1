/**
 * Writes a manifest list for one snapshot. New manifests (added by this snapshot) may
 * come without sequence numbers: they get the snapshot's, which is what lets a commit
 * retry rewrite only this file (spec "Sequence Number Inheritance").
 */
import type { FormatVersion } from "../spec/types";
import type { AvroCodec } from "./avro/codecs";
import { writeAvroContainer } from "./avro/container-writer";
import { encodeManifestFile } from "./encode-manifest-file";
import { asInvalidInput, ManifestError } from "./errors";
import { structToAvroRecord } from "./iceberg-to-avro";
import { manifestFileStruct } from "./manifest-schemas";
import type { ManifestFile, ManifestFileToWrite } from "./types";

export interface WriteManifestListInput {
  formatVersion: FormatVersion;
  snapshotId: bigint;
  /** Absent for a table's first snapshot. */
  parentSnapshotId?: bigint;
  /** The snapshot's sequence number (not written in v1, where it is always 0). */
  sequenceNumber: number;
  /** v3: the snapshot's `first-row-id` (see `assignFirstRowIds`). */
  firstRowId?: number;
  manifests: ManifestFileToWrite[];
  codec?: AvroCodec;
}

export function writeManifestList(input: WriteManifestListInput): Uint8Array {
  const manifests = input.manifests.map((manifest) => assignSequenceNumbers(manifest, input));
  const version = input.formatVersion;
  return writeAvroContainer({
    schema: structToAvroRecord(manifestFileStruct(version), "manifest_file"),
    metadata: listKeyValue(input),
    codec: input.codec ?? "deflate",
    records: manifests.map((manifest) =>
      asInvalidInput(`manifest ${manifest.path}`, () => encodeManifestFile(manifest, version)),
    ),
  });
}

function assignSequenceNumbers(
  manifest: ManifestFileToWrite,
  input: WriteManifestListInput,
): ManifestFile {
  if (input.formatVersion === 1) return { ...manifest, sequenceNumber: 0, minSequenceNumber: 0 };
  const sequenceNumber = manifest.sequenceNumber ?? newManifestSequenceNumber(manifest, input);
  // No file in the manifest had a sequence number of its own: all inherit this one.
  const minSequenceNumber = manifest.minSequenceNumber ?? sequenceNumber;
  return { ...manifest, sequenceNumber, minSequenceNumber };
}

function newManifestSequenceNumber(
  manifest: ManifestFileToWrite,
  input: WriteManifestListInput,
): number {
  if (manifest.addedSnapshotId !== input.snapshotId) {
    throw new ManifestError(
      "invalid-input",
      `manifest ${manifest.path} was added by snapshot ${manifest.addedSnapshotId} but has no sequence number`,
    );
  }
  return input.sequenceNumber;
}

/** Java's keys; "parent-snapshot-id" is the string "null" for a first snapshot, as Java writes it. */
function listKeyValue(input: WriteManifestListInput): Record<string, string> {
  return {
    "snapshot-id": String(input.snapshotId),
    "parent-snapshot-id":
      input.parentSnapshotId === undefined ? "null" : String(input.parentSnapshotId),
    ...(input.formatVersion >= 2 ? { "sequence-number": String(input.sequenceNumber) } : {}),
    ...(input.firstRowId !== undefined ? { "first-row-id": String(input.firstRowId) } : {}),
    "format-version": String(input.formatVersion),
  };
}
