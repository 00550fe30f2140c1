/**
 * The spec's JSON form (Appendix C) of the table schema and the partition spec fields,
 * for a manifest's `schema` and `partition-spec` metadata, and parsing the latter back.
 *
 * `lib/iceberg/spec/json.ts` owns this mapping for metadata files; switch to it when it
 * lands. Kept here, small, so the manifest writer does not wait on it.
 */
import type { IcebergType, NestedField, PartitionField, PartitionSpec, Schema } from "../spec/types";

export function schemaToJson(schema: Schema): Record<string, unknown> {
  return {
    type: "struct",
    "schema-id": schema.schemaId,
    ...(schema.identifierFieldIds ? { "identifier-field-ids": schema.identifierFieldIds } : {}),
    fields: schema.fields.map(fieldToJson),
  };
}

function fieldToJson(field: NestedField): Record<string, unknown> {
  return {
    id: field.id,
    name: field.name,
    required: field.required,
    type: typeToJson(field.type),
    ...(field.doc !== undefined ? { doc: field.doc } : {}),
    ...(field.initialDefault !== undefined ? { "initial-default": field.initialDefault } : {}),
    ...(field.writeDefault !== undefined ? { "write-default": field.writeDefault } : {}),
  };
}

function typeToJson(type: IcebergType): unknown {
  if (typeof type === "string") return type;
  switch (type.type) {
    case "struct":
      return { type: "struct", fields: type.fields.map(fieldToJson) };
    case "list":
      return {
        type: "list",
        "element-id": type.elementId,
        element: typeToJson(type.element),
        "element-required": type.elementRequired,
      };
    case "map":
      return {
        type: "map",
        "key-id": type.keyId,
        key: typeToJson(type.key),
        "value-id": type.valueId,
        value: typeToJson(type.value),
        "value-required": type.valueRequired,
      };
  }
}

export function partitionFieldsToJson(spec: PartitionSpec): Record<string, unknown>[] {
  return spec.fields.map((field) => ({
    name: field.name,
    transform: field.transform,
    "source-id": field.sourceId,
    ...(field.sourceIds ? { "source-ids": field.sourceIds } : {}),
    "field-id": field.fieldId,
  }));
}

/**
 * Parses `partition-spec` metadata: normally the fields array; some old writers put the
 * whole spec object. v1 specs may lack field ids, which were then 1000, 1001, …
 */
export function parsePartitionFields(json: string): PartitionField[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return undefined;
  }
  const fields = Array.isArray(parsed) ? parsed : (parsed as { fields?: unknown })?.fields;
  if (!Array.isArray(fields)) return undefined;
  return fields.map((raw: Record<string, unknown>, i) => ({
    sourceId: Number(raw["source-id"] ?? (raw["source-ids"] as number[] | undefined)?.[0]),
    ...(Array.isArray(raw["source-ids"]) ? { sourceIds: raw["source-ids"] as number[] } : {}),
    fieldId: typeof raw["field-id"] === "number" ? raw["field-id"] : 1000 + i,
    name: String(raw.name),
    transform: String(raw.transform),
  }));
}
