/**
 * Writing the manifests of a new snapshot: one for the files it adds (per spec and
 * content), and rewrites of the parent's manifests that hold files it removes — those
 * become DELETED entries, every other live entry is carried as EXISTING with its
 * snapshot id and sequence numbers spelled out (inheritance would give it ours).
 */
import type { FileIO } from "../../io/types";
import {
  type DataFile,
  type ManifestContent,
  type ManifestEntry,
  type ManifestFile,
  type ManifestFileToWrite,
  type PartitionFieldType,
  summarizeManifest,
  writeManifest,
} from "../../manifest";
import { currentSchema, partitionSpecById } from "../../spec";
import type { FormatVersion, PartitionSpec, Schema, TableMetadata } from "../../spec/types";
import { WriteConflictError } from "../errors";
import type { ManifestReader } from "../table/manifest-reader";
import type { SpecFile } from "./summary";

export interface ManifestTarget {
  io: FileIO;
  formatVersion: FormatVersion;
  snapshotId: bigint;
  /** Where this manifest goes. */
  location: string;
}

export interface AddedFiles {
  spec: PartitionSpec;
  schema: Schema;
  partitionType: PartitionFieldType[];
  content: ManifestContent;
  files: DataFile[];
}

export async function writeAddedManifest(
  target: ManifestTarget,
  added: AddedFiles,
): Promise<ManifestFileToWrite> {
  const entries: ManifestEntry[] = added.files.map((dataFile) => ({ status: "added", dataFile }));
  return writeAndSummarize(target, { ...added, entries });
}

interface ManifestContents {
  spec: PartitionSpec;
  schema: Schema;
  partitionType: PartitionFieldType[];
  content: ManifestContent;
  entries: ManifestEntry[];
}

async function writeAndSummarize(
  target: ManifestTarget,
  contents: ManifestContents,
): Promise<ManifestFileToWrite> {
  const bytes = writeManifest({
    formatVersion: target.formatVersion,
    schema: contents.schema,
    partitionSpec: contents.spec,
    partitionType: contents.partitionType,
    content: contents.content,
    entries: contents.entries,
    snapshotId: target.snapshotId,
  });
  await target.io.writeNew(target.location, bytes);
  return summarizeManifest({
    path: target.location,
    length: bytes.length,
    partitionSpecId: contents.spec.specId,
    content: contents.content,
    addedSnapshotId: target.snapshotId,
    partitionType: contents.partitionType,
    entries: contents.entries,
  });
}

export interface RewrittenManifest {
  row: ManifestFileToWrite;
  removed: SpecFile[];
}

/** Rewrites `source` with the files in `removePaths` marked DELETED (none found: null). */
export async function rewriteManifest(
  target: () => ManifestTarget,
  reader: ManifestReader,
  source: ManifestFile,
  removePaths: ReadonlySet<string>,
  metadata: TableMetadata,
): Promise<RewrittenManifest | null> {
  const manifest = await reader.manifest(source.path);
  const resolved = await reader.entries(source);
  const live = resolved.filter((e) => e.status !== "deleted");
  if (!live.some((e) => removePaths.has(e.dataFile.filePath))) return null;
  const entries: ManifestEntry[] = live.map((e) => {
    const removed = removePaths.has(e.dataFile.filePath);
    return {
      status: removed ? "deleted" : "existing",
      ...(removed ? {} : { snapshotId: e.snapshotId }),
      sequenceNumber: e.sequenceNumber,
      ...(e.fileSequenceNumber === undefined ? {} : { fileSequenceNumber: e.fileSequenceNumber }),
      dataFile: e.dataFile,
    };
  });
  const spec = specOf(metadata, source.partitionSpecId);
  const row = await writeAndSummarize(target(), {
    spec,
    schema: manifest.metadata.schema ?? currentSchema(metadata),
    partitionType: manifest.metadata.partitionType,
    content: source.content,
    entries,
  });
  const removed = entries
    .filter((e) => e.status === "deleted")
    .map((e) => ({ specId: spec.specId, file: e.dataFile }));
  return { row, removed };
}

function specOf(metadata: TableMetadata, specId: number): PartitionSpec {
  const spec = partitionSpecById(metadata, specId);
  if (!spec) {
    throw new WriteConflictError(`Partition spec ${specId} is gone from the table`, false, {
      specId,
    });
  }
  return spec;
}
