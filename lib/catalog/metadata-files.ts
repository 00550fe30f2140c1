/**
 * Reading and writing table and view metadata files. Metadata files are immutable once
 * written, so parsed metadata is cached by location.
 */
import { randomUUID } from "node:crypto";
import type { FileIO } from "@/lib/iceberg/io";
import {
  decodeMetadataBytes,
  parseViewMetadata,
  readMetadataFile,
  serializeTableMetadata,
  serializeViewMetadata,
  type TableMetadata,
  type ViewMetadata,
} from "@/lib/iceberg/spec";

const CACHE_LIMIT = 256;
const tables = new Map<string, TableMetadata>();
const views = new Map<string, ViewMetadata>();

function remember<T>(cache: Map<string, T>, location: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(location, value);
}

export async function readTableMetadata(io: FileIO, location: string): Promise<TableMetadata> {
  const hit = tables.get(location);
  if (hit) return hit;
  const metadata = readMetadataFile(await io.read(location));
  remember(tables, location, metadata);
  return metadata;
}

export async function readViewMetadata(io: FileIO, location: string): Promise<ViewMetadata> {
  const hit = views.get(location);
  if (hit) return hit;
  const metadata = parseViewMetadata(decodeMetadataBytes(await io.read(location)));
  remember(views, location, metadata);
  return metadata;
}

/** `<table>/metadata/00003-<uuid>.metadata.json`: the next version after `previous`. */
export function nextMetadataLocation(tableLocation: string, previous: string | null): string {
  const version = previous ? metadataVersion(previous) + 1 : 0;
  return `${tableLocation.replace(/\/+$/, "")}/metadata/${String(version).padStart(5, "0")}-${randomUUID()}.metadata.json`;
}

export function metadataVersion(location: string): number {
  const name = location.slice(location.lastIndexOf("/") + 1);
  const match = name.match(/^(\d+)-/) ?? name.match(/^v(\d+)\./);
  return match ? Number(match[1]) : 0;
}

export async function writeTableMetadata(io: FileIO, location: string, metadata: TableMetadata): Promise<void> {
  await io.writeNew(location, new TextEncoder().encode(serializeTableMetadata(metadata)));
  remember(tables, location, metadata);
}

export async function writeViewMetadata(io: FileIO, location: string, metadata: ViewMetadata): Promise<void> {
  await io.writeNew(location, new TextEncoder().encode(serializeViewMetadata(metadata)));
  remember(views, location, metadata);
}
