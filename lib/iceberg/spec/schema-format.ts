/**
 * Human-readable schemas for logs, errors and the UI, one top-level column a line:
 *
 * ```
 * table {
 *   1: id: required long
 *   2: tags: optional list<3: element: required string>
 *   4: point: optional struct<5: x: required double, 6: y: required double> (a comment)
 * }
 * ```
 */
import type { IcebergType, NestedField, StructType } from "./types";

export function schemaToString(schema: StructType): string {
  const lines = schema.fields.map((field) => `  ${fieldToString(field)}`);
  return ["table {", ...lines, "}"].join("\n");
}

export function typeToString(type: IcebergType): string {
  if (typeof type === "string") return type;
  switch (type.type) {
    case "struct":
      return `struct<${type.fields.map(fieldToString).join(", ")}>`;
    case "list":
      return `list<${child(type.elementId, "element", type.elementRequired, type.element)}>`;
    case "map":
      return `map<${child(type.keyId, "key", true, type.key)}, ${child(type.valueId, "value", type.valueRequired, type.value)}>`;
  }
}

function fieldToString(field: NestedField): string {
  const text = child(field.id, field.name, field.required, field.type);
  return field.doc ? `${text} (${field.doc})` : text;
}

function child(id: number, name: string, required: boolean, type: IcebergType): string {
  return `${id}: ${name}: ${required ? "required" : "optional"} ${typeToString(type)}`;
}
