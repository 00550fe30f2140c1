/**
 * The Iceberg table-format model, as Tarn holds it in memory.
 *
 * Shapes follow the Iceberg spec (https://iceberg.apache.org/spec/) with camelCase keys;
 * `spec/json.ts` maps them to and from the spec's kebab-case JSON. Types of fields are
 * kept in the spec's own JSON representation ("long", "decimal(9,2)", "fixed[16]",
 * `{ type: "struct", … }`), so a schema reads the same here as in a metadata file.
 *
 * 64-bit identifiers (snapshot ids) are `bigint`: they routinely exceed 2^53 and must
 * never lose precision. Counters that stay far below 2^53 in practice (sequence numbers,
 * timestamps in ms, file sizes) are `number`.
 */

/** A primitive type in its JSON form: "int", "decimal(10,2)", "fixed[16]", … */
export type PrimitiveType = string;

export interface NestedField {
  id: number;
  name: string;
  required: boolean;
  type: IcebergType;
  doc?: string;
  /** Default for rows written before the field existed (v3; JSON single-value form). */
  initialDefault?: unknown;
  /** Default used by writers when a value is not supplied (v3). */
  writeDefault?: unknown;
}

export interface StructType {
  type: "struct";
  fields: NestedField[];
}

export interface ListType {
  type: "list";
  elementId: number;
  element: IcebergType;
  elementRequired: boolean;
}

export interface MapType {
  type: "map";
  keyId: number;
  key: IcebergType;
  valueId: number;
  value: IcebergType;
  valueRequired: boolean;
}

export type IcebergType = PrimitiveType | StructType | ListType | MapType;

export interface Schema extends StructType {
  schemaId: number;
  identifierFieldIds?: number[];
}

export interface PartitionField {
  /** The source column's field id (v3 may name several in `sourceIds`). */
  sourceId: number;
  sourceIds?: number[];
  /** Partition field ids start at 1000 by convention. */
  fieldId: number;
  name: string;
  /** "identity", "bucket[16]", "truncate[4]", "year", "month", "day", "hour", "void". */
  transform: string;
}

export interface PartitionSpec {
  specId: number;
  fields: PartitionField[];
}

export interface SortField {
  transform: string;
  sourceId: number;
  sourceIds?: number[];
  direction: "asc" | "desc";
  nullOrder: "nulls-first" | "nulls-last";
}

export interface SortOrder {
  orderId: number;
  fields: SortField[];
}

export interface SnapshotSummary {
  operation: "append" | "replace" | "overwrite" | "delete";
  [key: string]: string;
}

export interface Snapshot {
  snapshotId: bigint;
  parentSnapshotId?: bigint;
  /** Always 0 in v1 tables. */
  sequenceNumber: number;
  timestampMs: number;
  /** The Avro manifest list; v1 tables may instead list manifests inline. */
  manifestList?: string;
  manifests?: string[];
  summary: SnapshotSummary;
  schemaId?: number;
  /** v3 row lineage. */
  firstRowId?: number;
  addedRows?: number;
  keyId?: string;
}

export interface SnapshotRef {
  snapshotId: bigint;
  type: "branch" | "tag";
  minSnapshotsToKeep?: number;
  maxSnapshotAgeMs?: number;
  maxRefAgeMs?: number;
}

export interface SnapshotLogEntry {
  snapshotId: bigint;
  timestampMs: number;
}

export interface MetadataLogEntry {
  metadataFile: string;
  timestampMs: number;
}

export interface BlobMetadata {
  type: string;
  snapshotId: bigint;
  sequenceNumber: number;
  fields: number[];
  properties?: Record<string, string>;
}

export interface StatisticsFile {
  snapshotId: bigint;
  statisticsPath: string;
  fileSizeInBytes: number;
  fileFooterSizeInBytes: number;
  keyMetadata?: string;
  blobMetadata: BlobMetadata[];
}

export interface PartitionStatisticsFile {
  snapshotId: bigint;
  statisticsPath: string;
  fileSizeInBytes: number;
}

export interface EncryptionKey {
  keyId: string;
  encryptedKeyMetadata: string;
  encryptedById?: string;
  properties?: Record<string, string>;
}

export type FormatVersion = 1 | 2 | 3;

export interface TableMetadata {
  formatVersion: FormatVersion;
  tableUuid: string;
  location: string;
  /** Always 0 in v1 tables. */
  lastSequenceNumber: number;
  lastUpdatedMs: number;
  lastColumnId: number;
  schemas: Schema[];
  currentSchemaId: number;
  partitionSpecs: PartitionSpec[];
  defaultSpecId: number;
  lastPartitionId: number;
  properties: Record<string, string>;
  /** Absent (undefined) when the table has no current snapshot. */
  currentSnapshotId?: bigint;
  snapshots: Snapshot[];
  snapshotLog: SnapshotLogEntry[];
  metadataLog: MetadataLogEntry[];
  sortOrders: SortOrder[];
  defaultSortOrderId: number;
  refs: Record<string, SnapshotRef>;
  statistics: StatisticsFile[];
  partitionStatistics: PartitionStatisticsFile[];
  /** v3 row lineage. */
  nextRowId?: number;
  encryptionKeys?: EncryptionKey[];
}

export const MAIN_BRANCH = "main";
