/** The header of an Avro object container file: magic, key/value metadata, sync marker. */
import avro from "avsc";
import { ManifestError } from "../errors";
import { readVarLong } from "./varint";

export const AVRO_MAGIC = Uint8Array.from([0x4f, 0x62, 0x6a, 0x01]); // "Obj" 1
/** Iceberg's AES-GCM stream format ("AGS1"), used for encrypted manifest lists. */
export const ENCRYPTED_MAGIC = Uint8Array.from([0x41, 0x47, 0x53, 0x31]);
export const SYNC_SIZE = 16;

export const headerType = avro.Type.forSchema({
  type: "record",
  name: "org.apache.avro.file.Header",
  fields: [
    { name: "magic", type: { type: "fixed", name: "Magic", size: 4 } },
    { name: "meta", type: { type: "map", values: "bytes" } },
    { name: "sync", type: { type: "fixed", name: "Sync", size: SYNC_SIZE } },
  ],
});

export interface ContainerHeader {
  magic: Buffer;
  meta: Record<string, Buffer>;
  sync: Buffer;
}

export function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

/**
 * Decodes the header by hand rather than with avsc: every length is checked against the
 * bytes left, so a damaged header fails at once instead of looping over a huge bogus
 * entry count.
 */
export function decodeHeader(bytes: Uint8Array): { header: ContainerHeader; offset: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const cursor = { offset: AVRO_MAGIC.length };
  const meta: Record<string, Buffer> = {};
  for (let count = readCount(buf, cursor); count !== 0; count = readCount(buf, cursor)) {
    for (let i = 0; i < count; i++) {
      const key = readBytes(buf, cursor).toString("utf8");
      meta[key] = readBytes(buf, cursor);
    }
  }
  const sync = take(buf, cursor, SYNC_SIZE);
  return {
    header: { magic: buf.subarray(0, AVRO_MAGIC.length), meta, sync },
    offset: cursor.offset,
  };
}

/** A map block's entry count; a negative count is followed by the block's byte size. */
function readCount(buf: Buffer, cursor: { offset: number }): number {
  const count = readVarLong(buf, cursor.offset);
  cursor.offset = count.offset;
  if (count.value >= 0) return count.value;
  cursor.offset = readVarLong(buf, cursor.offset).offset;
  return -count.value;
}

function readBytes(buf: Buffer, cursor: { offset: number }): Buffer {
  const length = readVarLong(buf, cursor.offset);
  cursor.offset = length.offset;
  return take(buf, cursor, length.value);
}

function take(buf: Buffer, cursor: { offset: number }, length: number): Buffer {
  if (length < 0 || cursor.offset + length > buf.length) {
    throw new ManifestError("corrupt", "Avro header is truncated or damaged");
  }
  const out = buf.subarray(cursor.offset, cursor.offset + length);
  cursor.offset += length;
  return out;
}
