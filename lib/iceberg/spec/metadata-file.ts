/**
 * Bytes of a metadata file → text → model. Writers gzip metadata under several names
 * (`v2.gz.metadata.json`, `00001-….metadata.json.gz`), so compression is detected by
 * its magic bytes, not by the file name.
 */
import { gunzipSync } from "node:zlib";
import { parseTableMetadata } from "./table-metadata";
import type { TableMetadata } from "./types";

const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

/**
 * Decompresses if needed and decodes UTF-8. Invalid UTF-8 is an error rather than U+FFFD;
 * a leading byte-order mark is dropped by the decoder.
 */
export function decodeMetadataBytes(bytes: Uint8Array): string {
  const plain = isGzip(bytes) ? gunzipSync(bytes) : bytes;
  return new TextDecoder("utf-8", { fatal: true }).decode(plain);
}

export function readMetadataFile(bytes: Uint8Array): TableMetadata {
  return parseTableMetadata(decodeMetadataBytes(bytes));
}
