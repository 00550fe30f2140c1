/**
 * Iceberg types as DuckDB types — what the writer casts every column to before Parquet.
 * The mapping is the one reads use (`lib/iceberg/duckdb`); writing adds a check that
 * DuckDB can produce the type at all.
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
 * DuckDB has no zoned nanosecond timestamp, so `timestamptz_ns` cannot be written; nor
 * can variant, geometry, geography or unknown columns.
 */
import { duckType } from "../../duckdb";
import type { IcebergType } from "../../spec/types";
import { parsePrimitive } from "../../values";
import { WriteError } from "../errors";

const UNWRITABLE = new Set(["timestamptz_ns", "variant", "geometry", "geography", "unknown"]);

export function duckdbType(type: IcebergType): string {
  assertWritable(type);
  return duckType(type);
}

function assertWritable(type: IcebergType): void {
  if (typeof type === "string") {
    if (UNWRITABLE.has(parsePrimitive(type).kind)) {
      throw new WriteError("unsupported", `Columns of type ${type} cannot be written with DuckDB`);
    }
    return;
  }
  if (type.type === "struct") for (const field of type.fields) assertWritable(field.type);
  else if (type.type === "list") assertWritable(type.element);
  else {
    assertWritable(type.key);
    assertWritable(type.value);
  }
}
