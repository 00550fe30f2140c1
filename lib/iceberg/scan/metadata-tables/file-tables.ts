/**
 * `manifests`, `entries`, `files` and `partitions` of one snapshot: read from its
 * manifests. Columns as Trino's Iceberg connector names them (`$manifests`, `$entries`,
 * `$files`, `$partitions`), paths as recorded in the metadata. `entries` is flattened:
 * the manifest's path, content and sequence number, then the entry, then its file.
 * `manifests` adds `content`, `sequence_number` and `min_sequence_number`.
 */
import type { DataFile, EntryStatus, ManifestFile } from "../../manifest";
import type { Schema, TableMetadata } from "../../spec";
import { partitionSpecById } from "../../spec";
import type { ManifestSource, ManifestWithEntries } from "../manifests";
import { boundText, decodeBounds, typesById } from "./bounds-text";
import {
  type PartitionColumn,
  partitionColumns,
  partitionValue,
  specFieldType,
} from "./partition-type";
import type { Column, MetadataRow, MetadataTable } from "./relation";

export interface SnapshotFiles {
  metadata: TableMetadata;
  schema: Schema;
  manifests: ManifestWithEntries[];
}

const STATUS: Record<EntryStatus, number> = { existing: 0, added: 1, deleted: 2 };
const CONTENT = { data: 0, "position-deletes": 1, "equality-deletes": 2 } as const;

export function manifestsTable({ metadata, manifests }: SnapshotFiles): MetadataTable {
  const summary: Column["type"] = {
    list: {
      struct: [
        ["contains_null", "BOOLEAN"],
        ["contains_nan", "BOOLEAN"],
        ["lower_bound", "VARCHAR"],
        ["upper_bound", "VARCHAR"],
      ],
    },
  };
  return {
    columns: [
      { name: "path", type: "VARCHAR" },
      { name: "length", type: "BIGINT" },
      { name: "partition_spec_id", type: "INTEGER" },
      { name: "added_snapshot_id", type: "BIGINT" },
      { name: "added_data_files_count", type: "INTEGER" },
      { name: "added_rows_count", type: "BIGINT" },
      { name: "existing_data_files_count", type: "INTEGER" },
      { name: "existing_rows_count", type: "BIGINT" },
      { name: "deleted_data_files_count", type: "INTEGER" },
      { name: "deleted_rows_count", type: "BIGINT" },
      { name: "partition_summaries", type: summary },
      { name: "content", type: "INTEGER" },
      { name: "sequence_number", type: "BIGINT" },
      { name: "min_sequence_number", type: "BIGINT" },
    ],
    rows: manifests.map(({ manifest: m }) => ({
      path: m.path,
      length: m.length,
      partition_spec_id: m.partitionSpecId,
      added_snapshot_id: m.addedSnapshotId,
      added_data_files_count: m.addedFilesCount,
      added_rows_count: m.addedRowsCount,
      existing_data_files_count: m.existingFilesCount,
      existing_rows_count: m.existingRowsCount,
      deleted_data_files_count: m.deletedFilesCount,
      deleted_rows_count: m.deletedRowsCount,
      partition_summaries: summariesOf(metadata, m),
      content: m.content === "data" ? 0 : 1,
      sequence_number: m.sequenceNumber,
      min_sequence_number: m.minSequenceNumber,
    })),
  };
}

/** Every entry of the snapshot's manifests, `deleted` ones included. */
export function entriesTable(files: SnapshotFiles): MetadataTable {
  const fileColumns = dataFileColumns(files.metadata);
  const rows = files.manifests.flatMap(({ manifest, entries }) =>
    entries.map((entry) => ({
      manifest_path: manifest.path,
      manifest_content: manifest.content === "data" ? 0 : 1,
      manifest_sequence_number: manifest.sequenceNumber,
      status: STATUS[entry.status],
      snapshot_id: entry.snapshotId,
      sequence_number: entry.sequenceNumber,
      file_sequence_number: entry.fileSequenceNumber,
      ...fileRow(files, fileColumns.partition, entry.dataFile, manifest.partitionSpecId),
    })),
  );
  return {
    columns: [
      { name: "manifest_path", type: "VARCHAR" },
      { name: "manifest_content", type: "INTEGER" },
      { name: "manifest_sequence_number", type: "BIGINT" },
      { name: "status", type: "INTEGER" },
      { name: "snapshot_id", type: "BIGINT" },
      { name: "sequence_number", type: "BIGINT" },
      { name: "file_sequence_number", type: "BIGINT" },
      ...fileColumns.columns,
    ],
    rows,
  };
}

/** The live data and delete files of the snapshot. */
export function filesTable(files: SnapshotFiles): MetadataTable {
  const fileColumns = dataFileColumns(files.metadata);
  const rows = files.manifests.flatMap(({ manifest, entries }) =>
    entries
      .filter((entry) => entry.status !== "deleted")
      .map((entry) =>
        fileRow(files, fileColumns.partition, entry.dataFile, manifest.partitionSpecId),
      ),
  );
  return { columns: fileColumns.columns, rows };
}

/** Live data files grouped by partition: counts, rows and bytes. */
export function partitionsTable(files: SnapshotFiles): MetadataTable {
  const partition = partitionColumns(files.metadata);
  const groups = new Map<string, MetadataRow>();
  for (const { entries } of files.manifests) {
    for (const { status, dataFile } of entries) {
      if (status === "deleted" || dataFile.content !== "data") continue;
      const value = partitionValue(partition, dataFile.partition);
      const key = JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
      const row = groups.get(key) ?? {
        partition: value,
        record_count: 0,
        file_count: 0,
        total_size: 0,
      };
      row.record_count = (row.record_count as number) + dataFile.recordCount;
      row.file_count = (row.file_count as number) + 1;
      row.total_size = (row.total_size as number) + dataFile.fileSizeInBytes;
      groups.set(key, row);
    }
  }
  const columns: Column[] = [
    { name: "record_count", type: "BIGINT" },
    { name: "file_count", type: "BIGINT" },
    { name: "total_size", type: "BIGINT" },
  ];
  if (partition.length) columns.unshift({ name: "partition", type: partitionType(partition) });
  return { columns, rows: [...groups.values()] };
}

function dataFileColumns(metadata: TableMetadata) {
  const partition = partitionColumns(metadata);
  const counts: Column["type"] = { map: ["INTEGER", "BIGINT"] };
  const bounds: Column["type"] = { map: ["INTEGER", "VARCHAR"] };
  const columns: Column[] = [
    { name: "content", type: "INTEGER" },
    { name: "file_path", type: "VARCHAR" },
    { name: "file_format", type: "VARCHAR" },
    { name: "spec_id", type: "INTEGER" },
    ...(partition.length ? [{ name: "partition", type: partitionType(partition) }] : []),
    { name: "record_count", type: "BIGINT" },
    { name: "file_size_in_bytes", type: "BIGINT" },
    { name: "column_sizes", type: counts },
    { name: "value_counts", type: counts },
    { name: "null_value_counts", type: counts },
    { name: "nan_value_counts", type: counts },
    { name: "lower_bounds", type: bounds },
    { name: "upper_bounds", type: bounds },
    { name: "key_metadata", type: "BLOB" },
    { name: "split_offsets", type: { list: "BIGINT" } },
    { name: "equality_ids", type: { list: "INTEGER" } },
    { name: "sort_order_id", type: "INTEGER" },
  ];
  return { columns, partition };
}

function fileRow(
  { metadata, schema }: SnapshotFiles,
  partition: PartitionColumn[],
  file: DataFile,
  specId: number,
): MetadataRow {
  const types = typesById(metadata, schema);
  return {
    content: CONTENT[file.content],
    file_path: file.filePath,
    file_format: file.fileFormat.toUpperCase(),
    spec_id: specId,
    partition: partitionValue(partition, file.partition),
    record_count: file.recordCount,
    file_size_in_bytes: file.fileSizeInBytes,
    column_sizes: file.columnSizes,
    value_counts: file.valueCounts,
    null_value_counts: file.nullValueCounts,
    nan_value_counts: file.nanValueCounts,
    lower_bounds: decodeBounds(file.lowerBounds, types),
    upper_bounds: decodeBounds(file.upperBounds, types),
    key_metadata: file.keyMetadata,
    split_offsets: file.splitOffsets,
    equality_ids: file.equalityIds,
    sort_order_id: file.sortOrderId,
  };
}

function partitionType(partition: PartitionColumn[]): Column["type"] {
  return {
    struct: partition.map((c) => [c.name, { iceberg: c.type }] as [string, Column["type"]]),
  };
}

function summariesOf(metadata: TableMetadata, manifest: ManifestFile) {
  const spec = partitionSpecById(metadata, manifest.partitionSpecId);
  return manifest.partitions?.map((s, i) => {
    const type = specFieldType(metadata, spec, i);
    return {
      contains_null: s.containsNull,
      contains_nan: s.containsNan,
      lower_bound: s.lowerBound && boundText(type, s.lowerBound),
      upper_bound: s.upperBound && boundText(type, s.upperBound),
    };
  });
}

export type { ManifestSource };
