import { fromUtf8, utf8, viewOf } from "./bytes";
import { fromTwosComplement, toMinTwosComplement } from "./decimal";
import { ValueError } from "./errors";
import { type Primitive, parsePrimitive } from "./primitive";
import { uuidFromBytes, uuidToBytes } from "./uuid";
import { checkValue, type PrimitiveValue } from "./value";

/**
 * Binary single-value serialization (spec Appendix D): how lower/upper bounds and
 * manifest-list partition summaries store one value.
 */

/** Serializes a non-null primitive value of `type`. */
export function toBinary(type: string, value: PrimitiveValue): Uint8Array {
  checkValue(type, value);
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
      return Uint8Array.of(value ? 1 : 0);
    case "int":
    case "date":
      return littleEndian(4, (view) => view.setInt32(0, value as number, true));
    case "float":
      return littleEndian(4, (view) => view.setFloat32(0, value as number, true));
    case "double":
      return littleEndian(8, (view) => view.setFloat64(0, value as number, true));
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return littleEndian(8, (view) => view.setBigInt64(0, value as bigint, true));
    case "decimal":
      return toMinTwosComplement(value as bigint);
    case "string":
      return utf8(value as string);
    case "uuid":
      return uuidToBytes(value as string);
    case "fixed":
    case "binary":
      return Uint8Array.from(value as Uint8Array);
    default:
      throw unsupported(p);
  }
}

/**
 * Reads a value written by `toBinary`. Also reads bounds written before a type promotion:
 * 4 bytes for a long (was int) or a double (was float), as the spec allows int→long and
 * float→double evolution without rewriting manifests.
 */
export function fromBinary(type: string, bytes: Uint8Array): PrimitiveValue {
  const p = parsePrimitive(type);
  switch (p.kind) {
    case "boolean":
      return read(p, bytes, 1, () => bytes[0] !== 0);
    case "int":
    case "date":
      return read(p, bytes, 4, (view) => view.getInt32(0, true));
    case "float":
      return read(p, bytes, 4, (view) => view.getFloat32(0, true));
    case "double":
      if (bytes.length === 4) return viewOf(bytes).getFloat32(0, true);
      return read(p, bytes, 8, (view) => view.getFloat64(0, true));
    case "long":
      if (bytes.length === 4) return BigInt(viewOf(bytes).getInt32(0, true));
      return read(p, bytes, 8, (view) => view.getBigInt64(0, true));
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return read(p, bytes, 8, (view) => view.getBigInt64(0, true));
    case "decimal":
      return fromTwosComplement(bytes);
    case "string":
      return fromUtf8(bytes);
    case "uuid":
      return uuidFromBytes(bytes);
    case "fixed":
    case "binary":
      return Uint8Array.from(bytes);
    default:
      throw unsupported(p);
  }
}

function littleEndian(length: number, write: (view: DataView) => void): Uint8Array {
  const bytes = new Uint8Array(length);
  write(viewOf(bytes));
  return bytes;
}

function read<T>(p: Primitive, bytes: Uint8Array, length: number, get: (view: DataView) => T): T {
  if (bytes.length !== length) {
    throw new ValueError(
      "invalid-encoding",
      `A ${p.kind} value has ${length} bytes in binary form, got ${bytes.length}`,
      p.kind,
    );
  }
  return get(viewOf(bytes));
}

function unsupported(p: Primitive): ValueError {
  return new ValueError("unsupported", `No binary single-value form for ${p.kind}`, p.kind);
}
