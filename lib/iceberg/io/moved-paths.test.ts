import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileIO } from "./local";
import {
  candidateLocations,
  fromLastMarker,
  MovedPathResolver,
  UnresolvedPathError,
} from "./moved-paths";

describe("fromLastMarker", () => {
  it.each([
    ["s3://b/wh/t/data/p=1/a.parquet", "data/p=1/a.parquet"],
    ["data/persistent/t/metadata/snap-1.avro", "metadata/snap-1.avro"],
    ["lineitem_iceberg/data/00000-1.parquet", "data/00000-1.parquet"],
    ["data/a.parquet", "data/a.parquet"],
    ["gs://b/t/other/a.parquet", undefined],
  ])("%s → %s", (recorded, expected) => {
    expect(fromLastMarker(recorded)).toBe(expected);
  });
});

describe("candidateLocations", () => {
  it("tries the path itself, then the recorded table location, then the marker rule", () => {
    expect(
      candidateLocations("file:///Users/x/warehouse/t/data/a.parquet", {
        tableFolder: "/lake/t",
        recordedLocation: "file:///Users/x/warehouse/t",
      }),
    ).toEqual(["file:///Users/x/warehouse/t/data/a.parquet", "/lake/t/data/a.parquet"]);
    expect(
      candidateLocations("file://data/persistent/m/data/_day=1/a.parquet", {
        tableFolder: "/f/m",
        recordedLocation: "file://data/persistent/m",
      }),
    ).toEqual(["/f/m/data/_day=1/a.parquet"]);
  });
});

describe("MovedPathResolver", () => {
  let dir: string;
  const io = new LocalFileIO();
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "tarn-moved-"));
    await io.writeNew(path.join(dir, "t/data/p=1/a.parquet"), new Uint8Array([1]));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("maps object-store and relative paths onto the table folder", async () => {
    const resolver = new MovedPathResolver({ io, tableFolder: path.join(dir, "t") });
    const expected = path.join(dir, "t/data/p=1/a.parquet");
    expect(await resolver.resolve("s3://bucket/wh/t/data/p=1/a.parquet")).toBe(expected);
    expect(await resolver.resolve("wh/t/data/p=1/a.parquet")).toBe(expected);
    expect(await resolver.resolve(expected)).toBe(expected);
  });

  it("fails naming a gs:// location that has no local copy", async () => {
    const resolver = new MovedPathResolver({ io, tableFolder: path.join(dir, "t") });
    const failure = resolver.resolve("gs://bucket/t/data/missing.parquet");
    await expect(failure).rejects.toBeInstanceOf(UnresolvedPathError);
    await expect(failure).rejects.toThrow(
      /gs:\/\/bucket\/t\/data\/missing\.parquet.*local files only/,
    );
  });

  it("fails naming a missing local file", async () => {
    const resolver = new MovedPathResolver({ io, tableFolder: path.join(dir, "t") });
    await expect(resolver.resolve("/elsewhere/x.parquet")).rejects.toThrow(
      /Table file \/elsewhere\/x\.parquet not found/,
    );
  });
});
