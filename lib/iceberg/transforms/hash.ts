import {
  floorDivBig,
  type PrimitiveValue,
  parsePrimitive,
  toMinTwosComplement,
  utf8,
  uuidToBytes,
} from "../values";
import { TransformError } from "./errors";
import { murmur3x86_32 } from "./murmur3";

/**
 * The 32-bit hash of a value (spec Appendix B). Integers of every width hash as 8-byte
 * little-endian longs, so promoting int→long (or float→double) never moves a row to
 * another bucket; nanosecond timestamps are floored to micros for the same reason.
 */
export function hashValue(type: string, value: PrimitiveValue): number {
  const kind = parsePrimitive(type).kind;
  switch (kind) {
    case "int":
    case "date":
      return hashLong(BigInt(value as number));
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
      return hashLong(value as bigint);
    case "timestamp_ns":
    case "timestamptz_ns":
      return hashLong(floorDivBig(value as bigint, 1000n));
    case "decimal":
      return murmur3x86_32(toMinTwosComplement(value as bigint));
    case "string":
      return murmur3x86_32(utf8(value as string));
    case "uuid":
      return murmur3x86_32(uuidToBytes(value as string));
    case "fixed":
    case "binary":
      return murmur3x86_32(value as Uint8Array);
    case "boolean":
      return hashLong(value ? 1n : 0n);
    case "float":
    case "double":
      return hashLong(doubleBits(value as number));
    default:
      throw new TransformError("unsupported-type", "bucket", `Values of ${type} have no hash`);
  }
}

export function hashLong(v: bigint): number {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, v), true);
  return murmur3x86_32(bytes);
}

// doubleToLongBits, with every NaN canonical and −0 hashed as +0 (Appendix B note 5).
function doubleBits(v: number): bigint {
  if (Number.isNaN(v)) return 0x7ff8000000000000n;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v === 0 ? 0 : v); // v === 0 also holds for −0
  return view.getBigInt64(0);
}
