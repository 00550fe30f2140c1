import { describe, expect, it } from "vitest";
import type { FormatVersion, PartitionSpec } from "../spec/types";
import {
  type ManifestContent,
  type ManifestEntry,
  type PartitionFieldType,
  readManifest,
  readManifestList,
  summarizeManifest,
  writeManifest,
  writeManifestList,
} from "./index";
import {
  dataEntries,
  deleteEntries,
  PARTITIONED,
  PARTITIONED_TYPE,
  partition,
  SCHEMA,
  SNAPSHOT_ID,
  TYPED,
  TYPED_PARTITION_TYPE,
  TYPED_SCHEMA,
  TYPED_SPEC,
  UNPARTITIONED,
} from "./testing/samples";

const PARTITIONS = [
  partition(["alice", 19723, 3, "book", 1420n]),
  partition([null, 19724, 15, "food", -5n]),
  partition(["bob", null, 0, "", null]),
];

interface Case {
  version: FormatVersion;
  content: ManifestContent;
  spec: PartitionSpec;
  type: PartitionFieldType[];
}

const CASES: Case[] = [
  { version: 1, content: "data", spec: UNPARTITIONED, type: [] },
  { version: 1, content: "data", spec: PARTITIONED, type: PARTITIONED_TYPE },
  { version: 2, content: "data", spec: UNPARTITIONED, type: [] },
  { version: 2, content: "data", spec: PARTITIONED, type: PARTITIONED_TYPE },
  { version: 2, content: "deletes", spec: UNPARTITIONED, type: [] },
  { version: 2, content: "deletes", spec: PARTITIONED, type: PARTITIONED_TYPE },
  { version: 3, content: "data", spec: PARTITIONED, type: PARTITIONED_TYPE },
];

function entriesFor({ version, content, type }: Case): ManifestEntry[] {
  const partitions = type.length ? PARTITIONS : [new Map()];
  const entries = content === "data" ? dataEntries(partitions) : deleteEntries(partitions);
  if (version >= 2) return entries;
  // v1 has no sequence numbers, and no referenced data files.
  return entries.map(({ sequenceNumber, fileSequenceNumber, ...entry }) => entry);
}

/** What reading gives back: the writer's snapshot id fills in; v1 files read as sequence 0. */
function expectedAfterRead(entries: ManifestEntry[], version: FormatVersion): ManifestEntry[] {
  return entries.map((entry) => ({
    ...entry,
    snapshotId: entry.snapshotId ?? SNAPSHOT_ID,
    ...(version === 1 ? { sequenceNumber: 0, fileSequenceNumber: 0 } : {}),
  }));
}

describe("manifest round trip", () => {
  for (const c of CASES) {
    const label = `v${c.version} ${c.content} ${c.type.length ? "partitioned" : "unpartitioned"}`;
    it(`${label}: write then read gives the same entries and metadata`, () => {
      const entries = entriesFor(c);
      const bytes = writeManifest({
        formatVersion: c.version,
        schema: SCHEMA,
        partitionSpec: c.spec,
        partitionType: c.type,
        content: c.content,
        entries,
        snapshotId: SNAPSHOT_ID,
      });
      const manifest = readManifest(bytes);
      expect(manifest.entries).toEqual(expectedAfterRead(entries, c.version));
      expect(manifest.metadata).toMatchObject({
        formatVersion: c.version,
        content: c.content,
        partitionSpecId: c.spec.specId,
        partitionSpec: c.spec.fields,
        partitionType: c.type,
        schema: SCHEMA,
        schemaId: SCHEMA.schemaId,
      });
      expect(manifest.metadata.keyValue["avro.codec"]).toBe("deflate");
    });
  }

  it("partition values of every type come back in lib/iceberg/values' representation", () => {
    const values = new Map(TYPED.map(([, value], i) => [1000 + i, value]));
    const nulls = new Map(TYPED.map((_, i) => [1000 + i, null]));
    const entries: ManifestEntry[] = [values, nulls].map((p, i) => ({
      status: "added",
      dataFile: { ...dataEntries([p])[0].dataFile, filePath: `f${i}.parquet` },
    }));
    const bytes = writeManifest({
      formatVersion: 2,
      schema: TYPED_SCHEMA,
      partitionSpec: TYPED_SPEC,
      partitionType: TYPED_PARTITION_TYPE,
      content: "data",
      entries,
      snapshotId: SNAPSHOT_ID,
    });
    const manifest = readManifest(bytes);
    expect(manifest.entries.map((e) => e.dataFile.partition)).toEqual([values, nulls]);
    // Avro names were sanitized ("p0 boolean" → "p0_x20boolean"); the spec's names come back.
    expect(manifest.metadata.partitionType).toEqual(TYPED_PARTITION_TYPE);
    expect(manifest.metadata.keyValue["avro.schema"]).toContain('"p0_x20boolean"');
  });

  it("keeps 64-bit snapshot ids exact", () => {
    const entries = dataEntries([new Map()]);
    const bytes = writeManifest({
      formatVersion: 2,
      schema: SCHEMA,
      partitionSpec: UNPARTITIONED,
      partitionType: [],
      content: "data",
      entries,
      snapshotId: 9_223_372_036_854_775_807n,
    });
    const [added, existing] = readManifest(bytes).entries;
    expect(added.snapshotId).toBe(9_223_372_036_854_775_807n);
    expect(existing.snapshotId).toBe(6_000_000_000_000_000_002n);
  });

  it("writes null, snappy and deflate codecs that read back alike", () => {
    const entries = dataEntries(PARTITIONS);
    const read = (codec: "null" | "deflate" | "snappy") =>
      readManifest(
        writeManifest({
          formatVersion: 2,
          schema: SCHEMA,
          partitionSpec: PARTITIONED,
          partitionType: PARTITIONED_TYPE,
          content: "data",
          entries,
          snapshotId: SNAPSHOT_ID,
          codec,
        }),
      );
    const viaNull = read("null");
    expect(viaNull.metadata.keyValue["avro.codec"]).toBe("null");
    expect(read("snappy").entries).toEqual(viaNull.entries);
    expect(read("deflate").entries).toEqual(viaNull.entries);
  });
});

describe("manifest list round trip", () => {
  for (const version of [1, 2, 3] as const) {
    it(`v${version}: write then read gives the same rows`, () => {
      const entries = dataEntries(PARTITIONS);
      const row = summarizeManifest({
        path: "s3://bucket/t/metadata/m0.avro",
        length: 1234,
        partitionSpecId: PARTITIONED.specId,
        content: "data",
        addedSnapshotId: SNAPSHOT_ID,
        partitionType: PARTITIONED_TYPE,
        entries: version === 1 ? entries.map(({ sequenceNumber, ...e }) => e) : entries,
        keyMetadata: Uint8Array.of(1, 2),
      });
      const older = { ...row, path: "s3://bucket/t/metadata/old.avro", addedSnapshotId: 5n };
      const manifests =
        version === 1 ? [row, older] : [row, { ...older, sequenceNumber: 2, minSequenceNumber: 1 }];
      const bytes = writeManifestList({
        formatVersion: version,
        snapshotId: SNAPSHOT_ID,
        parentSnapshotId: 5n,
        sequenceNumber: 6,
        ...(version === 3 ? { firstRowId: 1000 } : {}),
        manifests:
          version === 3 ? [{ ...manifests[0], firstRowId: 1000 }, manifests[1]] : manifests,
      });
      const list = readManifestList(bytes, version);
      expect(list.metadata).toMatchObject({
        snapshotId: SNAPSHOT_ID,
        parentSnapshotId: 5n,
        formatVersion: version,
        ...(version >= 2 ? { sequenceNumber: 6 } : {}),
        ...(version === 3 ? { firstRowId: 1000 } : {}),
      });
      const [first, second] = list.manifests;
      const sequence =
        version === 1
          ? { sequenceNumber: 0, minSequenceNumber: 0 }
          : { sequenceNumber: 6, minSequenceNumber: 4 };
      expect(first).toEqual({
        ...row,
        ...sequence,
        ...(version === 3 ? { firstRowId: 1000 } : {}),
      });
      expect(second.addedSnapshotId).toBe(5n);
      if (version >= 2) expect(second).toMatchObject({ sequenceNumber: 2, minSequenceNumber: 1 });
    });
  }

  it("v2: delete manifests keep their content", () => {
    const entries = deleteEntries(PARTITIONS);
    const row = summarizeManifest({
      path: "d.avro",
      length: 10,
      partitionSpecId: 1,
      content: "deletes",
      addedSnapshotId: SNAPSHOT_ID,
      partitionType: PARTITIONED_TYPE,
      entries,
    });
    const bytes = writeManifestList({
      formatVersion: 2,
      snapshotId: SNAPSHOT_ID,
      sequenceNumber: 9,
      manifests: [row],
    });
    const list = readManifestList(bytes, 2);
    expect(list.metadata.parentSnapshotId).toBeUndefined();
    expect(list.metadata.keyValue["parent-snapshot-id"]).toBe("null");
    expect(list.manifests[0]).toMatchObject({
      content: "deletes",
      sequenceNumber: 9,
      minSequenceNumber: 9,
      addedRowsCount: 5,
    });
  });
});
