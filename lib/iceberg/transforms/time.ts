import {
  civilFromDays,
  floorDivBig,
  MICROS_PER_DAY,
  MICROS_PER_HOUR,
  type PrimitiveValue,
  parsePrimitive,
} from "../values";
import type { TimeTransform } from "./transform";

/**
 * year/month/day/hour of a date or timestamp, as ordinals from 1970: years, months or days
 * since 1970-01-01, hours since its midnight. Everything floors, so 1969 values are
 * negative (−1 µs → day −1, hour −1), never 0 as truncating division would give.
 */
export function applyTime(transform: TimeTransform, type: string, value: PrimitiveValue): number {
  const kind = parsePrimitive(type).kind;
  if (transform.kind === "hour") return Number(floorDivBig(toMicros(kind, value), MICROS_PER_HOUR));
  const days =
    kind === "date"
      ? (value as number)
      : Number(floorDivBig(toMicros(kind, value), MICROS_PER_DAY));
  if (transform.kind === "day") return days;
  const { year, month } = civilFromDays(days);
  return transform.kind === "year" ? year - 1970 : (year - 1970) * 12 + (month - 1);
}

function toMicros(kind: string, value: PrimitiveValue): bigint {
  if (kind === "timestamp_ns" || kind === "timestamptz_ns")
    return floorDivBig(value as bigint, 1000n);
  return value as bigint;
}
