import { describe, expect, it } from "vitest";
import type { DataFileContent } from "../manifest";
import type { PartitionSpec } from "../spec";
import { utf8 } from "../values";
import { DELETE_FILE_PATH_ID, DeleteIndex } from "./delete-index";
import type { PlannedFile } from "./types";

const specs = new Map<number, PartitionSpec>([
  [0, { specId: 0, fields: [] }],
  [1, { specId: 1, fields: [{ sourceId: 1, fieldId: 1000, name: "p", transform: "identity" }] }],
]);

function file(
  path: string,
  content: DataFileContent,
  seq: number,
  specId = 1,
  partition: number | null = 7,
  extra: Partial<PlannedFile> = {},
): PlannedFile {
  return {
    content,
    filePath: path,
    fileFormat: "parquet",
    partition: specId === 0 ? new Map() : new Map([[1000, partition]]),
    recordCount: 1,
    fileSizeInBytes: 1,
    dataSequenceNumber: seq,
    specId,
    location: path,
    localPath: path,
    ...extra,
  };
}

const names = (files: PlannedFile[]) => files.map((f) => f.filePath).sort();

describe("DeleteIndex", () => {
  const data = file("d.parquet", "data", 5);

  it("applies position deletes with sequence number ≥ the data file's, same partition", () => {
    const index = new DeleteIndex(
      [
        file("older.pos", "position-deletes", 4),
        file("same.pos", "position-deletes", 5),
        file("newer.pos", "position-deletes", 6),
        file("other-partition.pos", "position-deletes", 6, 1, 8),
        file("other-spec.pos", "position-deletes", 6, 0),
      ],
      specs,
    );
    expect(names(index.forDataFile(data).positionDeletes)).toEqual(["newer.pos", "same.pos"]);
  });

  it("applies equality deletes with a strictly higher sequence number, same partition", () => {
    const index = new DeleteIndex(
      [
        file("same.eq", "equality-deletes", 5),
        file("newer.eq", "equality-deletes", 6),
        file("other-partition.eq", "equality-deletes", 6, 1, 8),
      ],
      specs,
    );
    expect(names(index.forDataFile(data).equalityDeletes)).toEqual(["newer.eq"]);
  });

  it("applies equality deletes of an unpartitioned spec to every partition", () => {
    const index = new DeleteIndex([file("global.eq", "equality-deletes", 6, 0)], specs);
    expect(names(index.forDataFile(data).equalityDeletes)).toEqual(["global.eq"]);
    expect(names(index.forDataFile(file("d8", "data", 5, 1, 8)).equalityDeletes)).toEqual([
      "global.eq",
    ]);
  });

  it("applies a file-scoped delete (referenced_data_file, deletion vectors) to that file only", () => {
    const dv = file("dv.puffin", "position-deletes", 6, 1, 8, {
      referencedDataFile: "d.parquet",
      fileFormat: "puffin",
    });
    const index = new DeleteIndex([dv], specs);
    expect(names(index.forDataFile(data).positionDeletes)).toEqual(["dv.puffin"]);
    expect(index.forDataFile(file("e.parquet", "data", 5)).positionDeletes).toEqual([]);
    expect(index.forDataFile(file("d.parquet", "data", 7)).positionDeletes).toEqual([]);
  });

  it("skips position deletes whose file_path bounds exclude the data file", () => {
    const bounded = file("bounded.pos", "position-deletes", 6, 1, 7, {
      lowerBounds: new Map([[DELETE_FILE_PATH_ID, utf8("m.parquet")]]),
      upperBounds: new Map([[DELETE_FILE_PATH_ID, utf8("n.parquet")]]),
    });
    const index = new DeleteIndex([bounded], specs);
    expect(index.forDataFile(data).positionDeletes).toEqual([]);
    expect(names(index.forDataFile(file("m.parquet", "data", 5)).positionDeletes)).toEqual([
      "bounded.pos",
    ]);
  });

  it("treats a null partition value as its own partition", () => {
    const index = new DeleteIndex([file("null.eq", "equality-deletes", 6, 1, null)], specs);
    expect(index.forDataFile(data).equalityDeletes).toEqual([]);
    expect(names(index.forDataFile(file("dn", "data", 5, 1, null)).equalityDeletes)).toEqual([
      "null.eq",
    ]);
  });
});
