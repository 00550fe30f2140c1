/**
 * The spec's manifest-list and manifest structs (sections "Manifest Lists" and
 * "Manifests"), per format version, as Iceberg struct types. The Avro schemas we write
 * are derived from these (`iceberg-to-avro.ts`), and so are the names we fall back to
 * for files whose writer put no field ids in the schema.
 */
import type {
  FormatVersion,
  IcebergType,
  ListType,
  MapType,
  NestedField,
  StructType,
} from "../spec/types";
import type { PartitionFieldType } from "./types";

const required = (id: number, name: string, type: IcebergType): NestedField => ({
  id,
  name,
  required: true,
  type,
});
const optional = (id: number, name: string, type: IcebergType): NestedField => ({
  id,
  name,
  required: false,
  type,
});
const struct = (fields: NestedField[]): StructType => ({ type: "struct", fields });
const intMap = (keyId: number, valueId: number, value: IcebergType): MapType => ({
  type: "map",
  keyId,
  key: "int",
  valueId,
  value,
  valueRequired: true,
});
const list = (elementId: number, element: IcebergType): ListType => ({
  type: "list",
  elementId,
  element,
  elementRequired: true,
});

export const FIELD_SUMMARY = struct([
  required(509, "contains_null", "boolean"),
  optional(518, "contains_nan", "boolean"),
  optional(510, "lower_bound", "binary"),
  optional(511, "upper_bound", "binary"),
]);

/** `manifest_file`, the row of a manifest list. */
export function manifestFileStruct(version: FormatVersion): StructType {
  const v1 = version === 1;
  const counter = v1 ? optional : required;
  return struct([
    required(500, "manifest_path", "string"),
    required(501, "manifest_length", "long"),
    required(502, "partition_spec_id", "int"),
    ...(v1
      ? []
      : [
          required(517, "content", "int"),
          required(515, "sequence_number", "long"),
          required(516, "min_sequence_number", "long"),
        ]),
    // Required by the spec in every version; Java writes it optional in v1, and so do we
    // so that v1 readers of every vintage accept our lists.
    (v1 ? optional : required)(503, "added_snapshot_id", "long"),
    counter(504, "added_files_count", "int"),
    counter(505, "existing_files_count", "int"),
    counter(506, "deleted_files_count", "int"),
    counter(512, "added_rows_count", "long"),
    counter(513, "existing_rows_count", "long"),
    counter(514, "deleted_rows_count", "long"),
    optional(507, "partitions", list(508, FIELD_SUMMARY)),
    optional(519, "key_metadata", "binary"),
    ...(version >= 3 ? [optional(520, "first_row_id", "long")] : []),
  ]);
}

/** `manifest_entry`, the row of a manifest, for a given partition tuple. */
export function manifestEntryStruct(
  version: FormatVersion,
  partition: PartitionFieldType[],
): StructType {
  const tracking =
    version === 1
      ? // Required by the spec; Java writes it optional in v1 (we always fill it).
        [optional(1, "snapshot_id", "long")]
      : [
          optional(1, "snapshot_id", "long"),
          optional(3, "sequence_number", "long"),
          optional(4, "file_sequence_number", "long"),
        ];
  return struct([
    required(0, "status", "int"),
    ...tracking,
    required(2, "data_file", dataFileStruct(version, partition)),
  ]);
}

function dataFileStruct(version: FormatVersion, partition: PartitionFieldType[]): StructType {
  return struct([
    ...(version >= 2 ? [required(134, "content", "int")] : []),
    required(100, "file_path", "string"),
    required(101, "file_format", "string"),
    required(102, "partition", partitionStruct(partition)),
    required(103, "record_count", "long"),
    required(104, "file_size_in_bytes", "long"),
    // Deprecated, but v1 readers require it: "always write a default in v1".
    ...(version === 1 ? [required(105, "block_size_in_bytes", "long")] : []),
    optional(108, "column_sizes", intMap(117, 118, "long")),
    optional(109, "value_counts", intMap(119, 120, "long")),
    optional(110, "null_value_counts", intMap(121, 122, "long")),
    optional(137, "nan_value_counts", intMap(138, 139, "long")),
    optional(125, "lower_bounds", intMap(126, 127, "binary")),
    optional(128, "upper_bounds", intMap(129, 130, "binary")),
    optional(131, "key_metadata", "binary"),
    optional(132, "split_offsets", list(133, "long")),
    ...(version >= 2 ? [optional(135, "equality_ids", list(136, "int"))] : []),
    optional(140, "sort_order_id", "int"),
    ...(version >= 3 ? [optional(142, "first_row_id", "long")] : []),
    ...(version >= 2 ? [optional(143, "referenced_data_file", "string")] : []),
    ...(version >= 3
      ? [optional(144, "content_offset", "long"), optional(145, "content_size_in_bytes", "long")]
      : []),
  ]);
}

/** Partition values are optional: any transform may produce null. */
export function partitionStruct(partition: PartitionFieldType[]): StructType {
  return struct(partition.map((field) => optional(field.fieldId, field.name, field.type)));
}

/**
 * Field ids by name, per record, for files written without field ids (iceberg-rust
 * before it added them; BigQuery's map entries). Only used for a record that carries
 * no id at all. Java (1.4–1.8) names the counters differently from the spec; both are
 * listed.
 */
export const IDS_BY_NAME = {
  manifestFile: {
    ...namesOf(manifestFileStruct(3)),
    added_data_files_count: 504,
    existing_data_files_count: 505,
    deleted_data_files_count: 506,
  },
  fieldSummary: namesOf(FIELD_SUMMARY),
  manifestEntry: namesOf(manifestEntryStruct(3, [])),
  dataFile: { ...namesOf(dataFileStruct(3, [])), ...namesOf(dataFileStruct(1, [])) },
} as const;

function namesOf(type: StructType): Record<string, number> {
  return Object.fromEntries(type.fields.map((field) => [field.name, field.id]));
}
