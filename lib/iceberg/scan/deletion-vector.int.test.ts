/**
 * Deletion vectors: Java's golden blobs decode to the positions Java's tests put in them,
 * a blob inside a Puffin container reads, and bare or damaged blobs fail clearly.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icebergFixture } from "../spec/test-fixtures";
import { decodeBlob, readDeletionVector } from "./deletion-vector";
import { io } from "./testing/engine";
import type { PlannedFile } from "./types";

const golden = (name: string) =>
  new Uint8Array(readFileSync(icebergFixture("metadata/java-core/deletes", name)));
const HIGH = 2 ** 32;

function dvFile(location: string, offset: number, size: number): PlannedFile {
  return {
    content: "position-deletes",
    filePath: location,
    fileFormat: "puffin",
    partition: new Map(),
    recordCount: 1,
    fileSizeInBytes: 1,
    dataSequenceNumber: 1,
    specId: 0,
    location,
    localPath: location,
    contentOffset: offset,
    contentSizeInBytes: size,
  };
}

describe("deletion-vector blobs written by Java", () => {
  const file = dvFile("golden", 0, 0);

  it.each([
    ["empty-position-index.bin", []],
    [
      "small-alternating-values-position-index.bin",
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
        [9, 10],
      ],
    ],
    [
      "small-and-large-values-position-index.bin",
      [
        [100, 102],
        [2 ** 31 + 99, 2 ** 31 + 101],
      ],
    ],
    [
      "all-container-types-position-index.bin",
      [
        [5, 6],
        [7, 8],
        [65537, 66536],
        [131073, 196607],
        [HIGH + 10, HIGH + 11],
        [HIGH + 20, HIGH + 21],
        [HIGH + 65546, HIGH + 66036],
        [HIGH + 131073, HIGH + 196607],
      ],
    ],
  ])("%s", (name, runs) => {
    expect(decodeBlob(file, golden(name))).toEqual(runs);
  });

  it("refuses a blob whose CRC does not match", () => {
    const bytes = golden("small-alternating-values-position-index.bin");
    bytes[bytes.length - 1] ^= 1;
    expect(() => decodeBlob(file, bytes)).toThrow(/CRC does not match/);
  });
});

describe("readDeletionVector", () => {
  it("reads the blob at content_offset of a Puffin file, and refuses a bare blob unless allowed", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "tarn-dv-"));
    try {
      const blob = golden("small-alternating-values-position-index.bin");
      const magic = new TextEncoder().encode("PFA1");
      const puffin = path.join(dir, "dv.puffin");
      await writeFile(puffin, new Uint8Array([...magic, ...blob, ...magic]));
      expect(await readDeletionVector(io, dvFile(puffin, 4, blob.length))).toHaveLength(5);
      const bare = path.join(dir, "bare.puffin");
      await writeFile(bare, blob);
      await expect(readDeletionVector(io, dvFile(bare, 0, blob.length))).rejects.toThrow(
        /bare blobs/,
      );
      expect(
        await readDeletionVector(io, dvFile(bare, 0, blob.length), { allowBareBlobs: true }),
      ).toHaveLength(5);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
