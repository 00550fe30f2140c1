/**
 * What every operation hands back: the files it wrote, and a commit builder the catalog
 * can call once per attempt (`commitTable(ctx, ident, ({ metadata }) => p.buildCommit(metadata))`).
 */
import { randomUUID } from "node:crypto";
import type { TableCommit } from "../../commit/types";
import type { FileIO } from "../../io/types";
import type { DataFile, PartitionFieldType } from "../../manifest";
import { currentSchema, partitionSpecById, snapshotById } from "../../spec";
import type { SnapshotSummary, TableMetadata } from "../../spec/types";
import { partitionStructType } from "../../transforms";
import { WriteError } from "../errors";
import type { AddedFiles } from "../snapshot/manifest-files";
import type { SnapshotProducer } from "../snapshot/producer";

export interface PreparedCommit {
  readonly operation: SnapshotSummary["operation"];
  readonly snapshotId: bigint;
  /** Data and delete files written while preparing; every attempt reuses them. */
  readonly files: readonly string[];
  /**
   * The commit on top of `metadata` — the table as it is now. Writes this attempt's
   * manifests and manifest list; call it again with fresher metadata after a lost race.
   * Throws `WriteConflictError` (retryable: false) when a concurrent commit invalidated
   * what was prepared.
   */
  buildCommit(metadata: TableMetadata): Promise<TableCommit>;
  /**
   * Deletes what this operation wrote that `committed` does not use: other attempts'
   * manifests, or everything (data files too) when its snapshot never got committed.
   */
  cleanup(committed?: TableMetadata): Promise<void>;
}

export function preparedCommit(
  producer: SnapshotProducer,
  io: FileIO,
  operation: SnapshotSummary["operation"],
  files: readonly string[],
): PreparedCommit {
  return {
    operation,
    snapshotId: producer.snapshotId,
    files,
    buildCommit: (metadata) => producer.build(metadata),
    cleanup: async (committed) => {
      const landed = committed !== undefined && snapshotById(committed, producer.snapshotId);
      const doomed = [...producer.uncommittedFiles(committed), ...(landed ? [] : files)];
      await Promise.all(doomed.map((location) => io.delete(location)));
    },
  };
}

export function newOperationId(): string {
  return randomUUID();
}

/** Files of one spec and content, as the snapshot producer takes them. */
export function addedFiles(
  metadata: TableMetadata,
  specId: number,
  content: "data" | "deletes",
  files: DataFile[],
): AddedFiles {
  const spec = partitionSpecById(metadata, specId);
  if (!spec) throw new WriteError("invalid-input", `The table has no partition spec ${specId}`);
  const schema = currentSchema(metadata);
  return { spec, schema, partitionType: partitionTypeOf(metadata, specId), content, files };
}

export function partitionTypeOf(metadata: TableMetadata, specId: number): PartitionFieldType[] {
  const spec = partitionSpecById(metadata, specId);
  if (!spec) throw new WriteError("invalid-input", `The table has no partition spec ${specId}`);
  return partitionStructType(spec, currentSchema(metadata)).fields.map((f) => ({
    fieldId: f.id,
    name: f.name,
    type: f.type as string,
  }));
}

export function checkWritable(metadata: TableMetadata): void {
  if (metadata.formatVersion !== 1 && metadata.formatVersion !== 2) {
    throw new WriteError(
      "unsupported",
      `Writing format v${metadata.formatVersion} tables is not supported yet (row lineage, deletion vectors)`,
    );
  }
}
