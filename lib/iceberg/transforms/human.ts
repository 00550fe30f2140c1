import {
  formatDate,
  formatDecimal,
  formatTimeOfDay,
  formatTimestamp,
  formatYear,
  type PrimitiveValue,
  parsePrimitive,
  shortestFloat32,
  toBase64,
} from "../values";
import { resultType } from "./result-type";
import { type Transform, toTransform } from "./transform";

/**
 * The human string of a partition value — what goes into partition paths and UIs:
 * `year` → "2017", `month` → "2017-12", `day` → "2017-12-01", `hour` → "2017-12-01-18",
 * bucket → the number, identity/truncate → the source value as text (dates and times in
 * ISO form, decimals with their scale, binary as base64), `null` → "null".
 * `value` is the partition value, i.e. already transformed.
 */
export function toHumanString(
  transform: Transform | string,
  sourceType: string,
  value: PrimitiveValue | null,
): string {
  if (value === null) return "null";
  const t = toTransform(transform);
  switch (t.kind) {
    case "year":
      return formatYear(1970 + (value as number));
    case "month":
      return humanMonth(value as number);
    case "day":
      return formatDate(value as number);
    case "hour":
      return humanHour(value as number);
    case "bucket":
      return String(value);
    default:
      return humanValue(t.kind === "unknown" ? "string" : resultType(t, sourceType), value);
  }
}

function humanMonth(monthOrdinal: number): string {
  const year = 1970 + Math.floor(monthOrdinal / 12);
  const month = monthOrdinal - (year - 1970) * 12 + 1;
  return `${formatYear(year)}-${String(month).padStart(2, "0")}`;
}

function humanHour(hourOrdinal: number): string {
  const days = Math.floor(hourOrdinal / 24);
  const hour = hourOrdinal - days * 24;
  return `${formatDate(days)}-${String(hour).padStart(2, "0")}`;
}

/** A single value of a primitive type as text, the way partition paths show it. */
export function humanValue(type: string, value: PrimitiveValue): string {
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "date":
      return formatDate(value as number);
    case "time":
      return formatTimeOfDay(value as bigint, 6);
    case "timestamp":
    case "timestamptz":
      return formatTimestamp(value as bigint, 6, p.kind === "timestamptz");
    case "timestamp_ns":
    case "timestamptz_ns":
      return formatTimestamp(value as bigint, 9, p.kind === "timestamptz_ns");
    case "decimal":
      return formatDecimal(value as bigint, p.scale);
    case "fixed":
    case "binary":
      return toBase64(value as Uint8Array);
    case "float":
      return javaDouble(shortestFloat32(value as number));
    case "double":
      return javaDouble(value as number);
    default:
      return String(value);
  }
}

// Java prints whole doubles with ".0" ("1.0"); keep paths the same as Java writers'.
function javaDouble(v: number): string {
  return Number.isInteger(v) && Math.abs(v) < 1e7 ? v.toFixed(1) : String(v);
}
