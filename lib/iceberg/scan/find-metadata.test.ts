import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileIO } from "../io";
import { findLatestMetadata, findMetadataVersion } from "./find-metadata";
import { tableFolderOf } from "./load-table";

const io = new LocalFileIO();
let table: string;

async function touch(...names: string[]) {
  for (const name of names)
    await io.writeNew(path.join(table, "metadata", name), new Uint8Array([1]));
}

beforeEach(async () => {
  table = path.join(await mkdtemp(path.join(tmpdir(), "tarn-find-")), "t");
});
afterEach(() => rm(path.dirname(table), { recursive: true, force: true }));

describe("findLatestMetadata", () => {
  it("follows version-hint.text", async () => {
    await touch("v1.metadata.json", "v2.metadata.json", "v3.metadata.json");
    await io.writeNew(
      path.join(table, "metadata/version-hint.text"),
      new TextEncoder().encode("2\n"),
    );
    expect(await findLatestMetadata(io, table)).toBe(path.join(table, "metadata/v2.metadata.json"));
  });

  it("follows a hint naming a catalog-style file", async () => {
    await touch("00000-a.metadata.json", "00001-b.metadata.json");
    await io.writeNew(
      path.join(table, "metadata/version-hint.text"),
      new TextEncoder().encode("00000-a"),
    );
    expect(await findLatestMetadata(io, table)).toBe(
      path.join(table, "metadata/00000-a.metadata.json"),
    );
  });

  it("takes the highest version without a hint, numerically", async () => {
    await touch("v2.metadata.json", "v10.metadata.json", "v9.metadata.json", "snap-1.avro");
    expect(await findLatestMetadata(io, table)).toBe(
      path.join(table, "metadata/v10.metadata.json"),
    );
  });

  it("reads NNNNN-uuid and gzipped names", async () => {
    await touch("00001-x.metadata.json", "00003-y.gz.metadata.json", "00002-z.metadata.json.gz");
    expect(await findLatestMetadata(io, table)).toBe(
      path.join(table, "metadata/00003-y.gz.metadata.json"),
    );
  });

  it("falls back to listing when the hint names no file", async () => {
    await touch("v4.metadata.json");
    await io.writeNew(
      path.join(table, "metadata/version-hint.text"),
      new TextEncoder().encode("7"),
    );
    expect(await findLatestMetadata(io, table)).toBe(path.join(table, "metadata/v4.metadata.json"));
  });

  it("fails plainly when there is no metadata", async () => {
    await expect(findLatestMetadata(io, table)).rejects.toThrow(
      /No Iceberg metadata under .*metadata/,
    );
  });
});

describe("findMetadataVersion", () => {
  it("finds v<N>, <NNNNN>-… and gzip variants of a version", async () => {
    await touch("v1.gz.metadata.json", "00002-abc.metadata.json");
    expect(await findMetadataVersion(io, table, "1")).toBe(
      path.join(table, "metadata/v1.gz.metadata.json"),
    );
    expect(await findMetadataVersion(io, table, "2")).toBe(
      path.join(table, "metadata/00002-abc.metadata.json"),
    );
    expect(await findMetadataVersion(io, table, "3")).toBeUndefined();
  });
});

describe("tableFolderOf", () => {
  it("is the folder above metadata/", () => {
    expect(tableFolderOf("/w/t/metadata/v1.metadata.json")).toBe("/w/t");
    expect(tableFolderOf("file:///w/t/metadata/v1.metadata.json")).toBe("file:///w/t");
    expect(tableFolderOf("/w/t/odd.metadata.json")).toBe("/w/t");
  });
});
