/**
 * The primitive (leaf) columns of a schema in Parquet column order — depth first, struct
 * fields in order, a list's element, a map's key then value — which is also the order
 * of `column_id` in DuckDB's `parquet_metadata()`.
 */
import { allFields, indexFieldsById, type SchemaField } from "../../spec";
import type { StructType } from "../../spec/types";
import { quotePath } from "../../duckdb/quote";

export interface LeafColumn {
  id: number;
  /** Primitive type in JSON form. */
  type: string;
  /** Dotted Iceberg name (`address.city`, `tags.element`). */
  fullName: string;
  /** Names from the top-level column down, when only structs lie on the way. */
  structPath?: string[];
}

export function leafColumns(schema: StructType): LeafColumn[] {
  const byId = indexFieldsById(schema);
  return allFields(schema)
    .filter((f) => typeof f.type === "string")
    .map((f) => {
      const structPath = structPathOf(f, byId);
      return {
        id: f.id,
        type: f.type as string,
        fullName: f.fullName,
        ...(structPath ? { structPath } : {}),
      };
    });
}

/** Names down to a field reached through structs only; undefined inside a list or map. */
export function structPathOf(
  field: SchemaField,
  byId: ReadonlyMap<number, SchemaField>,
): string[] | undefined {
  const names: string[] = [];
  let at: SchemaField | undefined = field;
  while (at) {
    if (!at.field) return undefined; // a list element or map key/value
    names.unshift(at.name);
    at = at.parentId === undefined ? undefined : byId.get(at.parentId);
    if (at && typeof at.type !== "string" && at.type.type !== "struct") return undefined;
  }
  return names;
}

/** SQL reaching a field by id (through structs), with an optional relation alias. */
export function columnSql(schema: StructType, fieldId: number, alias?: string): string {
  const field = indexFieldsById(schema).get(fieldId);
  const path = field ? structPathOf(field, indexFieldsById(schema)) : undefined;
  if (!path) throw new Error(`field ${fieldId} is not reachable through structs`);
  return alias ? `${quotePath([alias])}.${quotePath(path)}` : quotePath(path);
}
