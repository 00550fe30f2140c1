/**
 * Choosing the columns a scan yields, and what of the schema they touch.
 */
import type { IcebergType, NestedField, Schema, TableMetadata } from "../spec";
import { ScanError } from "./errors";

/** Top-level fields by name, in the order asked; every field when `names` is absent. */
export function selectColumns(
  schema: Schema,
  names: readonly string[] | undefined,
  caseSensitive = true,
): NestedField[] {
  if (!names) return schema.fields;
  return names.map((name) => {
    const field =
      schema.fields.find((f) => f.name === name) ??
      (caseSensitive
        ? undefined
        : schema.fields.find((f) => f.name.toLowerCase() === name.toLowerCase()));
    if (!field) {
      throw new ScanError("column-not-found", `Column "${name}" is not in the table's schema.`, {
        column: name,
      });
    }
    return field;
  });
}

/** True when the type is, or holds, one of the kinds `test` accepts. */
export function typeContains(type: IcebergType, test: (type: IcebergType) => boolean): boolean {
  if (test(type)) return true;
  if (typeof type === "string") return false;
  switch (type.type) {
    case "struct":
      return type.fields.some((field) => typeContains(field.type, test));
    case "list":
      return typeContains(type.element, test);
    case "map":
      return typeContains(type.key, test) || typeContains(type.value, test);
  }
}

/**
 * A top-level field by id, from the given schema or else the newest schema that has it
 * (equality deletes may name a column the read schema no longer has).
 */
export function fieldById(
  metadata: TableMetadata,
  schema: Schema,
  id: number,
): NestedField | undefined {
  const inRead = schema.fields.find((field) => field.id === id);
  if (inRead) return inRead;
  for (const other of [...metadata.schemas].reverse()) {
    const field = other.fields.find((f) => f.id === id);
    if (field) return field;
  }
  return undefined;
}
