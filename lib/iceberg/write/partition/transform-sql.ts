/**
 * Partition values as DuckDB SQL, transform by transform, matching
 * `lib/iceberg/transforms` on every value (the integration tests compare them over
 * random and edge values). Time transforms and integer bucket/truncate are pure SQL;
 * the rest calls the JS functions of `udf.ts`.
 *
 * Results come out as the transform's result type, with dates and every time ordinal as
 * INTEGER counts (days, hours…), which is their representation in values/.
 */
import { parseTransform, resultType, type Transform } from "../../transforms";
import { parsePrimitive } from "../../values";
import { WriteError } from "../errors";
import { duckdbType } from "../sql/duckdb-type";
import { bucketLongSql } from "./murmur3-sql";
import { udfCall } from "./udf";

/** `floor(a / b)` for integers, exact (DuckDB's `//` truncates toward zero). */
export function floorDivSql(a: string, b: number | bigint): string {
  return `((${a} - (((${a} % ${b}) + ${b}) % ${b})) // ${b})`;
}

export function transformSql(transform: string, sourceType: string, valueSql: string): string {
  const t = parseTransform(transform);
  switch (t.kind) {
    case "identity":
      return valueSql;
    case "void":
      return `CAST(NULL AS ${duckdbType(resultType(t, sourceType))})`;
    case "bucket":
      return bucketSql(t.numBuckets, sourceType, valueSql);
    case "truncate":
      return truncateSql(t.width, sourceType, valueSql);
    case "year":
    case "month":
    case "day":
    case "hour":
      return timeSql(t, sourceType, valueSql);
    default:
      throw new WriteError(
        "unsupported",
        `Cannot write partitions by the transform "${transform}"`,
      );
  }
}

/** Integer-like values as the long Iceberg hashes them (micros for time and timestamps). */
function hashedLongSql(kind: string, v: string): string | undefined {
  switch (kind) {
    case "int":
    case "long":
      return v;
    case "date":
      return `CAST(${v} - DATE '1970-01-01' AS BIGINT)`;
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
      return microsSql(kind, v);
    default:
      return undefined;
  }
}

function bucketSql(n: number, sourceType: string, v: string): string {
  const kind = parsePrimitive(sourceType).kind;
  const asLong = hashedLongSql(kind, v);
  if (asLong !== undefined) return bucketLongSql(asLong, n);
  switch (kind) {
    case "string":
      return udfCall("tarn_iceberg_bucket_string", v, n);
    case "uuid":
      return udfCall("tarn_iceberg_bucket_uuid", `CAST(${v} AS VARCHAR)`, n);
    case "decimal":
      return udfCall("tarn_iceberg_bucket_decimal", `CAST(${v} AS VARCHAR)`, n);
    case "fixed":
    case "binary":
      return udfCall("tarn_iceberg_bucket_bytes", v, n);
    default:
      throw unsupported(`bucket[${n}]`, sourceType);
  }
}

function truncateSql(w: number, sourceType: string, v: string): string {
  switch (parsePrimitive(sourceType).kind) {
    case "int":
    case "long":
      return `CAST(${v} - (((${v} % ${w}) + ${w}) % ${w}) AS ${duckdbType(sourceType)})`;
    case "string":
      return `left(${v}, ${w})`; // DuckDB counts code points, as Iceberg does
    case "binary":
      return `unhex(left(hex(${v}), ${2 * w}))`;
    case "decimal":
      return `CAST(${udfCall("tarn_iceberg_truncate_decimal", `CAST(${v} AS VARCHAR)`, w)} AS ${duckdbType(sourceType)})`;
    default:
      throw unsupported(`truncate[${w}]`, sourceType);
  }
}

function microsSql(kind: string, v: string): string {
  if (kind === "timestamp_ns") return floorDivSql(`epoch_ns(${v})`, 1000);
  return `epoch_us(${v})`;
}

function timeSql(t: Transform, sourceType: string, v: string): string {
  const kind = parsePrimitive(sourceType).kind;
  const micros = () => microsSql(kind, v);
  if (t.kind === "hour") return `CAST(${floorDivSql(micros(), 3_600_000_000n)} AS INTEGER)`;
  if (t.kind === "day") {
    const days =
      kind === "date" ? `(${v} - DATE '1970-01-01')` : floorDivSql(micros(), 86_400_000_000n);
    return `CAST(${days} AS INTEGER)`;
  }
  // a zone-free civil date/time: year() and month() of a TIMESTAMPTZ would use the session zone
  const civil = kind === "date" ? v : `make_timestamp(${micros()})`;
  if (t.kind === "year") return `CAST(year(${civil}) - 1970 AS INTEGER)`;
  return `CAST((year(${civil}) - 1970) * 12 + month(${civil}) - 1 AS INTEGER)`;
}

function unsupported(transform: string, sourceType: string): WriteError {
  return new WriteError("unsupported", `Cannot apply ${transform} to a ${sourceType} column`);
}
