/**
 * Reading a Parquet file's schema from its footer: the last 8 bytes are the footer length
 * and `PAR1`; the footer before them is Thrift. Data files never change once written, so
 * schemas are cached by location and size.
 */
import type { FileIO } from "../../io";
import { ScanError } from "../errors";
import { type ParquetField, parseParquetSchema } from "./schema";

const MAGIC = "PAR1";
const CACHE_LIMIT = 4096;
const cache = new Map<string, ParquetField[]>();

export async function readParquetSchema(io: FileIO, location: string): Promise<ParquetField[]> {
  const size = await io.size(location);
  const key = `${size}:${location}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const schema = parseFooter(location, await readFooter(io, location, size));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, schema);
  return schema;
}

async function readFooter(io: FileIO, location: string, size: number): Promise<Uint8Array> {
  if (size < 12) throw invalid(location, "is too small to be a Parquet file");
  const tail = await readRange(io, location, size - 8, 8);
  if (new TextDecoder().decode(tail.subarray(4)) !== MAGIC) {
    throw invalid(location, "does not end with the Parquet magic bytes");
  }
  const length = new DataView(tail.buffer, tail.byteOffset, 8).getUint32(0, true);
  if (length > size - 12) throw invalid(location, "records a footer longer than the file");
  return readRange(io, location, size - 8 - length, length);
}

function parseFooter(location: string, footer: Uint8Array): ParquetField[] {
  try {
    return parseParquetSchema(footer);
  } catch (error) {
    throw invalid(location, `has a footer Tarn cannot read (${(error as Error).message})`);
  }
}

async function readRange(io: FileIO, location: string, offset: number, length: number) {
  if (io.readRange) return io.readRange(location, offset, length);
  return (await io.read(location)).subarray(offset, offset + length);
}

function invalid(location: string, problem: string): ScanError {
  return new ScanError("invalid-file", `Parquet file ${location} ${problem}.`, { location });
}
