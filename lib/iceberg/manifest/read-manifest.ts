/**
 * Reads a manifest (`*-m<N>.avro`): its key/value metadata and its entries, matched by
 * field id. Entries come back as written — call `resolveEntryInheritance` (or
 * `resolveManifestEntries`) with the manifest-list row to fill inherited values in.
 */
import type { FormatVersion } from "../spec/types";
import { readAvroContainer } from "./avro/container-reader";
import { type AvroRecordSchema, asRecord, inlineNamedTypes } from "./avro/schema-json";
import { decodeDataFile } from "./decode-data-file";
import { ManifestError } from "./errors";
import { type FieldIndex, FieldReader, indexFields, nestedRecord } from "./field-lookup";
import { parseManifestMetadata, partitionSpecOf } from "./manifest-metadata";
import { IDS_BY_NAME } from "./manifest-schemas";
import { omitUndefined } from "./omit-undefined";
import { type PartitionSlot, partitionLayout } from "./partition-layout";
import type { EntryStatus, Manifest, ManifestEntry } from "./types";

const STATUS: Record<number, EntryStatus> = { 0: "existing", 1: "added", 2: "deleted" };

interface EntryLayout {
  entry: FieldIndex;
  dataFile: FieldIndex;
  partition: PartitionSlot[];
}

export function readManifest(bytes: Uint8Array): Manifest {
  const container = readAvroContainer(bytes);
  const root = asRecord(inlineNamedTypes(container.schema));
  if (!root) throw new ManifestError("invalid-value", "manifest schema is not an Avro record");
  const spec = partitionSpecOf(container.metadata);
  const layout = entryLayout(root, spec);
  const metadata = parseManifestMetadata({
    keyValue: container.metadata,
    partitionType: layout.partition.map(({ fieldId, name, type }) => ({ fieldId, name, type })),
    partitionSpec: spec,
    inferredFormatVersion: inferFormatVersion(layout),
  });
  // "When reading v1 manifests with no sequence number column, sequence numbers for
  // all files must default to 0."
  const zero = metadata.formatVersion === 1 && !layout.entry.has(3) ? 0 : undefined;
  const entries = container.records.map((record, i) =>
    decodeEntry(record, layout, zero, `manifest entry ${i}`),
  );
  // Writers that drop Iceberg's keys (BigQuery, Impala's rewrites) still write deletes.
  if (
    container.metadata.content === undefined &&
    entries.some((e) => e.dataFile.content !== "data")
  ) {
    metadata.content = "deletes";
  }
  return { metadata, entries };
}

function entryLayout(
  root: AvroRecordSchema,
  spec: ReturnType<typeof partitionSpecOf>,
): EntryLayout {
  const entry = indexFields(root, IDS_BY_NAME.manifestEntry);
  const dataFile = indexFields(nestedRecord(entry, 2, "data_file"), IDS_BY_NAME.dataFile);
  const partitionSchema = dataFile.get(102);
  const partition = partitionLayout(
    partitionSchema ? asRecord(partitionSchema.schema) : undefined,
    spec,
  );
  return { entry, dataFile, partition };
}

/** For files without `format-version`: sequence numbers came with v2, row lineage with v3. */
function inferFormatVersion(layout: EntryLayout): FormatVersion {
  if (layout.dataFile.has(142) || layout.dataFile.has(144)) return 3;
  return layout.entry.has(3) || layout.dataFile.has(134) ? 2 : 1;
}

function decodeEntry(
  record: Record<string, unknown>,
  layout: EntryLayout,
  defaultSequenceNumber: number | undefined,
  where: string,
): ManifestEntry {
  const reader = new FieldReader(layout.entry, record, where);
  const code = reader.number(0, "status");
  const status = STATUS[code] ?? reader.fail(`entry status ${code} is not 0, 1 or 2`);
  const dataFileRecord = reader.required(2, "data_file") as Record<string, unknown>;
  return {
    status,
    ...omitUndefined({
      snapshotId: reader.optionalBigint(1),
      sequenceNumber: reader.optionalNumber(3, "sequence_number") ?? defaultSequenceNumber,
      fileSequenceNumber: reader.optionalNumber(4, "file_sequence_number") ?? defaultSequenceNumber,
    }),
    dataFile: decodeDataFile(
      dataFileRecord,
      layout.dataFile,
      layout.partition,
      `${where}: data_file`,
    ),
  };
}
