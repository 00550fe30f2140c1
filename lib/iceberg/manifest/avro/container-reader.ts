/**
 * Reads a whole Avro object container file held in memory: header, then blocks of
 * records, each block compressed by the file's codec and closed by the sync marker.
 * Records are decoded with the writer's schema, as written; matching them to what the
 * caller expects (by Iceberg field id) is the caller's job.
 */
import type * as avro from "avsc";
import { ManifestError } from "../errors";
import { decompressBlock } from "./codecs";
import { compileAvroType } from "./compile";
import {
  AVRO_MAGIC,
  decodeHeader,
  ENCRYPTED_MAGIC,
  SYNC_SIZE,
  startsWith,
} from "./container-header";
import type { AvroSchema } from "./schema-json";
import { readVarLong } from "./varint";

export interface AvroContainer {
  /** The writer schema, as JSON. */
  schema: AvroSchema;
  /** Every key/value pair of the header, decoded as UTF-8 (`avro.schema` included). */
  metadata: Record<string, string>;
  codec: string;
  records: Record<string, unknown>[];
}

export function readAvroContainer(bytes: Uint8Array): AvroContainer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkMagic(buf);
  const { header, offset } = asCorrupt("the Avro header cannot be decoded", () =>
    decodeHeader(buf),
  );
  const metadata = decodeMetadata(header.meta);
  const schema = parseSchema(metadata["avro.schema"]);
  const codec = metadata["avro.codec"] ?? "null";
  const type = asCorrupt("the writer schema is not valid Avro", () =>
    compileAvroType(schema, true),
  );
  const records = readBlocks(buf, offset, header.sync, codec, type);
  return { schema, metadata, codec, records };
}

/** Errors from avsc or zlib on bad bytes become "corrupt"; ours pass through. */
function asCorrupt<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ManifestError) throw error;
    throw new ManifestError("corrupt", `${what}: ${(error as Error).message}`);
  }
}

function checkMagic(buf: Buffer): void {
  if (startsWith(buf, AVRO_MAGIC)) return;
  if (startsWith(buf, ENCRYPTED_MAGIC)) {
    throw new ManifestError(
      "encrypted",
      "file is encrypted (Iceberg AES-GCM stream, magic AGS1); reading encrypted manifests is not supported",
    );
  }
  throw new ManifestError("not-avro", "not an Avro object container file (bad magic bytes)");
}

function decodeMetadata(meta: Record<string, Buffer>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta)) out[key] = value.toString("utf8");
  return out;
}

function parseSchema(text: string | undefined): AvroSchema {
  if (text === undefined) throw new ManifestError("corrupt", "Avro header has no avro.schema");
  try {
    return JSON.parse(text) as AvroSchema;
  } catch {
    throw new ManifestError("corrupt", "avro.schema in the header is not valid JSON");
  }
}

function readBlocks(
  buf: Buffer,
  start: number,
  sync: Buffer,
  codec: string,
  type: avro.Type,
): Record<string, unknown>[] {
  const records: Record<string, unknown>[] = [];
  let offset = start;
  while (offset < buf.length) {
    const count = asCorrupt("an Avro block header is truncated", () => readVarLong(buf, offset));
    const size = asCorrupt("an Avro block header is truncated", () =>
      readVarLong(buf, count.offset),
    );
    const end = size.offset + size.value;
    if (count.value < 0 || size.value < 0 || end + SYNC_SIZE > buf.length) {
      throw new ManifestError("corrupt", "Avro block is truncated", { offset });
    }
    if (!buf.subarray(end, end + SYNC_SIZE).equals(sync)) {
      throw new ManifestError("corrupt", "Avro block does not end with the file's sync marker", {
        offset,
      });
    }
    const block = buf.subarray(size.offset, end);
    const data = asCorrupt("an Avro block cannot be decompressed", () =>
      decompressBlock(codec, block),
    );
    asCorrupt("an Avro record cannot be decoded", () =>
      decodeRecords(toBuffer(data), count.value, type, records),
    );
    offset = end + SYNC_SIZE;
  }
  return records;
}

function decodeRecords(
  data: Buffer,
  count: number,
  type: avro.Type,
  into: Record<string, unknown>[],
): void {
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const { value, offset } = type.decode(data, pos);
    if (offset < 0)
      throw new ManifestError("corrupt", "Avro record runs past the end of its block");
    into.push(value as Record<string, unknown>);
    pos = offset;
  }
}

function toBuffer(data: Uint8Array): Buffer {
  return Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
