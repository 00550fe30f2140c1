import { describe, expect, it } from "vitest";
import {
  assignFirstRowIds,
  type ManifestEntry,
  type ManifestFile,
  resolveEntryInheritance,
  resolveManifestEntries,
} from "./index";
import { dataFile } from "./testing/samples";

const manifest: ManifestFile = {
  path: "m.avro",
  length: 1,
  partitionSpecId: 0,
  content: "data",
  sequenceNumber: 7,
  minSequenceNumber: 3,
  addedSnapshotId: 70n,
};

const entry = (
  status: ManifestEntry["status"],
  rest: Partial<ManifestEntry> = {},
): ManifestEntry => ({
  status,
  dataFile: dataFile(`${status}.parquet`),
  ...rest,
});

describe("resolveEntryInheritance", () => {
  it("an added entry with nulls inherits snapshot id and both sequence numbers", () => {
    expect(resolveEntryInheritance(entry("added"), manifest)).toMatchObject({
      snapshotId: 70n,
      sequenceNumber: 7,
      fileSequenceNumber: 7,
    });
  });

  it("explicit values win (a file added with an older data sequence number)", () => {
    const resolved = resolveEntryInheritance(
      entry("added", { snapshotId: 5n, sequenceNumber: 2 }),
      manifest,
    );
    expect(resolved).toMatchObject({ snapshotId: 5n, sequenceNumber: 2, fileSequenceNumber: 7 });
  });

  it("existing entries keep their own sequence numbers", () => {
    const existing = entry("existing", {
      snapshotId: 1n,
      sequenceNumber: 3,
      fileSequenceNumber: 4,
    });
    expect(resolveEntryInheritance(existing, manifest)).toMatchObject({
      sequenceNumber: 3,
      fileSequenceNumber: 4,
    });
  });

  it("refuses an existing entry without a sequence number in a v2 manifest", () => {
    expect(() => resolveEntryInheritance(entry("existing", { snapshotId: 1n }), manifest)).toThrow(
      /existing entry for existing.parquet has no sequence number/,
    );
  });

  it("v1 manifests (sequence number 0): every entry reads as 0", () => {
    const v1 = { ...manifest, sequenceNumber: 0, minSequenceNumber: 0 };
    expect(resolveEntryInheritance(entry("existing", { snapshotId: 1n }), v1)).toMatchObject({
      sequenceNumber: 0,
      fileSequenceNumber: 0,
    });
  });
});

describe("first row ids (spec Row Lineage example)", () => {
  it("data files without one inherit the manifest's plus the rows before them", () => {
    const entries = [
      entry("existing", {
        snapshotId: 1n,
        sequenceNumber: 1,
        fileSequenceNumber: 1,
        dataFile: dataFile("data1", { recordCount: 25, firstRowId: 800 }),
      }),
      entry("added", { dataFile: dataFile("data2", { recordCount: 50 }) }),
      entry("added", { dataFile: dataFile("data3", { recordCount: 50 }) }),
    ];
    const resolved = resolveManifestEntries(entries, { ...manifest, firstRowId: 1000 });
    expect(resolved.map((e) => e.dataFile.firstRowId)).toEqual([800, 1000, 1050]);
  });

  it("leaves them unset when the manifest has none (snapshots before a v3 upgrade)", () => {
    const resolved = resolveManifestEntries([entry("added")], manifest);
    expect(resolved[0].dataFile.firstRowId).toBeUndefined();
  });

  it("assignFirstRowIds gives data manifests without one the next range", () => {
    const base = { ...manifest, addedRowsCount: 0, existingRowsCount: 0 };
    const { manifests, nextRowId } = assignFirstRowIds(
      [
        { ...base, path: "existing", firstRowId: 0, addedRowsCount: 75 },
        { ...base, path: "added1", addedRowsCount: 100, existingRowsCount: 25 },
        { ...base, path: "deletes", content: "deletes", addedRowsCount: 9 },
        { ...base, path: "added2", existingRowsCount: 100 },
      ],
      1000,
    );
    expect(manifests.map((m) => m.firstRowId)).toEqual([0, 1000, undefined, 1125]);
    expect(nextRowId).toBe(1225);
  });
});
