/**
 * Snapshots, refs, logs, statistics and encryption keys between JSON and the model.
 * Snapshot ids are always bigint, however small.
 */
import { IcebergValidationError } from "./errors";
import type { JsonObject, JsonValue } from "./json";
import { asInt, ObjectReader } from "./json-reader";
import type {
  BlobMetadata,
  EncryptionKey,
  FormatVersion,
  MetadataLogEntry,
  PartitionStatisticsFile,
  Snapshot,
  SnapshotLogEntry,
  SnapshotRef,
  SnapshotSummary,
  StatisticsFile,
} from "./types";

const OPERATIONS = ["append", "replace", "overwrite", "delete"] as const;

export function readSnapshot(
  value: JsonValue,
  path: string,
  formatVersion: FormatVersion,
): Snapshot {
  const reader = ObjectReader.of(value, path);
  const v1 = formatVersion === 1;
  const inV2 = " (required from format v2)";
  const snapshot: Snapshot = {
    snapshotId: reader.long("snapshot-id"),
    // v1 has no sequence numbers: every v1 snapshot reads as sequence number 0.
    sequenceNumber: v1 ? 0 : reader.int("sequence-number", inV2),
    timestampMs: reader.int("timestamp-ms"),
    summary: readSummary(reader, v1),
  };
  const parent = reader.optionalLong("parent-snapshot-id");
  if (parent !== undefined) snapshot.parentSnapshotId = parent;
  readManifests(reader, v1, snapshot);
  assignIfDefined(snapshot, "schemaId", reader.optionalInt("schema-id"));
  assignIfDefined(snapshot, "firstRowId", reader.optionalInt("first-row-id"));
  assignIfDefined(snapshot, "addedRows", reader.optionalInt("added-rows"));
  assignIfDefined(snapshot, "keyId", reader.optionalString("key-id"));
  return snapshot;
}

/** v2 needs a manifest list; v1 may instead list its manifests inline. */
function readManifests(reader: ObjectReader, v1: boolean, snapshot: Snapshot): void {
  if (!v1 || reader.has("manifest-list")) {
    snapshot.manifestList = reader.string("manifest-list", v1 ? "" : " (required from format v2)");
    return;
  }
  const manifests = reader.optionalList("manifests", (item, path) => {
    if (typeof item !== "string") throw new IcebergValidationError(path, "expected a string");
    return item;
  });
  if (manifests === undefined) {
    throw new IcebergValidationError(reader.path, "a v1 snapshot needs manifest-list or manifests");
  }
  snapshot.manifests = manifests;
}

/**
 * The summary and its operation. v1 made the summary optional; like PyIceberg we read a
 * missing one as an append, which is what such early writers only ever did.
 */
function readSummary(reader: ObjectReader, v1: boolean): SnapshotSummary {
  const entries = v1
    ? (reader.optionalStringMap("summary") ?? {})
    : reader.stringMap("summary", " (required from format v2)");
  const operation = entries.operation ?? (v1 ? "append" : undefined);
  if (!OPERATIONS.includes(operation as (typeof OPERATIONS)[number])) {
    const problem =
      operation === undefined
        ? "missing required field"
        : `unknown operation "${operation}" (expected ${OPERATIONS.join(", ")})`;
    throw new IcebergValidationError(`${reader.pathOf("summary")}.operation`, problem);
  }
  return { ...entries, operation } as SnapshotSummary;
}

export function readRef(value: JsonValue, path: string): SnapshotRef {
  const reader = ObjectReader.of(value, path);
  const type = reader.string("type");
  if (type !== "branch" && type !== "tag") {
    throw new IcebergValidationError(
      reader.pathOf("type"),
      `expected "branch" or "tag", found "${type}"`,
    );
  }
  const ref: SnapshotRef = { snapshotId: reader.long("snapshot-id"), type };
  assignIfDefined(ref, "minSnapshotsToKeep", reader.optionalInt("min-snapshots-to-keep"));
  assignIfDefined(ref, "maxSnapshotAgeMs", reader.optionalInt("max-snapshot-age-ms"));
  assignIfDefined(ref, "maxRefAgeMs", reader.optionalInt("max-ref-age-ms"));
  if (
    type === "tag" &&
    (ref.minSnapshotsToKeep !== undefined || ref.maxSnapshotAgeMs !== undefined)
  ) {
    throw new IcebergValidationError(
      path,
      "a tag cannot set min-snapshots-to-keep or max-snapshot-age-ms",
    );
  }
  return ref;
}

export function readSnapshotLogEntry(value: JsonValue, path: string): SnapshotLogEntry {
  const reader = ObjectReader.of(value, path);
  return { snapshotId: reader.long("snapshot-id"), timestampMs: reader.int("timestamp-ms") };
}

export function readMetadataLogEntry(value: JsonValue, path: string): MetadataLogEntry {
  const reader = ObjectReader.of(value, path);
  return { metadataFile: reader.string("metadata-file"), timestampMs: reader.int("timestamp-ms") };
}

export function readStatisticsFile(value: JsonValue, path: string): StatisticsFile {
  const reader = ObjectReader.of(value, path);
  const file: StatisticsFile = {
    snapshotId: reader.long("snapshot-id"),
    statisticsPath: reader.string("statistics-path"),
    fileSizeInBytes: reader.int("file-size-in-bytes"),
    fileFooterSizeInBytes: reader.int("file-footer-size-in-bytes"),
    blobMetadata: reader.list("blob-metadata", readBlobMetadata),
  };
  assignIfDefined(file, "keyMetadata", reader.optionalString("key-metadata"));
  return file;
}

function readBlobMetadata(value: JsonValue, path: string): BlobMetadata {
  const reader = ObjectReader.of(value, path);
  const blob: BlobMetadata = {
    type: reader.string("type"),
    snapshotId: reader.long("snapshot-id"),
    sequenceNumber: reader.int("sequence-number"),
    fields: reader.list("fields", asInt),
  };
  assignIfDefined(blob, "properties", reader.optionalStringMap("properties"));
  return blob;
}

export function readPartitionStatisticsFile(
  value: JsonValue,
  path: string,
): PartitionStatisticsFile {
  const reader = ObjectReader.of(value, path);
  return {
    snapshotId: reader.long("snapshot-id"),
    statisticsPath: reader.string("statistics-path"),
    fileSizeInBytes: reader.int("file-size-in-bytes"),
  };
}

export function readEncryptionKey(value: JsonValue, path: string): EncryptionKey {
  const reader = ObjectReader.of(value, path);
  const key: EncryptionKey = {
    keyId: reader.string("key-id"),
    encryptedKeyMetadata: reader.string("encrypted-key-metadata"),
  };
  assignIfDefined(key, "encryptedById", reader.optionalString("encrypted-by-id"));
  assignIfDefined(key, "properties", reader.optionalStringMap("properties"));
  return key;
}

/** Sets an optional property only when there is a value, so models compare cleanly. */
export function assignIfDefined<T extends object, K extends keyof T>(
  target: T,
  key: K,
  value: T[K] | undefined,
) {
  if (value !== undefined) target[key] = value;
}

export function writeSnapshot(snapshot: Snapshot, formatVersion: FormatVersion): JsonObject {
  const out: JsonObject = { "snapshot-id": snapshot.snapshotId };
  if (snapshot.parentSnapshotId !== undefined)
    out["parent-snapshot-id"] = snapshot.parentSnapshotId;
  if (formatVersion > 1) out["sequence-number"] = snapshot.sequenceNumber;
  out["timestamp-ms"] = snapshot.timestampMs;
  if (snapshot.manifestList !== undefined) out["manifest-list"] = snapshot.manifestList;
  if (snapshot.manifests !== undefined) out.manifests = [...snapshot.manifests];
  out.summary = { ...snapshot.summary };
  if (snapshot.schemaId !== undefined) out["schema-id"] = snapshot.schemaId;
  if (snapshot.firstRowId !== undefined) out["first-row-id"] = snapshot.firstRowId;
  if (snapshot.addedRows !== undefined) out["added-rows"] = snapshot.addedRows;
  if (snapshot.keyId !== undefined) out["key-id"] = snapshot.keyId;
  return out;
}

export function writeRef(ref: SnapshotRef): JsonObject {
  const out: JsonObject = { "snapshot-id": ref.snapshotId, type: ref.type };
  if (ref.minSnapshotsToKeep !== undefined) out["min-snapshots-to-keep"] = ref.minSnapshotsToKeep;
  if (ref.maxSnapshotAgeMs !== undefined) out["max-snapshot-age-ms"] = ref.maxSnapshotAgeMs;
  if (ref.maxRefAgeMs !== undefined) out["max-ref-age-ms"] = ref.maxRefAgeMs;
  return out;
}

export function writeSnapshotLogEntry(entry: SnapshotLogEntry): JsonObject {
  return { "timestamp-ms": entry.timestampMs, "snapshot-id": entry.snapshotId };
}

export function writeMetadataLogEntry(entry: MetadataLogEntry): JsonObject {
  return { "timestamp-ms": entry.timestampMs, "metadata-file": entry.metadataFile };
}

export function writeStatisticsFile(file: StatisticsFile): JsonObject {
  const out: JsonObject = {
    "snapshot-id": file.snapshotId,
    "statistics-path": file.statisticsPath,
    "file-size-in-bytes": file.fileSizeInBytes,
    "file-footer-size-in-bytes": file.fileFooterSizeInBytes,
  };
  if (file.keyMetadata !== undefined) out["key-metadata"] = file.keyMetadata;
  out["blob-metadata"] = file.blobMetadata.map((blob) => {
    const json: JsonObject = {
      type: blob.type,
      "snapshot-id": blob.snapshotId,
      "sequence-number": blob.sequenceNumber,
      fields: [...blob.fields],
    };
    if (blob.properties !== undefined) json.properties = { ...blob.properties };
    return json;
  });
  return out;
}

export function writePartitionStatisticsFile(file: PartitionStatisticsFile): JsonObject {
  return {
    "snapshot-id": file.snapshotId,
    "statistics-path": file.statisticsPath,
    "file-size-in-bytes": file.fileSizeInBytes,
  };
}

export function writeEncryptionKey(key: EncryptionKey): JsonObject {
  const out: JsonObject = {
    "key-id": key.keyId,
    "encrypted-key-metadata": key.encryptedKeyMetadata,
  };
  if (key.encryptedById !== undefined) out["encrypted-by-id"] = key.encryptedById;
  if (key.properties !== undefined) out.properties = { ...key.properties };
  return out;
}
