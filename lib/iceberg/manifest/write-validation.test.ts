/** The writers refuse what the spec forbids, before writing anything. */
import { describe, expect, it } from "vitest";
import {
  type ManifestEntry,
  type ManifestFileToWrite,
  type WriteManifestInput,
  writeManifest,
  writeManifestList,
} from "./index";
import {
  dataFile,
  PARTITIONED,
  PARTITIONED_TYPE,
  partition,
  SCHEMA,
  SNAPSHOT_ID,
  UNPARTITIONED,
} from "./testing/samples";

const added = (overrides: Partial<ManifestEntry> = {}): ManifestEntry => ({
  status: "added",
  dataFile: dataFile("a.parquet"),
  ...overrides,
});

function write(overrides: Partial<WriteManifestInput>) {
  return () =>
    writeManifest({
      formatVersion: 2,
      schema: SCHEMA,
      partitionSpec: UNPARTITIONED,
      partitionType: [],
      content: "data",
      entries: [added()],
      snapshotId: SNAPSHOT_ID,
      ...overrides,
    });
}

describe("writeManifest refuses", () => {
  it("delete manifests in v1", () => {
    expect(write({ formatVersion: 1, content: "deletes" })).toThrow(
      /v1 tables cannot have delete manifests/,
    );
  });

  it("a delete file in a data manifest, and a data file in a delete manifest", () => {
    const deletes = added({ dataFile: dataFile("d.parquet", { content: "position-deletes" }) });
    expect(write({ entries: [deletes] })).toThrow(
      /a data manifest cannot hold a position-deletes file/,
    );
    expect(write({ content: "deletes" })).toThrow(/a deletes manifest cannot hold a data file/);
  });

  it("existing or deleted entries without sequence numbers (v2)", () => {
    expect(write({ entries: [added({ status: "existing", snapshotId: 1n })] })).toThrow(
      /must carry their sequence numbers/,
    );
    expect(write({ entries: [added({ status: "deleted", sequenceNumber: 1 })] })).toThrow(
      /file sequence number/,
    );
  });

  it("existing entries that lost their snapshot id", () => {
    const entry = added({ status: "existing", sequenceNumber: 1, fileSequenceNumber: 1 });
    expect(write({ entries: [entry] })).toThrow(/keep the id of the snapshot that added them/);
  });

  it("equality deletes without equality ids", () => {
    const entry = added({ dataFile: dataFile("eq.parquet", { content: "equality-deletes" }) });
    expect(write({ content: "deletes", entries: [entry] })).toThrow(/need equalityIds/);
  });

  it("fields the format version cannot hold, rather than dropping them", () => {
    expect(write({ entries: [added({ dataFile: dataFile("a", { firstRowId: 5 }) })] })).toThrow(
      /firstRowId needs format version 3/,
    );
    expect(
      write({
        formatVersion: 1,
        entries: [added({ dataFile: dataFile("a", { referencedDataFile: "x" }) })],
      }),
    ).toThrow(/referencedDataFile needs format version 2/);
  });

  it("a partition type that does not match the spec, and unknown partition keys", () => {
    expect(write({ partitionSpec: PARTITIONED })).toThrow(/do not match partition spec 1/);
    const stray = added({ dataFile: dataFile("a", { partition: new Map([[1999, 1]]) }) });
    expect(write({ entries: [stray] })).toThrow(/partition has field id 1999/);
  });

  it("counts that are not integers, naming the file", () => {
    const entry = added({ dataFile: dataFile("half.parquet", { recordCount: 1.5 }) });
    expect(write({ entries: [entry] })).toThrow(/entry for half.parquet: .*1.5/);
  });

  it("a partition value of the wrong representation, naming the field", () => {
    const wrong = partition(["x", 19723, 1, "y", 14.2]); // decimals are unscaled bigints
    const entry = added({ dataFile: dataFile("a", { partition: wrong }) });
    expect(
      write({ partitionSpec: PARTITIONED, partitionType: PARTITIONED_TYPE, entries: [entry] }),
    ).toThrow(/partition field price \(1004\)/);
  });
});

describe("writeManifestList refuses", () => {
  const row: ManifestFileToWrite = {
    path: "m.avro",
    length: 1,
    partitionSpecId: 0,
    content: "data",
    addedSnapshotId: SNAPSHOT_ID,
    addedFilesCount: 1,
    existingFilesCount: 0,
    deletedFilesCount: 0,
    addedRowsCount: 1,
    existingRowsCount: 0,
    deletedRowsCount: 0,
  };
  const list = (formatVersion: 1 | 2 | 3, manifests: ManifestFileToWrite[]) => () =>
    writeManifestList({ formatVersion, snapshotId: SNAPSHOT_ID, sequenceNumber: 3, manifests });

  it("delete manifests in v1", () => {
    expect(list(1, [{ ...row, content: "deletes" }])).toThrow(
      /v1 manifest lists cannot hold delete manifests/,
    );
  });

  it("missing counts from v2 on", () => {
    const { addedRowsCount, ...withoutRows } = row;
    expect(list(2, [withoutRows])).toThrow(/addedRowsCount is required from format version 2/);
    expect(list(1, [withoutRows])).not.toThrow();
  });

  it("a manifest of another snapshot without a sequence number", () => {
    expect(list(2, [{ ...row, addedSnapshotId: 1n }])).toThrow(
      /added by snapshot 1 but has no sequence number/,
    );
  });

  it("first_row_id outside v3 data manifests", () => {
    expect(list(2, [{ ...row, firstRowId: 1 }])).toThrow(/only for v3 data manifests/);
    expect(list(3, [{ ...row, content: "deletes", firstRowId: 1 }])).toThrow(
      /only for v3 data manifests/,
    );
  });
});
