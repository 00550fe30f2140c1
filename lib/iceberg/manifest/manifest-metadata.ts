/**
 * Avro key/value metadata of manifests and manifest lists, parsed leniently: some
 * writers (Impala's rewrite script, BigQuery) keep none of Iceberg's keys, so every
 * parsed value is optional and the raw pairs are always kept.
 */
import type { FormatVersion, PartitionField } from "../spec/types";
import { parsePartitionFields } from "./iceberg-json";
import { omitUndefined } from "./omit-undefined";
import type { ManifestContent, ManifestListMetadata, ManifestMetadata, PartitionFieldType } from "./types";

export function parseListMetadata(keyValue: Record<string, string>): ManifestListMetadata {
  const parent = keyValue["parent-snapshot-id"];
  return omitUndefined({
    snapshotId: parseBigint(keyValue["snapshot-id"]),
    // Java writes the string "null" for the first snapshot.
    parentSnapshotId: parent === "null" ? undefined : parseBigint(parent),
    sequenceNumber: parseInteger(keyValue["sequence-number"]),
    formatVersion: parseFormatVersion(keyValue["format-version"]),
    firstRowId: parseInteger(keyValue["first-row-id"]),
    keyValue,
  });
}

export interface ManifestMetadataInput {
  keyValue: Record<string, string>;
  partitionType: PartitionFieldType[];
  partitionSpec: PartitionField[] | undefined;
  /** Used when `format-version` is missing: inferred from the entry schema. */
  inferredFormatVersion: FormatVersion;
}

export function parseManifestMetadata(input: ManifestMetadataInput): ManifestMetadata {
  const { keyValue } = input;
  const schema = parseJson(keyValue.schema);
  const schemaIdFromSchema = (schema as { "schema-id"?: unknown } | undefined)?.["schema-id"];
  return omitUndefined({
    formatVersion: parseFormatVersion(keyValue["format-version"]) ?? input.inferredFormatVersion,
    content: parseContent(keyValue.content),
    partitionSpecId: parseInteger(keyValue["partition-spec-id"]),
    partitionSpec: input.partitionSpec,
    partitionType: input.partitionType,
    schema,
    schemaId: parseInteger(keyValue["schema-id"]) ?? (typeof schemaIdFromSchema === "number" ? schemaIdFromSchema : undefined),
    keyValue,
  });
}

/** The `partition-spec` key, parsed; undefined when absent or unreadable. */
export function partitionSpecOf(keyValue: Record<string, string>): PartitionField[] | undefined {
  const json = keyValue["partition-spec"];
  return json === undefined ? undefined : parsePartitionFields(json);
}

function parseContent(value: string | undefined): ManifestContent {
  return value === "deletes" ? "deletes" : "data";
}

function parseFormatVersion(value: string | undefined): FormatVersion | undefined {
  const n = parseInteger(value);
  return n === 1 || n === 2 || n === 3 ? n : undefined;
}

function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

function parseBigint(value: string | undefined): bigint | undefined {
  if (value === undefined || !/^-?\d+$/.test(value.trim())) return undefined;
  return BigInt(value.trim());
}

function parseJson(value: string | undefined): unknown {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
