/**
 * Test support: writing a small v2 table from scratch — Parquet files written by the test,
 * manifests and manifest lists by lib/iceberg/manifest, metadata by lib/iceberg/spec — one
 * snapshot per commit, so sequence-number rules can be tested exactly.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import {
  type DataFile,
  type ManifestFile,
  type ManifestFileToWrite,
  summarizeManifest,
  writeManifest,
  writeManifestList,
} from "../../manifest";
import { type Schema, type Snapshot, serializeTableMetadata, type TableMetadata } from "../../spec";

export interface SyntheticCommit {
  data?: DataFile[];
  deletes?: DataFile[];
}

/** Writes the table under `folder` and returns its metadata file's location. */
export async function writeSyntheticTable(
  folder: string,
  schema: Schema,
  commits: SyntheticCommit[],
): Promise<string> {
  await mkdir(path.join(folder, "metadata"), { recursive: true });
  const carried: ManifestFile[] = [];
  const snapshots: Snapshot[] = [];
  for (const [i, commit] of commits.entries()) {
    const sequenceNumber = i + 1;
    const snapshotId = BigInt(sequenceNumber);
    const added: ManifestFileToWrite[] = [];
    for (const [content, files] of [
      ["data", commit.data],
      ["deletes", commit.deletes],
    ] as const) {
      if (!files?.length) continue;
      added.push(
        await writeManifestFile(
          folder,
          schema,
          `${content}-${sequenceNumber}`,
          content,
          files,
          snapshotId,
        ),
      );
    }
    const manifestList = path.join(folder, "metadata", `snap-${sequenceNumber}.avro`);
    const parentSnapshotId = snapshots.at(-1)?.snapshotId;
    await writeFile(
      manifestList,
      writeManifestList({
        formatVersion: 2,
        snapshotId,
        parentSnapshotId,
        sequenceNumber,
        manifests: [...added, ...carried],
      }),
    );
    carried.push(
      ...added.map((m) => ({ ...m, sequenceNumber, minSequenceNumber: sequenceNumber })),
    );
    snapshots.push({
      snapshotId,
      ...(parentSnapshotId === undefined ? {} : { parentSnapshotId }),
      sequenceNumber,
      timestampMs: 1_700_000_000_000 + sequenceNumber * 1000,
      manifestList,
      summary: { operation: "append" },
      schemaId: schema.schemaId,
    });
  }
  const location = path.join(folder, "metadata", "v1.metadata.json");
  await writeFile(location, serializeTableMetadata(metadataFor(folder, schema, snapshots)));
  return location;
}

async function writeManifestFile(
  folder: string,
  schema: Schema,
  name: string,
  content: "data" | "deletes",
  files: DataFile[],
  snapshotId: bigint,
): Promise<ManifestFileToWrite> {
  const entries = files.map((dataFile) => ({ status: "added" as const, dataFile }));
  const partitionSpec = { specId: 0, fields: [] };
  const bytes = writeManifest({
    formatVersion: 2,
    schema,
    partitionSpec,
    partitionType: [],
    content,
    entries,
    snapshotId,
  });
  const manifestPath = path.join(folder, "metadata", `${name}.avro`);
  await writeFile(manifestPath, bytes);
  return summarizeManifest({
    path: manifestPath,
    length: bytes.length,
    partitionSpecId: 0,
    content,
    addedSnapshotId: snapshotId,
    partitionType: [],
    entries,
  });
}

function metadataFor(folder: string, schema: Schema, snapshots: Snapshot[]): TableMetadata {
  const current = snapshots.at(-1);
  return {
    formatVersion: 2,
    tableUuid: "4f3c2b1a-0000-4000-8000-000000000001",
    location: folder,
    lastSequenceNumber: current?.sequenceNumber ?? 0,
    lastUpdatedMs: current?.timestampMs ?? 0,
    lastColumnId: Math.max(...schema.fields.map((f) => f.id)),
    schemas: [schema],
    currentSchemaId: schema.schemaId,
    partitionSpecs: [{ specId: 0, fields: [] }],
    defaultSpecId: 0,
    lastPartitionId: 999,
    properties: {},
    ...(current ? { currentSnapshotId: current.snapshotId } : {}),
    snapshots,
    snapshotLog: snapshots.map((s) => ({ snapshotId: s.snapshotId, timestampMs: s.timestampMs })),
    metadataLog: [],
    sortOrders: [{ orderId: 0, fields: [] }],
    defaultSortOrderId: 0,
    refs: current ? { main: { snapshotId: current.snapshotId, type: "branch" } } : {},
    statistics: [],
    partitionStatistics: [],
  };
}

/** The DataFile of a Parquet file the test wrote. */
export function parquetFile(
  filePath: string,
  content: DataFile["content"],
  recordCount: number,
  extra: Partial<DataFile> = {},
): DataFile {
  return {
    content,
    filePath,
    fileFormat: "parquet",
    partition: new Map(),
    recordCount,
    fileSizeInBytes: 1,
    ...extra,
  };
}
