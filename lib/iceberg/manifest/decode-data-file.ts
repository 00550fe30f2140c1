/** One decoded `data_file` record → `DataFile`, by field id. */
import { decodeIntMap, decodeList } from "./decode-collections";
import { type FieldIndex, FieldReader, toSafeNumber } from "./field-lookup";
import { omitUndefined } from "./omit-undefined";
import { decodePartition, type PartitionSlot } from "./partition-layout";
import type { DataFile, DataFileContent, FileFormat } from "./types";

const CONTENT: Record<number, DataFileContent> = {
  0: "data",
  1: "position-deletes",
  2: "equality-deletes",
};
const FORMATS = new Set<string>(["parquet", "avro", "orc", "puffin"]);

export function decodeDataFile(
  record: Record<string, unknown>,
  index: FieldIndex,
  partitionLayout: PartitionSlot[],
  where: string,
): DataFile {
  const reader = new FieldReader(index, record, where);
  const file: DataFile = {
    // v1 files are all data files; v1 schemas have no content field.
    content: reader.has(134) ? content(reader) : "data",
    filePath: reader.string(100, "file_path"),
    fileFormat: fileFormat(reader),
    partition: decodePartition(partitionLayout, reader.raw(102)),
    recordCount: reader.number(103, "record_count"),
    fileSizeInBytes: reader.number(104, "file_size_in_bytes"),
  };
  return {
    ...file,
    ...omitUndefined(metrics(reader, where)),
    ...omitUndefined(extras(reader, where)),
  };
}

function metrics(reader: FieldReader, where: string) {
  const count = (raw: unknown) => toSafeNumber(raw, `${where}: metric`);
  const bytes = (raw: unknown) => new Uint8Array(raw as Uint8Array);
  const map = <T>(id: number, key: number, value: number, convert: (raw: unknown) => T) =>
    decodeIntMap(reader.raw(id), reader.schema(id), { key, value }, convert);
  return {
    columnSizes: map(108, 117, 118, count),
    valueCounts: map(109, 119, 120, count),
    nullValueCounts: map(110, 121, 122, count),
    nanValueCounts: map(137, 138, 139, count),
    lowerBounds: map(125, 126, 127, bytes),
    upperBounds: map(128, 129, 130, bytes),
  };
}

function extras(reader: FieldReader, where: string) {
  const long = (raw: unknown) => toSafeNumber(raw, `${where}: list element`);
  return {
    keyMetadata: reader.optionalBytes(131),
    splitOffsets: decodeList(reader.raw(132), long),
    equalityIds: decodeList(reader.raw(135), long),
    sortOrderId: reader.optionalNumber(140, "sort_order_id"),
    firstRowId: reader.optionalNumber(142, "first_row_id"),
    referencedDataFile: reader.optionalString(143),
    contentOffset: reader.optionalNumber(144, "content_offset"),
    contentSizeInBytes: reader.optionalNumber(145, "content_size_in_bytes"),
  };
}

function content(reader: FieldReader): DataFileContent {
  const code = reader.number(134, "content");
  return CONTENT[code] ?? reader.fail(`data file content ${code} is not 0, 1 or 2`);
}

function fileFormat(reader: FieldReader): FileFormat {
  const format = reader.string(101, "file_format").toLowerCase();
  return FORMATS.has(format)
    ? (format as FileFormat)
    : reader.fail(`unknown file format "${format}"`);
}
