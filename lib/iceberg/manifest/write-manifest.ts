/**
 * Writes a manifest: the spec's manifest-entry Avro schema for the format version and
 * partition tuple (field ids on every field), the required key/value metadata, deflate
 * blocks. The caller stores the bytes and describes them in the manifest list
 * (`summarizeManifest` computes that row).
 */
import { stringifyJson, writeSchema } from "../spec";
import { writePartitionField } from "../spec/partition-json";
import type { FormatVersion, PartitionSpec, Schema } from "../spec/types";
import type { AvroCodec } from "./avro/codecs";
import { writeAvroContainer } from "./avro/container-writer";
import { encodeEntry } from "./encode-entry";
import { asInvalidInput, ManifestError } from "./errors";
import { structToAvroRecord } from "./iceberg-to-avro";
import { manifestEntryStruct } from "./manifest-schemas";
import type { ManifestContent, ManifestEntry, PartitionFieldType } from "./types";
import { validateEntry, validatePartitionType } from "./validate-entries";

export interface WriteManifestInput {
  formatVersion: FormatVersion;
  /** The table schema the files were written with (stored as `schema`). */
  schema: Schema;
  partitionSpec: PartitionSpec;
  /** The spec's result struct, field by field, in spec order (computed by the caller). */
  partitionType: PartitionFieldType[];
  content: ManifestContent;
  entries: ManifestEntry[];
  /** The snapshot being committed: given to added and deleted entries that have none. */
  snapshotId: bigint;
  /** Deflate unless told otherwise (Java's default). */
  codec?: AvroCodec;
}

export function writeManifest(input: WriteManifestInput): Uint8Array {
  const { formatVersion, content, partitionType } = input;
  if (formatVersion === 1 && content === "deletes") {
    throw new ManifestError("invalid-input", "v1 tables cannot have delete manifests");
  }
  validatePartitionType(input.partitionSpec, partitionType);
  for (const entry of input.entries) validateEntry(entry, formatVersion, content, partitionType);
  const struct = manifestEntryStruct(formatVersion, partitionType);
  const how = { formatVersion, snapshotId: input.snapshotId, partitionType };
  return writeAvroContainer({
    schema: structToAvroRecord(struct, "manifest_entry"),
    metadata: manifestKeyValue(input),
    codec: input.codec ?? "deflate",
    records: input.entries.map((entry) =>
      asInvalidInput(`entry for ${entry.dataFile.filePath}`, () => encodeEntry(entry, how)),
    ),
  });
}

/** The spec's "Manifest Metadata" keys; `content` exists from v2. */
function manifestKeyValue(input: WriteManifestInput): Record<string, string> {
  return {
    schema: stringifyJson(writeSchema(input.schema)),
    "schema-id": String(input.schema.schemaId),
    "partition-spec": stringifyJson(input.partitionSpec.fields.map(writePartitionField)),
    "partition-spec-id": String(input.partitionSpec.specId),
    "format-version": String(input.formatVersion),
    ...(input.formatVersion >= 2 ? { content: input.content } : {}),
  };
}
