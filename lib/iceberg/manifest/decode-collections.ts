/**
 * Iceberg maps and lists as Avro writes them. A map with int keys is an array of
 * key/value records (`logicalType: "map"`), found by the map's key and value ids; a
 * writer that put no ids on them (BigQuery) still names them "key" and "value".
 */
import { type AvroSchema, asRecord, nonNullBranch, typeNameOf } from "./avro/schema-json";
import { ManifestError } from "./errors";

export function decodeIntMap<T>(
  value: unknown,
  schema: AvroSchema | undefined,
  ids: { key: number; value: number },
  convert: (raw: unknown) => T,
): Map<number, T> | undefined {
  if (value === undefined || value === null || schema === undefined) return undefined;
  const node = nonNullBranch(schema);
  if (typeNameOf(node) === "map") {
    // Only string-keyed Avro maps exist; a writer could still use one for int keys.
    const entries = Object.entries(value as Record<string, unknown>);
    return new Map(entries.map(([k, v]) => [Number(k), convert(v)]));
  }
  const { keyName, valueName } = keyValueNames(node, ids);
  const out = new Map<number, T>();
  for (const entry of value as (Record<string, unknown> | null)[]) {
    if (entry === null) continue;
    out.set(Number(entry[keyName]), convert(entry[valueName]));
  }
  return out;
}

function keyValueNames(arraySchema: AvroSchema, ids: { key: number; value: number }) {
  const items =
    typeof arraySchema === "object" && !Array.isArray(arraySchema) ? arraySchema.items : undefined;
  const record = items === undefined ? undefined : asRecord(items);
  if (!record)
    throw new ManifestError(
      "invalid-value",
      "map field is neither an Avro map nor an array of records",
    );
  const byId = (id: number, fallback: string) =>
    record.fields.find((f) => f["field-id"] === id)?.name ??
    record.fields.find((f) => f.name === fallback)?.name ??
    fallback;
  return { keyName: byId(ids.key, "key"), valueName: byId(ids.value, "value") };
}

export function decodeList<T>(value: unknown, convert: (raw: unknown) => T): T[] | undefined {
  if (value === undefined || value === null) return undefined;
  return (value as unknown[]).filter((item) => item !== null).map(convert);
}
