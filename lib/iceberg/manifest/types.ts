/**
 * Manifest lists and manifests as Tarn holds them in memory.
 *
 * Names follow the spec's fields in camelCase. Optional fields are absent (undefined)
 * when the file holds null. Snapshot ids are `bigint` (they exceed 2^53); every other
 * long (counts, sizes, sequence numbers, offsets, row ids) is a `number`, as in
 * `spec/types.ts`: they stay far below 2^53, and reading one that does not is an error
 * rather than a silent loss of precision.
 */
import type { FormatVersion, PartitionField, PrimitiveType, Schema } from "../spec/types";
import type { PrimitiveValue } from "../values";

export type ManifestContent = "data" | "deletes";

export type DataFileContent = "data" | "position-deletes" | "equality-deletes";

export type EntryStatus = "existing" | "added" | "deleted";

/** Read case-insensitively; written upper-case, as Java and PyIceberg do. */
export type FileFormat = "parquet" | "avro" | "orc" | "puffin";

/**
 * A partition value in memory: `lib/iceberg/values`' representation (ints and dates
 * number, longs/times/timestamps bigint, decimals unscaled bigint, uuid lower-case
 * string, fixed/binary Uint8Array). `partition-values.ts` maps it to and from Avro.
 */
export type PartitionValue = PrimitiveValue;

/**
 * A file's partition tuple, keyed by partition field id (≥ 1000) in the order of the
 * spec's fields, so both "by id" and "by position" are available. Null values are kept
 * as `null` so that every field of the spec is present.
 */
export type PartitionData = Map<number, PartitionValue | null>;

/** One field of a partition spec's result struct (the caller computes `type`). */
export interface PartitionFieldType {
  fieldId: number;
  name: string;
  /** The transform's result type in JSON form: "int", "date", "decimal(9,2)", … */
  type: PrimitiveType;
}

export interface FieldSummary {
  containsNull: boolean;
  containsNan?: boolean;
  /** Single-value binary form of the least non-null, non-NaN value. */
  lowerBound?: Uint8Array;
  upperBound?: Uint8Array;
}

/** One row of a manifest list. */
export interface ManifestFile {
  path: string;
  /** As recorded; several public fixtures record a wrong value, so do not rely on it. */
  length: number;
  partitionSpecId: number;
  /** "data" for every v1 manifest. */
  content: ManifestContent;
  /** 0 for manifests of v1 lists. */
  sequenceNumber: number;
  minSequenceNumber: number;
  addedSnapshotId: bigint;
  /** Required from v2; v1 lists may leave the counts out. */
  addedFilesCount?: number;
  existingFilesCount?: number;
  deletedFilesCount?: number;
  addedRowsCount?: number;
  existingRowsCount?: number;
  deletedRowsCount?: number;
  /** One summary per field of the manifest's partition spec, in order. */
  partitions?: FieldSummary[];
  keyMetadata?: Uint8Array;
  /** v3 row lineage. */
  firstRowId?: number;
}

/**
 * A manifest-list row to write. A manifest added by this snapshot may leave its
 * sequence numbers out: the list writer fills in the snapshot's sequence number, as
 * the spec's inheritance expects (so a manifest can be reused across commit retries).
 */
export type ManifestFileToWrite = Omit<ManifestFile, "sequenceNumber" | "minSequenceNumber"> & {
  sequenceNumber?: number;
  minSequenceNumber?: number;
};

export interface DataFile {
  content: DataFileContent;
  filePath: string;
  fileFormat: FileFormat;
  partition: PartitionData;
  recordCount: number;
  fileSizeInBytes: number;
  columnSizes?: Map<number, number>;
  valueCounts?: Map<number, number>;
  nullValueCounts?: Map<number, number>;
  nanValueCounts?: Map<number, number>;
  /** Raw single-value binary bounds by column id; decoding them is not this module's job. */
  lowerBounds?: Map<number, Uint8Array>;
  upperBounds?: Map<number, Uint8Array>;
  keyMetadata?: Uint8Array;
  splitOffsets?: number[];
  equalityIds?: number[];
  sortOrderId?: number;
  /** v3 row lineage. */
  firstRowId?: number;
  referencedDataFile?: string;
  /** v3 deletion vectors: where the blob sits in its Puffin file. */
  contentOffset?: number;
  contentSizeInBytes?: number;
}

/**
 * One row of a manifest. In v2+ `snapshotId` and the sequence numbers may be absent:
 * they are inherited from the manifest list (see `resolveEntryInheritance`).
 */
export interface ManifestEntry {
  status: EntryStatus;
  snapshotId?: bigint;
  /** Data sequence number. */
  sequenceNumber?: number;
  fileSequenceNumber?: number;
  dataFile: DataFile;
}

/** An entry after inheritance: the values scan planning relies on are present. */
export interface ResolvedManifestEntry extends ManifestEntry {
  snapshotId: bigint;
  sequenceNumber: number;
}

/** The Avro key/value metadata of a manifest, raw and parsed. */
export interface ManifestMetadata {
  /** From `format-version`, else inferred from the entry schema. */
  formatVersion: FormatVersion;
  /** From `content`, else "data" (v1, and writers that omit the key). */
  content: ManifestContent;
  partitionSpecId?: number;
  /** Parsed `partition-spec` (fields only); absent when the key is missing. */
  partitionSpec?: PartitionField[];
  /** The partition tuple's fields and Iceberg types, read off the Avro schema. */
  partitionType: PartitionFieldType[];
  /** The table schema the manifest was written with; absent when missing or unreadable. */
  schema?: Schema;
  schemaId?: number;
  /** Every key/value pair of the file, `avro.*` included, as written. */
  keyValue: Record<string, string>;
}

export interface Manifest {
  metadata: ManifestMetadata;
  entries: ManifestEntry[];
}

/** The Avro key/value metadata of a manifest list. */
export interface ManifestListMetadata {
  snapshotId?: bigint;
  /** Absent for the first snapshot (Java writes the string "null"). */
  parentSnapshotId?: bigint;
  sequenceNumber?: number;
  formatVersion?: FormatVersion;
  firstRowId?: number;
  keyValue: Record<string, string>;
}

export interface ManifestList {
  metadata: ManifestListMetadata;
  manifests: ManifestFile[];
}
