/**
 * TEMPORARY — to be replaced by lib/iceberg/values when it lands.
 *
 * The minimum the manifest writer needs to summarize partition values: order them and
 * encode a bound in single-value binary (spec Appendix D). It covers the partition
 * result types (every primitive) in this module's in-memory form (`PartitionValue`).
 */
import type { PrimitiveType } from "../spec/types";
import { bytesToUnscaled, unscaledToBytes } from "./decimal-bytes";
import { ManifestError } from "./errors";
import { parseUuid } from "./partition-values";
import { parsePrimitive } from "./primitive-type";
import type { PartitionValue } from "./types";

const utf8 = new TextEncoder();

export function encodeSingleValue(type: PrimitiveType, value: PartitionValue): Uint8Array {
  const parsed = parsePrimitive(type);
  switch (parsed.kind) {
    case "boolean":
      return Uint8Array.of(value ? 1 : 0);
    case "int":
    case "date":
      return littleEndian(4, (view) => view.setInt32(0, Number(value), true));
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return littleEndian(8, (view) => view.setBigInt64(0, BigInt(value as bigint), true));
    case "float":
      return littleEndian(4, (view) => view.setFloat32(0, value as number, true));
    case "double":
      return littleEndian(8, (view) => view.setFloat64(0, value as number, true));
    case "string":
      return utf8.encode(value as string);
    case "uuid":
      return typeof value === "string" ? parseUuid(value) : new Uint8Array(value as Uint8Array);
    case "decimal":
      return unscaledToBytes(toUnscaled(value));
    case "fixed":
    case "binary":
      return new Uint8Array(value as Uint8Array);
    default:
      throw new ManifestError("invalid-input", `cannot encode a partition value of type ${type}`);
  }
}

/**
 * Orders two non-null values of one type. Floats follow IEEE 754 totalOrder for the
 * zeros (-0.0 before +0.0, as bounds require); NaN never reaches here. Strings,
 * binary, fixed and uuid compare as unsigned bytes (for strings: UTF-8, which is
 * code-point order).
 */
export function compareValues(type: PrimitiveType, a: PartitionValue, b: PartitionValue): number {
  const parsed = parsePrimitive(type);
  switch (parsed.kind) {
    case "boolean":
      return Number(a) - Number(b);
    case "float":
    case "double":
      return compareFloats(a as number, b as number);
    case "decimal":
      return compareBigInts(toUnscaled(a), toUnscaled(b));
    case "string":
    case "uuid":
    case "fixed":
    case "binary":
      return compareBytes(encodeSingleValue(type, a), encodeSingleValue(type, b));
    default:
      return compareBigInts(BigInt(a as number | bigint), BigInt(b as number | bigint));
  }
}

export function isNaNValue(value: PartitionValue | null): boolean {
  return typeof value === "number" && Number.isNaN(value);
}

function compareFloats(a: number, b: number): number {
  if (a !== b) return a < b ? -1 : 1;
  if (a === 0) return Number(Object.is(b, -0)) - Number(Object.is(a, -0));
  return 0;
}

function compareBigInts(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

function toUnscaled(value: PartitionValue): bigint {
  return typeof value === "bigint" ? value : bytesToUnscaled(value as Uint8Array);
}

function littleEndian(size: number, write: (view: DataView) => void): Uint8Array {
  const out = new Uint8Array(size);
  write(new DataView(out.buffer));
  return out;
}
