/**
 * Reading a v3 deletion vector: the `deletion-vector-v1` blob at `content_offset`
 * (`content_size_in_bytes` long) of a Puffin file. The blob is a big-endian length, the
 * magic D1 D3 39 64, a 64-bit Roaring bitmap of deleted positions, and a big-endian
 * CRC-32 of magic and bitmap.
 *
 * The Puffin container is checked too (its `PFA1` magic at both ends). Old DuckDB
 * versions wrote the bare blob without a container; reading those needs
 * `allowBareBlobs`, so a damaged file is not mistaken for one.
 */
import { crc32 } from "node:zlib";
import type { FileIO } from "../io";
import { ScanError } from "./errors";
import { decodeRoaring64, type Runs } from "./roaring";
import type { PlannedFile } from "./types";

const PUFFIN_MAGIC = [0x50, 0x46, 0x41, 0x31]; // "PFA1"
const DV_MAGIC = [0xd1, 0xd3, 0x39, 0x64];

export interface DeletionVectorOptions {
  allowBareBlobs?: boolean;
}

export async function readDeletionVector(
  io: FileIO,
  file: PlannedFile,
  options: DeletionVectorOptions = {},
): Promise<Runs> {
  const { contentOffset: offset, contentSizeInBytes: size } = file;
  if (offset === undefined || size === undefined) {
    throw invalid(file, "has no content_offset/content_size_in_bytes");
  }
  const length = await io.size(file.location);
  if (offset + size > length) throw invalid(file, "is shorter than its blob's end");
  if (!options.allowBareBlobs) {
    const head = await readRange(io, file.location, 0, 4);
    const tail = await readRange(io, file.location, Math.max(0, length - 4), 4);
    checkPuffinContainer(file, head, tail);
  }
  return decodeBlob(file, await readRange(io, file.location, offset, size));
}

async function readRange(io: FileIO, location: string, offset: number, length: number) {
  if (io.readRange) return io.readRange(location, offset, length);
  return (await io.read(location)).subarray(offset, offset + length);
}

export function decodeBlob(file: PlannedFile, blob: Uint8Array): Runs {
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  if (blob.length < 12) throw invalid(file, "holds a blob too short to be a deletion vector");
  const length = view.getUint32(0, false);
  if (length !== blob.length - 8) throw invalid(file, "holds a blob whose length field is wrong");
  if (!startsWith(blob.subarray(4), DV_MAGIC))
    throw invalid(file, "holds no deletion-vector magic");
  const body = blob.subarray(4, 4 + length);
  if (crc32(body) !== view.getUint32(4 + length, false)) {
    throw invalid(file, "holds a deletion vector whose CRC does not match");
  }
  try {
    return decodeRoaring64(body.subarray(4));
  } catch (error) {
    throw invalid(file, `holds a bitmap Tarn cannot decode (${(error as Error).message})`);
  }
}

function checkPuffinContainer(file: PlannedFile, head: Uint8Array, tail: Uint8Array): void {
  if (startsWith(head, PUFFIN_MAGIC) && startsWith(tail, PUFFIN_MAGIC)) return;
  throw new ScanError(
    "invalid-file",
    `Deletion vector file ${file.filePath} is not a Puffin file (no PFA1 magic). Older DuckDB versions wrote deletion vectors as bare blobs; read such tables with allowBareDeletionVectors.`,
    { file: file.filePath },
  );
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function invalid(file: PlannedFile, problem: string): ScanError {
  return new ScanError("invalid-file", `Deletion vector in ${file.filePath} ${problem}.`, {
    file: file.filePath,
  });
}
