/** One decoded manifest-list row → `ManifestFile`, by field id, with v1 defaults. */
import type { FormatVersion } from "../spec/types";
import { asRecord, nonNullBranch } from "./avro/schema-json";
import { type FieldIndex, FieldReader, indexFields } from "./field-lookup";
import { IDS_BY_NAME } from "./manifest-schemas";
import { omitUndefined } from "./omit-undefined";
import type { FieldSummary, ManifestContent, ManifestFile } from "./types";

export function decodeManifestFile(
  reader: FieldReader,
  formatVersion: FormatVersion,
  summaryIndex: FieldIndex | undefined,
): ManifestFile {
  // A v1 list has no content or sequence numbers: "use 0 when reading v1 manifest
  // lists", and v1 lists hold data manifests only. An upgraded table keeps the v1 lists
  // of its old snapshots, so the file's own schema decides, not only the table version.
  const v1Field = (id: number) =>
    reader.raw(id) === undefined && (formatVersion === 1 || !reader.has(id));
  const manifest: ManifestFile = {
    path: reader.string(500, "manifest_path"),
    length: reader.number(501, "manifest_length"),
    partitionSpecId: reader.number(502, "partition_spec_id"),
    content: v1Field(517) ? "data" : manifestContent(reader),
    sequenceNumber: v1Field(515) ? 0 : reader.number(515, "sequence_number"),
    minSequenceNumber: v1Field(516) ? 0 : reader.number(516, "min_sequence_number"),
    addedSnapshotId: reader.bigint(503, "added_snapshot_id"),
  };
  const counts = {
    addedFilesCount: reader.optionalNumber(504, "added_files_count"),
    existingFilesCount: reader.optionalNumber(505, "existing_files_count"),
    deletedFilesCount: reader.optionalNumber(506, "deleted_files_count"),
    addedRowsCount: reader.optionalNumber(512, "added_rows_count"),
    existingRowsCount: reader.optionalNumber(513, "existing_rows_count"),
    deletedRowsCount: reader.optionalNumber(514, "deleted_rows_count"),
    partitions: summaryIndex ? decodeSummaries(reader.raw(507), summaryIndex, reader) : undefined,
    keyMetadata: reader.optionalBytes(519),
    firstRowId: reader.optionalNumber(520, "first_row_id"),
  };
  return { ...manifest, ...omitUndefined(counts) };
}

function manifestContent(reader: FieldReader): ManifestContent {
  const code = reader.number(517, "content");
  if (code === 0) return "data";
  if (code === 1) return "deletes";
  return reader.fail(`manifest content ${code} is neither 0 (data) nor 1 (deletes)`);
}

/** The field_summary record layout, from the `partitions` list's element schema. */
export function summaryIndexOf(partitionsIndex: FieldIndex): FieldIndex | undefined {
  const slot = partitionsIndex.get(507);
  if (!slot) return undefined;
  const list = nonNullBranch(slot.schema);
  const items = typeof list === "object" && !Array.isArray(list) ? list.items : undefined;
  const record = items === undefined ? undefined : asRecord(items);
  return record ? indexFields(record, IDS_BY_NAME.fieldSummary) : undefined;
}

function decodeSummaries(
  value: unknown,
  index: FieldIndex,
  parent: FieldReader,
): FieldSummary[] | undefined {
  if (value === undefined) return undefined;
  return (value as Record<string, unknown>[]).map((raw, i) => {
    if (raw === null) return parent.fail(`partition summary ${i} is null`);
    const reader = new FieldReader(index, raw, `partition summary ${i}`);
    const summary: FieldSummary = { containsNull: Boolean(reader.required(509, "contains_null")) };
    return {
      ...summary,
      ...omitUndefined({
        containsNan: reader.optionalBoolean(518),
        lowerBound: reader.optionalBytes(510),
        upperBound: reader.optionalBytes(511),
      }),
    };
  });
}
