/**
 * The table properties writers honour, with Java's names and defaults.
 */
import { joinLocation } from "../io";
import type { TableMetadata } from "../spec/types";
import { WriteError } from "./errors";

const MiB = 1024 * 1024;

export const PROPERTIES = {
  targetFileSize: "write.target-file-size-bytes",
  compression: "write.parquet.compression-codec",
  dataPath: "write.data.path",
  deleteMode: "write.delete.mode",
  updateMode: "write.update.mode",
  deleteIsolation: "write.delete.isolation-level",
  updateIsolation: "write.update.isolation-level",
} as const;

export type RowLevelMode = "copy-on-write" | "merge-on-read";
export type IsolationLevel = "serializable" | "snapshot";

/** Where data files go: `write.data.path`, else `<table location>/data`. */
export function dataFolder(metadata: TableMetadata): string {
  return metadata.properties[PROPERTIES.dataPath] ?? joinLocation(metadata.location, "data");
}

/** Data files roll over near this size (DuckDB checks it between row groups). */
export function targetFileSize(metadata: TableMetadata): number {
  return positiveInt(metadata, PROPERTIES.targetFileSize) ?? 512 * MiB;
}

const CODECS: Record<string, string> = {
  zstd: "zstd",
  snappy: "snappy",
  gzip: "gzip",
  lz4: "lz4_raw",
  brotli: "brotli",
  uncompressed: "uncompressed",
  none: "uncompressed",
};

/** Java's default codec is zstd (since 1.4). */
export function compressionCodec(metadata: TableMetadata): string {
  const name = (metadata.properties[PROPERTIES.compression] ?? "zstd").toLowerCase();
  const codec = CODECS[name];
  if (!codec) throw new WriteError("unsupported", `Parquet compression "${name}" is not supported`);
  return codec;
}

/**
 * `write.delete.mode` / `write.update.mode`. v2 defaults to merge-on-read (position
 * deletes); v1 tables cannot hold delete files, so they only do copy-on-write.
 */
export function rowLevelMode(metadata: TableMetadata, op: "delete" | "update"): RowLevelMode {
  const key = op === "delete" ? PROPERTIES.deleteMode : PROPERTIES.updateMode;
  const value = metadata.properties[key];
  const mode = value ?? (metadata.formatVersion === 2 ? "merge-on-read" : "copy-on-write");
  if (mode !== "copy-on-write" && mode !== "merge-on-read") {
    throw new WriteError(
      "invalid-input",
      `${key} must be copy-on-write or merge-on-read, not "${mode}"`,
    );
  }
  if (mode === "merge-on-read" && metadata.formatVersion !== 2) {
    throw new WriteError(
      "unsupported",
      `${key}=merge-on-read needs position delete files, which format v${metadata.formatVersion} tables cannot hold here`,
    );
  }
  return mode;
}

/** Serializable (Java's default) also fails when concurrent appends added matching rows. */
export function isolationLevel(metadata: TableMetadata, op: "delete" | "update"): IsolationLevel {
  const key = op === "delete" ? PROPERTIES.deleteIsolation : PROPERTIES.updateIsolation;
  const value = metadata.properties[key] ?? "serializable";
  if (value !== "serializable" && value !== "snapshot") {
    throw new WriteError(
      "invalid-input",
      `${key} must be serializable or snapshot, not "${value}"`,
    );
  }
  return value;
}

function positiveInt(metadata: TableMetadata, key: string): number | undefined {
  const text = metadata.properties[key];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new WriteError("invalid-input", `${key} must be a positive integer, not "${text}"`);
  }
  return n;
}
