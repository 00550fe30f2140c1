/**
 * Avro key/value metadata of manifests and manifest lists, parsed leniently: some
 * writers (Impala's rewrite script, BigQuery) keep none of Iceberg's keys, so every
 * parsed value is optional and the raw pairs are always kept.
 */
import { type JsonValue, parseJson, readSchema } from "../spec";
import { readPartitionFields } from "../spec/partition-json";
import type { FormatVersion, PartitionField, Schema } from "../spec/types";
import { omitUndefined } from "./omit-undefined";
import type {
  ManifestContent,
  ManifestListMetadata,
  ManifestMetadata,
  PartitionFieldType,
} from "./types";

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
  const schemaId = parseInteger(keyValue["schema-id"]);
  const schema = schemaOf(keyValue.schema, schemaId);
  return omitUndefined({
    formatVersion: parseFormatVersion(keyValue["format-version"]) ?? input.inferredFormatVersion,
    content: parseContent(keyValue.content),
    partitionSpecId: parseInteger(keyValue["partition-spec-id"]),
    partitionSpec: input.partitionSpec,
    partitionType: input.partitionType,
    schema,
    schemaId: schemaId ?? schema?.schemaId,
    keyValue,
  });
}

/**
 * The `partition-spec` key: normally the fields array; some old writers put the whole
 * spec object. v1 fields may lack ids (then 1000, 1001, …). Undefined when absent or
 * unreadable — a manifest stays readable without it.
 */
export function partitionSpecOf(keyValue: Record<string, string>): PartitionField[] | undefined {
  const parsed = tryParseJson(keyValue["partition-spec"]);
  const fields = Array.isArray(parsed)
    ? parsed
    : (parsed as { fields?: JsonValue } | undefined)?.fields;
  if (!Array.isArray(fields)) return undefined;
  return attempt(() => readPartitionFields(fields, "partition-spec", { fieldIdsOptional: true }));
}

/** The `schema` key, read by the spec module (v1 schemas may lack `schema-id`). */
function schemaOf(json: string | undefined, schemaId: number | undefined): Schema | undefined {
  const parsed = tryParseJson(json);
  if (parsed === undefined) return undefined;
  return attempt(() => readSchema(parsed, "schema", { defaultSchemaId: schemaId ?? 0 }));
}

function tryParseJson(text: string | undefined): JsonValue | undefined {
  return text === undefined ? undefined : attempt(() => parseJson(text));
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
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
