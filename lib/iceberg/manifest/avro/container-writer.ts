/**
 * Writes an Avro object container file in memory: header (schema, codec, the caller's
 * key/value metadata, a random sync marker), then the records in compressed blocks.
 */
import { randomBytes } from "node:crypto";
import type * as avro from "avsc";
import { ManifestError } from "../errors";
import { type AvroCodec, compressBlock } from "./codecs";
import { compileAvroType } from "./compile";
import { AVRO_MAGIC, headerType } from "./container-header";
import type { AvroSchema } from "./schema-json";
import { writeVarLong } from "./varint";

export interface AvroContainerInput {
  schema: AvroSchema;
  /** Extra header metadata (Iceberg's keys); `avro.schema` and `avro.codec` are ours. */
  metadata: Record<string, string>;
  codec: AvroCodec;
  records: unknown[];
}

/** Records per block; manifests are small, this only bounds memory for big ones. */
const RECORDS_PER_BLOCK = 4096;

export function writeAvroContainer(input: AvroContainerInput): Uint8Array {
  const type = compileAvroType(input.schema);
  const sync = randomBytes(16);
  const parts: Uint8Array[] = [encodeHeader(input, sync)];
  for (let start = 0; start < input.records.length; start += RECORDS_PER_BLOCK) {
    const batch = input.records.slice(start, start + RECORDS_PER_BLOCK);
    const data = Buffer.concat(batch.map((record, i) => encodeRecord(type, record, start + i)));
    const compressed = compressBlock(input.codec, data);
    parts.push(writeVarLong(batch.length), writeVarLong(compressed.length), compressed, sync);
  }
  return concat(parts);
}

function encodeHeader(input: AvroContainerInput, sync: Buffer): Uint8Array {
  const meta: Record<string, Buffer> = {};
  for (const [key, value] of Object.entries(input.metadata)) meta[key] = Buffer.from(value, "utf8");
  meta["avro.schema"] = Buffer.from(JSON.stringify(input.schema), "utf8");
  meta["avro.codec"] = Buffer.from(input.codec, "utf8");
  return headerType.toBuffer({ magic: Buffer.from(AVRO_MAGIC), meta, sync });
}

function encodeRecord(type: avro.Type, record: unknown, index: number): Buffer {
  try {
    return type.toBuffer(record);
  } catch {
    throw new ManifestError(
      "invalid-input",
      `record ${index} does not fit the Avro schema${invalidPaths(type, record)}`,
      {
        index,
      },
    );
  }
}

/** avsc's own message names no field; ask it again with a hook to find which. */
function invalidPaths(type: avro.Type, record: unknown): string {
  const paths: string[] = [];
  type.isValid(record, { errorHook: (path: string[]) => paths.push(path.join(".")) });
  return paths.length ? ` (at ${paths.join(", ")})` : "";
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
