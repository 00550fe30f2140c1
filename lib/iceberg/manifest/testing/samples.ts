/**
 * Test helper: a small table (schema, partition specs and their result types) and
 * manifest entries that exercise every field the writer knows.
 */
import type { PartitionSpec, Schema } from "../../spec/types";
import type {
  DataFile,
  ManifestEntry,
  PartitionData,
  PartitionFieldType,
  PartitionValue,
} from "../types";

export const SCHEMA: Schema = {
  type: "struct",
  schemaId: 3,
  identifierFieldIds: [1],
  fields: [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "name", required: false, type: "string" },
    { id: 3, name: "day", required: false, type: "date" },
    { id: 4, name: "category", required: false, type: "string" },
    { id: 5, name: "price", required: false, type: "decimal(9, 2)" },
    {
      id: 6,
      name: "tags",
      required: false,
      type: { type: "list", elementId: 7, element: "string", elementRequired: true },
    },
  ],
};

export const UNPARTITIONED: PartitionSpec = { specId: 0, fields: [] };

/** identity string, day → date, bucket → int, truncate string, identity decimal. */
export const PARTITIONED: PartitionSpec = {
  specId: 1,
  fields: [
    { sourceId: 2, fieldId: 1000, name: "name", transform: "identity" },
    { sourceId: 3, fieldId: 1001, name: "day_day", transform: "day" },
    { sourceId: 1, fieldId: 1002, name: "id_bucket", transform: "bucket[16]" },
    { sourceId: 4, fieldId: 1003, name: "category_trunc", transform: "truncate[4]" },
    { sourceId: 5, fieldId: 1004, name: "price", transform: "identity" },
  ],
};

export const PARTITIONED_TYPE: PartitionFieldType[] = [
  { fieldId: 1000, name: "name", type: "string" },
  { fieldId: 1001, name: "day_day", type: "date" },
  { fieldId: 1002, name: "id_bucket", type: "int" },
  { fieldId: 1003, name: "category_trunc", type: "string" },
  { fieldId: 1004, name: "price", type: "decimal(9, 2)" },
];

export function partition(values: (string | number | bigint | null)[]): PartitionData {
  return new Map(PARTITIONED_TYPE.map((field, i) => [field.fieldId, values[i] ?? null]));
}

export function dataFile(path: string, overrides: Partial<DataFile> = {}): DataFile {
  return {
    content: "data",
    filePath: path,
    fileFormat: "parquet",
    partition: new Map(),
    recordCount: 100,
    fileSizeInBytes: 4096,
    columnSizes: new Map([
      [1, 800],
      [2, 1200],
    ]),
    valueCounts: new Map([
      [1, 100],
      [2, 100],
    ]),
    nullValueCounts: new Map([
      [1, 0],
      [2, 7],
    ]),
    nanValueCounts: new Map(),
    lowerBounds: new Map([[1, Uint8Array.of(1, 0, 0, 0, 0, 0, 0, 0)]]),
    upperBounds: new Map([[1, Uint8Array.of(100, 0, 0, 0, 0, 0, 0, 0)]]),
    splitOffsets: [4],
    sortOrderId: 0,
    ...overrides,
  };
}

export const SNAPSHOT_ID = 7_000_000_000_000_000_001n;

/** Added (inheriting), existing and deleted entries, as a v2 writer holds them. */
export function dataEntries(partitions: PartitionData[]): ManifestEntry[] {
  const [p1, p2, p3] = [
    partitions[0],
    partitions[1] ?? partitions[0],
    partitions[2] ?? partitions[0],
  ];
  return [
    { status: "added", dataFile: dataFile("s3://bucket/t/data/a.parquet", { partition: p1 }) },
    {
      status: "existing",
      snapshotId: 6_000_000_000_000_000_002n,
      sequenceNumber: 4,
      fileSequenceNumber: 4,
      dataFile: dataFile("s3://bucket/t/data/b.parquet", {
        partition: p2,
        recordCount: 250,
        keyMetadata: Uint8Array.of(9, 9, 9),
      }),
    },
    {
      status: "deleted",
      snapshotId: SNAPSHOT_ID,
      sequenceNumber: 2,
      fileSequenceNumber: 3,
      dataFile: dataFile("s3://bucket/t/data/c.parquet", { partition: p3, recordCount: 5 }),
    },
  ];
}

/** A position delete file and an equality delete file. */
export function deleteEntries(partitions: PartitionData[]): ManifestEntry[] {
  return [
    {
      status: "added",
      dataFile: dataFile("s3://bucket/t/data/a-deletes.parquet", {
        content: "position-deletes",
        partition: partitions[0],
        recordCount: 3,
        sortOrderId: undefined,
        referencedDataFile: "s3://bucket/t/data/a.parquet",
        lowerBounds: new Map([
          [2147483546, new TextEncoder().encode("s3://bucket/t/data/a.parquet")],
        ]),
      }),
    },
    {
      status: "added",
      dataFile: dataFile("s3://bucket/t/data/eq-deletes.parquet", {
        content: "equality-deletes",
        partition: partitions[1] ?? partitions[0],
        recordCount: 2,
        equalityIds: [1, 2],
      }),
    },
  ];
}

/**
 * One partition field per type a transform can produce: its type, a value, and how
 * Apache's Python Avro reader shows that value (see testing/python-avro.ts).
 */
export const TYPED: [string, PartitionValue, unknown][] = [
  ["boolean", true, true],
  ["int", 42, 42],
  ["long", 9_007_199_254_740_993n, "9007199254740993"],
  ["float", 1.5, 1.5],
  ["double", -0.25, -0.25],
  ["date", 19723, { iso: "2024-01-01" }],
  ["time", 45_296_000_000n, { iso: "12:34:56" }],
  ["timestamp", 1_684_161_045_000_000n, { iso: "2023-05-15T14:30:45+00:00" }],
  ["timestamptz", 1_684_161_045_000_001n, { iso: "2023-05-15T14:30:45.000001+00:00" }],
  ["string", "héllo", "héllo"],
  // Python's Avro only knows uuid on strings, so it shows Iceberg's fixed[16] as bytes.
  ["uuid", "f79c3e09-677c-4bbd-a479-3f349cb785e7", { hex: "f79c3e09677c4bbda4793f349cb785e7" }],
  ["fixed[3]", Uint8Array.of(1, 2, 3), { hex: "010203" }],
  ["binary", Uint8Array.of(255), { hex: "ff" }],
  ["decimal(9, 2)", 1420n, { decimal: "14.20" }],
  ["decimal(38, 10)", -12_345_678_901_234_567_890n, { decimal: "-1234567890.1234567890" }],
  // A second field of one decimal type: its named Avro fixed is referred to, not redefined.
  ["decimal(9, 2)", -1n, { decimal: "-0.01" }],
];

export const TYPED_PARTITION_TYPE: PartitionFieldType[] = TYPED.map(([type], i) => ({
  fieldId: 1000 + i,
  name: `p${i} ${type}`, // not a valid Avro name: the writer must sanitize it
  type,
}));
export const TYPED_SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: TYPED.map(([type], i) => ({ id: i + 1, name: `c${i}`, required: false, type })),
};
export const TYPED_SPEC: PartitionSpec = {
  specId: 4,
  fields: TYPED_PARTITION_TYPE.map((f, i) => ({
    sourceId: i + 1,
    fieldId: f.fieldId,
    name: f.name,
    transform: "identity",
  })),
};
