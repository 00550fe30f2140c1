/**
 * DuckDB result values (as `@duckdb/node-api` hands them out) to Iceberg's in-memory
 * representation (values/value.ts), given the Iceberg type the column was cast to.
 * Integers that stand for epoch counts (days, hours, buckets) come back as plain
 * numbers and are accepted as such.
 */
import {
  DuckDBBlobValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTimeValue,
  type DuckDBValue,
} from "@duckdb/node-api";
import { type PrimitiveValue, parsePrimitive, rescale } from "../../values";

export function fromDuckValue(type: string, value: DuckDBValue): PrimitiveValue | null {
  if (value === null || value === undefined) return null;
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "int":
    case "date":
      return value instanceof DuckDBDateValue ? value.days : Number(value);
    case "long":
      return BigInt(value as number | bigint);
    case "float":
    case "double":
      return Number(value);
    case "decimal":
      return decimalValue(value, p.scale);
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return epochValue(value);
    case "uuid":
      return String(value);
    case "fixed":
    case "binary":
      return value instanceof DuckDBBlobValue
        ? Uint8Array.from(value.bytes)
        : (value as unknown as Uint8Array);
    default:
      return value as PrimitiveValue;
  }
}

function decimalValue(value: DuckDBValue, scale: number): bigint {
  if (value instanceof DuckDBDecimalValue) return rescale(value.value, value.scale, scale);
  throw new Error(`expected a DECIMAL value, got ${typeof value}`);
}

function epochValue(value: DuckDBValue): bigint {
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) {
    return value.micros;
  }
  if (value instanceof DuckDBTimeValue) return value.micros;
  if (value instanceof DuckDBTimestampNanosecondsValue) return value.nanos;
  return BigInt(value as number | bigint);
}
