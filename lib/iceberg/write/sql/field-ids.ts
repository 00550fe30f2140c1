/**
 * DuckDB's `FIELD_IDS` option for `COPY … (FORMAT parquet)`: a struct literal naming
 * every column's Iceberg field id, nested ones included — struct fields by name, list
 * elements as `element`, map keys and values as `key`/`value`, and the id of a nested
 * column itself as `__duckdb_field_id`.
 */
import type { IcebergType, NestedField } from "../../spec/types";
import { quoteIdent } from "../../duckdb/quote";

export function fieldIdsOption(fields: readonly NestedField[]): string {
  return `{${fields.map((f) => `${quoteIdent(f.name)}: ${fieldIdEntry(f.id, f.type)}`).join(", ")}}`;
}

function fieldIdEntry(id: number, type: IcebergType): string {
  if (typeof type === "string") return String(id);
  const children = childEntries(type);
  return `{__duckdb_field_id: ${id}, ${children.join(", ")}}`;
}

function childEntries(type: Exclude<IcebergType, string>): string[] {
  switch (type.type) {
    case "struct":
      return type.fields.map((f) => `${quoteIdent(f.name)}: ${fieldIdEntry(f.id, f.type)}`);
    case "list":
      return [`element: ${fieldIdEntry(type.elementId, type.element)}`];
    case "map":
      return [
        `key: ${fieldIdEntry(type.keyId, type.key)}`,
        `value: ${fieldIdEntry(type.valueId, type.value)}`,
      ];
  }
}
