/**
 * `ManifestEntry` → the record avsc writes under our manifest-entry schema (field names
 * as in `manifest-schemas.ts`). Longs go to avsc as bigint; bytes as Buffer.
 */
import type { FormatVersion } from "../spec/types";
import { ManifestError } from "./errors";
import { avroName } from "./iceberg-to-avro";
import { toAvroValue } from "./partition-values";
import type {
  DataFile,
  DataFileContent,
  EntryStatus,
  ManifestEntry,
  PartitionFieldType,
  PartitionValue,
} from "./types";

const STATUS_CODES: Record<EntryStatus, number> = { existing: 0, added: 1, deleted: 2 };
const CONTENT_CODES: Record<DataFileContent, number> = {
  data: 0,
  "position-deletes": 1,
  "equality-deletes": 2,
};
/** "Always write a default in v1": Java's, 64 MiB. */
const V1_BLOCK_SIZE = 67_108_864n;

export interface EntryEncoding {
  formatVersion: FormatVersion;
  /** For entries without a snapshot id: the snapshot this manifest is written for. */
  snapshotId: bigint;
  partitionType: PartitionFieldType[];
}

export function encodeEntry(entry: ManifestEntry, how: EntryEncoding): Record<string, unknown> {
  const snapshotId = entry.snapshotId ?? how.snapshotId;
  const tracking =
    how.formatVersion === 1
      ? { snapshot_id: snapshotId }
      : {
          snapshot_id: snapshotId,
          sequence_number: optionalLong(entry.sequenceNumber),
          file_sequence_number: optionalLong(entry.fileSequenceNumber),
        };
  return {
    status: STATUS_CODES[entry.status],
    ...tracking,
    data_file: encodeDataFile(entry.dataFile, how),
  };
}

function encodeDataFile(file: DataFile, how: EntryEncoding): Record<string, unknown> {
  const v = how.formatVersion;
  return {
    ...(v >= 2 ? { content: CONTENT_CODES[file.content] } : {}),
    file_path: file.filePath,
    file_format: file.fileFormat.toUpperCase(),
    partition: encodePartition(file, how.partitionType),
    record_count: BigInt(file.recordCount),
    file_size_in_bytes: BigInt(file.fileSizeInBytes),
    ...(v === 1 ? { block_size_in_bytes: V1_BLOCK_SIZE } : {}),
    column_sizes: intMap(file.columnSizes, BigInt),
    value_counts: intMap(file.valueCounts, BigInt),
    null_value_counts: intMap(file.nullValueCounts, BigInt),
    nan_value_counts: intMap(file.nanValueCounts, BigInt),
    lower_bounds: intMap(file.lowerBounds, (bytes) => Buffer.from(bytes)),
    upper_bounds: intMap(file.upperBounds, (bytes) => Buffer.from(bytes)),
    key_metadata: optionalBytes(file.keyMetadata),
    split_offsets: file.splitOffsets?.map(BigInt) ?? null,
    ...(v >= 2 ? { equality_ids: file.equalityIds ?? null } : {}),
    sort_order_id: file.sortOrderId ?? null,
    ...(v >= 3 ? { first_row_id: optionalLong(file.firstRowId) } : {}),
    ...(v >= 2 ? { referenced_data_file: file.referencedDataFile ?? null } : {}),
    ...(v >= 3
      ? {
          content_offset: optionalLong(file.contentOffset),
          content_size_in_bytes: optionalLong(file.contentSizeInBytes),
        }
      : {}),
  };
}

function encodePartition(file: DataFile, fields: PartitionFieldType[]) {
  const record: Record<string, unknown> = {};
  for (const field of fields) {
    const value = file.partition.get(field.fieldId) ?? null;
    record[avroName(field.name)] = value === null ? null : partitionValue(file, field, value);
  }
  return record;
}

function partitionValue(file: DataFile, field: PartitionFieldType, value: PartitionValue): unknown {
  try {
    return toAvroValue(field.type, value);
  } catch (cause) {
    throw new ManifestError(
      "invalid-input",
      `entry for ${file.filePath}: partition field ${field.name} (${field.fieldId}): ${(cause as Error).message}`,
      { fieldId: field.fieldId },
    );
  }
}

/** Iceberg int-keyed maps are Avro arrays of key/value records. */
function intMap<V, A>(map: Map<number, V> | undefined, convert: (value: V) => A) {
  if (map === undefined) return null;
  return [...map].map(([key, value]) => ({ key, value: convert(value) }));
}

function optionalLong(value: number | undefined): bigint | null {
  return value === undefined ? null : BigInt(value);
}

function optionalBytes(value: Uint8Array | undefined): Buffer | null {
  return value === undefined ? null : Buffer.from(value);
}
