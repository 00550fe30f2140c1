/**
 * Iceberg types as DuckDB types.
 *
 * | Iceberg | DuckDB |
 * |---|---|
 * | boolean, int, long, float, double | BOOLEAN, INTEGER, BIGINT, FLOAT, DOUBLE |
 * | decimal(p, s) | DECIMAL(p, s) |
 * | date, time | DATE, TIME |
 * | timestamp, timestamptz | TIMESTAMP, TIMESTAMPTZ |
 * | timestamp_ns | TIMESTAMP_NS |
 * | timestamptz_ns | TIMESTAMPTZ — DuckDB 1.5 has no nanosecond TIMESTAMPTZ: microseconds |
 * | string, uuid | VARCHAR, UUID |
 * | fixed[n], binary, geometry, geography | BLOB (WKB for the geo types) |
 * | variant | VARIANT |
 * | unknown | INTEGER (always NULL) |
 * | struct / list / map | STRUCT(…) / T[] / MAP(K, V) |
 */
import type { IcebergType } from "../spec";
import { parsePrimitive } from "../values";
import { quoteIdent } from "./quote";

export function duckType(type: IcebergType): string {
  if (typeof type === "string") return primitiveDuckType(type);
  switch (type.type) {
    case "struct":
      return `STRUCT(${type.fields.map((f) => `${quoteIdent(f.name)} ${duckType(f.type)}`).join(", ")})`;
    case "list":
      return `${duckType(type.element)}[]`;
    case "map":
      return `MAP(${duckType(type.key)}, ${duckType(type.value)})`;
  }
}

function primitiveDuckType(type: string): string {
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
      return "BOOLEAN";
    case "int":
      return "INTEGER";
    case "long":
      return "BIGINT";
    case "float":
      return "FLOAT";
    case "double":
      return "DOUBLE";
    case "decimal":
      return `DECIMAL(${p.precision}, ${p.scale})`;
    case "date":
      return "DATE";
    case "time":
      return "TIME";
    case "timestamp":
      return "TIMESTAMP";
    case "timestamptz":
    case "timestamptz_ns":
      return "TIMESTAMPTZ";
    case "timestamp_ns":
      return "TIMESTAMP_NS";
    case "string":
      return "VARCHAR";
    case "uuid":
      return "UUID";
    case "fixed":
    case "binary":
    case "geometry":
    case "geography":
      return "BLOB";
    case "variant":
      return "VARIANT";
    case "unknown":
      return "INTEGER";
  }
}
