import type { IcebergType } from "../spec/types";
import { ValueError } from "./errors";
import { type Primitive, parsePrimitive } from "./primitive";

/**
 * Iceberg values in memory — one representation per type, used by every part of the core
 * (transforms, bounds, predicates, defaults):
 *
 * | type                          | JS value                                              |
 * |-------------------------------|-------------------------------------------------------|
 * | boolean                       | `boolean`                                             |
 * | int                           | `number` (an integer in int32 range)                  |
 * | date                          | `number`: days from 1970-01-01                        |
 * | long                          | `bigint` (int64 range)                                |
 * | time                          | `bigint`: microseconds from midnight                  |
 * | timestamp, timestamptz        | `bigint`: microseconds from 1970-01-01T00:00 (UTC)    |
 * | timestamp_ns, timestamptz_ns  | `bigint`: nanoseconds from 1970-01-01T00:00 (UTC)     |
 * | float, double                 | `number` (NaN, ±Infinity and -0 allowed)              |
 * | decimal(P,S)                  | `bigint`: the **unscaled** value; the type gives S    |
 * | string                        | `string`                                              |
 * | uuid                          | `string`, canonical lowercase 8-4-4-4-12 form         |
 * | fixed[L], binary              | `Uint8Array` (a Buffer is fine: it is one)            |
 * | struct                        | `Map<fieldId, value>`                                 |
 * | list                          | `Array<value>`                                        |
 * | map                           | `Map<key, value>`                                     |
 *
 * `null` is the null of every type. Decimal as a bare unscaled bigint keeps arithmetic
 * (truncate, comparison, projection ±1) exact and cheap; a value never travels without
 * its type, and the type carries the scale. `14.20` in `decimal(9,2)` is `1420n`.
 */
export type PrimitiveValue = boolean | number | bigint | string | Uint8Array;

export type StructValue = Map<number, IcebergValue>;
export type IcebergValue =
  | PrimitiveValue
  | null
  | StructValue
  | IcebergValue[]
  | Map<IcebergValue, IcebergValue>;

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when `v` (non-null) has the in-memory representation of the primitive type. */
export function isValueOf(type: string, v: unknown): boolean {
  const p = parsePrimitive(type);
  return isValueOfPrimitive(p, v);
}

export function isValueOfPrimitive(p: Primitive, v: unknown): boolean {
  switch (p.kind) {
    case "boolean":
      return typeof v === "boolean";
    case "int":
    case "date":
      return Number.isInteger(v) && (v as number) >= INT_MIN && (v as number) <= INT_MAX;
    case "float":
    case "double":
      return typeof v === "number";
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return typeof v === "bigint" && v >= LONG_MIN && v <= LONG_MAX;
    case "decimal":
      return typeof v === "bigint" && fitsPrecision(v, p.precision);
    case "string":
      return typeof v === "string";
    case "uuid":
      return typeof v === "string" && UUID_TEXT.test(v);
    case "fixed":
      return v instanceof Uint8Array && v.length === p.length;
    case "binary":
      return v instanceof Uint8Array;
    default:
      return false;
  }
}

/** Throws a `ValueError("invalid-value")` unless `v` is null or a value of the type. */
export function checkValue(type: IcebergType, v: unknown): asserts v is IcebergValue {
  if (v === null || typeof type !== "string") return;
  if (!isValueOf(type, v)) {
    throw new ValueError("invalid-value", `${describeValue(v)} is not a ${type} value`, type);
  }
}

function fitsPrecision(unscaled: bigint, precision: number): boolean {
  const digits = (unscaled < 0n ? -unscaled : unscaled).toString().length;
  return digits <= Math.max(precision, 1);
}

/** A short description of a JS value for error messages (never the whole value). */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v instanceof Uint8Array) return `bytes(${v.length})`;
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === "object") return (v as object).constructor?.name ?? "object";
  return String(v);
}
