/**
 * One Iceberg value (values/ representation) as a DuckDB SQL literal of the column's
 * DuckDB type. Temporal values are built from their epoch counts, never from text, so
 * the session time zone cannot shift them.
 */
import { formatDecimal, type PrimitiveValue, parsePrimitive, toHex } from "../../values";
import { duckdbType } from "./duckdb-type";
import { quoteString } from "../../duckdb/quote";

export function sqlLiteral(type: string, value: PrimitiveValue | null): string {
  if (value === null) return `CAST(NULL AS ${duckdbType(type)})`;
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "int":
      return `CAST(${value} AS INTEGER)`;
    case "long":
      return `CAST(${value} AS BIGINT)`;
    case "float":
    case "double":
      return `CAST(${quoteString(floatText(value as number))} AS ${duckdbType(type)})`;
    case "decimal":
      return `CAST(${quoteString(formatDecimal(value as bigint, p.scale))} AS ${duckdbType(type)})`;
    case "date":
      return `CAST(DATE '1970-01-01' + CAST(${value} AS INTEGER) AS DATE)`;
    case "time":
      return `CAST(TIME '00:00:00' + to_microseconds(CAST(${value} AS BIGINT)) AS TIME)`;
    case "timestamp":
      return `make_timestamp(CAST(${value} AS BIGINT))`;
    case "timestamptz":
      // adding micros to the zoned epoch is exact and zone-independent
      return `(TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_microseconds(CAST(${value} AS BIGINT)))`;
    case "timestamp_ns":
      return `make_timestamp_ns(CAST(${value} AS BIGINT))`;
    case "string":
      return `CAST(${quoteString(value as string)} AS VARCHAR)`;
    case "uuid":
      return `CAST(${quoteString(value as string)} AS UUID)`;
    default:
      return `unhex(${quoteString(toHex(value as Uint8Array))})`;
  }
}

/** Text DuckDB parses back to the same float: JS prints the shortest round-trip form. */
function floatText(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Number.POSITIVE_INFINITY) return "Infinity";
  if (v === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (Object.is(v, -0)) return "-0.0";
  return String(v);
}
