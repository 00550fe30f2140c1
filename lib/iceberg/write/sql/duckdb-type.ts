/**
 * Iceberg types as DuckDB types — what the writer casts every column to before Parquet.
 *
 * | Iceberg        | DuckDB         | Parquet (as DuckDB writes it)              |
 * |----------------|----------------|--------------------------------------------|
 * | timestamptz    | TIMESTAMPTZ    | INT64 TIMESTAMP(MICROS, adjustedToUTC)     |
 * | timestamp      | TIMESTAMP      | INT64 TIMESTAMP(MICROS)                    |
 * | time           | TIME           | INT64 TIME(MICROS)                         |
 * | uuid           | UUID           | FIXED_LEN_BYTE_ARRAY(16) UUID              |
 * | decimal(P,S)   | DECIMAL(P,S)   | INT32/INT64/FIXED by precision             |
 * | binary, fixed  | BLOB           | BYTE_ARRAY (fixed lengths are checked)     |
 *
 * DuckDB has no zoned nanosecond timestamp, so `timestamptz_ns` cannot be written.
 */
import type { IcebergType } from "../../spec/types";
import { parsePrimitive } from "../../values";
import { WriteError } from "../errors";
import { quoteIdent } from "./quote";

export function duckdbType(type: IcebergType): string {
  if (typeof type !== "string") return nestedType(type);
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
      return "TIMESTAMPTZ";
    case "timestamp_ns":
      return "TIMESTAMP_NS";
    case "string":
      return "VARCHAR";
    case "uuid":
      return "UUID";
    case "fixed":
    case "binary":
      return "BLOB";
    default:
      throw new WriteError("unsupported", `Columns of type ${type} cannot be written with DuckDB`);
  }
}

function nestedType(type: Exclude<IcebergType, string>): string {
  switch (type.type) {
    case "struct":
      return `STRUCT(${type.fields.map((f) => `${quoteIdent(f.name)} ${duckdbType(f.type)}`).join(", ")})`;
    case "list":
      return `${duckdbType(type.element)}[]`;
    case "map":
      return `MAP(${duckdbType(type.key)}, ${duckdbType(type.value)})`;
  }
}
