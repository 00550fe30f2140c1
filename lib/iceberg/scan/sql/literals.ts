/**
 * Iceberg values as DuckDB literals: partition values (for identity-partitioned columns a
 * file does not store) and `initial-default`s (for columns added after a file was
 * written). Every literal is typed with an explicit CAST, so a UNION of groups and a
 * comparison in an anti-join see the column's exact type.
 */
import type { IcebergType, NestedField } from "../../spec";
import {
  formatDecimal,
  fromJson,
  type IcebergValue,
  parsePrimitive,
  shortestFloat32,
  toHex,
  toJson,
} from "../../values";
import { duckType } from "../../duckdb/types";
import { quoteIdent, quoteString } from "../../duckdb/quote";

export function sqlLiteral(type: IcebergType, value: IcebergValue | undefined): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${duckType(type)})`;
  if (typeof type !== "string") return nestedLiteral(type, value);
  return `CAST(${primitiveText(type, value)} AS ${duckType(type)})`;
}

/** The value a file written before `field` existed holds for it: its initial default, or NULL. */
export function defaultLiteral(field: NestedField): string {
  const json = field.initialDefault;
  return sqlLiteral(
    field.type,
    json === undefined || json === null ? null : fromJson(field.type, json),
  );
}

function primitiveText(type: string, value: IcebergValue): string {
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "int":
    case "long":
      return String(value);
    case "float":
      return floatText(shortestFloat32(value as number));
    case "double":
      return floatText(value as number);
    case "decimal":
      return quoteString(formatDecimal(value as bigint, p.scale));
    case "date":
      return `DATE '1970-01-01' + ${Number(value)}`;
    case "fixed":
    case "binary":
    case "geometry":
    case "geography":
      return `from_hex(${quoteString(toHex(value as Uint8Array))})`;
    default:
      // time, timestamps, string, uuid: the spec's JSON text is what DuckDB parses
      return quoteString(String(toJson(type, value)));
  }
}

function floatText(n: number): string {
  if (Number.isNaN(n)) return "'NaN'";
  if (!Number.isFinite(n)) return n > 0 ? "'Infinity'" : "'-Infinity'";
  return Object.is(n, -0) ? "'-0.0'" : String(n);
}

function nestedLiteral(type: Exclude<IcebergType, string>, value: IcebergValue): string {
  switch (type.type) {
    case "struct": {
      const struct = value as Map<number, IcebergValue>;
      const fields = type.fields.map(
        (f) => `${quoteIdent(f.name)} := ${sqlLiteral(f.type, struct.get(f.id))}`,
      );
      return `struct_pack(${fields.join(", ")})`;
    }
    case "list": {
      const items = (value as IcebergValue[]).map((v) => sqlLiteral(type.element, v));
      return `CAST([${items.join(", ")}] AS ${duckType(type)})`;
    }
    case "map": {
      const map = value as Map<IcebergValue, IcebergValue>;
      const keys = [...map.keys()].map((k) => sqlLiteral(type.key, k));
      const values = [...map.values()].map((v) => sqlLiteral(type.value, v));
      return `CAST(MAP([${keys.join(", ")}], [${values.join(", ")}]) AS ${duckType(type)})`;
    }
  }
}
