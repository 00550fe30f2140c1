import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalFileIO } from "./local";
import { parseLocation, RelativeLocationError } from "./location";
import { FileExistsError, FileNotFoundError, UnsupportedLocationError } from "./types";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

let dir: string;
const io = new LocalFileIO();

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tarn-io-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("parseLocation", () => {
  it.each([
    ["file:///a/b", { kind: "local", path: "/a/b" }],
    ["file:/a/b", { kind: "local", path: "/a/b" }],
    ["/a/b", { kind: "local", path: "/a/b" }],
    ["file://data/x", { kind: "relative", path: "data/x" }],
    ["data/x", { kind: "relative", path: "data/x" }],
    ["s3://bucket/x", { kind: "remote", scheme: "s3" }],
    ["GS://bucket/x", { kind: "remote", scheme: "gs" }],
    ["/a/p=08%3A21/x", { kind: "local", path: "/a/p=08%3A21/x" }],
  ])("%s", (location, expected) => {
    expect(parseLocation(location)).toEqual(expected);
  });
});

describe("LocalFileIO", () => {
  it("writes a new file and reads it back through a file:// URI", async () => {
    const location = `file://${dir}/t/metadata/v1.metadata.json`;
    await io.writeNew(location, bytes("{}"));
    expect(text(await io.read(location))).toBe("{}");
    expect(text(await io.read(path.join(dir, "t/metadata/v1.metadata.json")))).toBe("{}");
    expect(await io.size(location)).toBe(2);
  });

  it("never overwrites: the second of two racing writers gets FileExistsError", async () => {
    const location = path.join(dir, "v2.metadata.json");
    const results = await Promise.allSettled([
      io.writeNew(location, bytes("first")),
      io.writeNew(location, bytes("second")),
    ]);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(FileExistsError);
    expect(["first", "second"]).toContain(text(await io.read(location)));
  });

  it("reports missing files", async () => {
    const location = path.join(dir, "missing");
    expect(await io.exists(location)).toBe(false);
    await expect(io.read(location)).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(io.size(location)).rejects.toBeInstanceOf(FileNotFoundError);
  });

  it("reads a range", async () => {
    const location = path.join(dir, "r");
    await io.writeNew(location, bytes("0123456789"));
    expect(text(await io.readRange(location, 3, 4))).toBe("3456");
    expect(text(await io.readRange(location, 8, 10))).toBe("89");
  });

  it("deletes, and deleting twice is fine", async () => {
    const location = path.join(dir, "d");
    await io.writeNew(location, bytes("x"));
    await io.delete(location);
    await io.delete(location);
    expect(await io.exists(location)).toBe(false);
  });

  it("lists recursively in the prefix's style", async () => {
    await io.writeNew(path.join(dir, "t/data/p=1/a.parquet"), bytes("a"));
    await io.writeNew(path.join(dir, "t/data/b.parquet"), bytes("bb"));
    await io.writeNew(path.join(dir, "t/metadata/v1.metadata.json"), bytes("{}"));
    const listed = [];
    for await (const info of io.list(`file://${dir}/t/data`)) listed.push(info);
    expect(listed.map((f) => [f.location, f.size])).toEqual([
      [`file://${dir}/t/data/b.parquet`, 2],
      [`file://${dir}/t/data/p=1/a.parquet`, 1],
    ]);
    const none = [];
    for await (const info of io.list(path.join(dir, "nowhere"))) none.push(info);
    expect(none).toEqual([]);
  });

  it("refuses other schemes and relative paths with clear errors", async () => {
    await expect(io.read("s3://bucket/t/data/a.parquet")).rejects.toThrow(UnsupportedLocationError);
    await expect(io.read("s3://bucket/t/data/a.parquet")).rejects.toThrow(/s3:\/\//);
    expect(() => io.localPath("data/a.parquet")).toThrow(RelativeLocationError);
  });
});
