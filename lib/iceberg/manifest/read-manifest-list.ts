/**
 * Reads a manifest list (the `snap-*.avro` a snapshot points at). `formatVersion` is
 * the table's: it decides the v1 defaults (content data, sequence numbers 0), which a
 * v1 list cannot carry itself.
 */
import type { FormatVersion } from "../spec/types";
import { readAvroContainer } from "./avro/container-reader";
import { asRecord, inlineNamedTypes } from "./avro/schema-json";
import { decodeManifestFile, summaryIndexOf } from "./decode-manifest-file";
import { ManifestError } from "./errors";
import { FieldReader, indexFields } from "./field-lookup";
import { parseListMetadata } from "./manifest-metadata";
import { IDS_BY_NAME } from "./manifest-schemas";
import type { ManifestList } from "./types";

export function readManifestList(bytes: Uint8Array, formatVersion: FormatVersion): ManifestList {
  const container = readAvroContainer(bytes);
  const root = asRecord(inlineNamedTypes(container.schema));
  if (!root) throw new ManifestError("invalid-value", "manifest list schema is not an Avro record");
  const index = indexFields(root, IDS_BY_NAME.manifestFile);
  const summaryIndex = summaryIndexOf(index);
  const manifests = container.records.map((record, i) =>
    decodeManifestFile(
      new FieldReader(index, record, `manifest list row ${i}`),
      formatVersion,
      summaryIndex,
    ),
  );
  return { metadata: parseListMetadata(container.metadata), manifests };
}
