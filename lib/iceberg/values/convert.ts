import { fromTwosComplement, parseDecimal, rescale } from "./decimal";
import { ValueError } from "./errors";
import { type Primitive, parsePrimitive } from "./primitive";
import { floorDiv, floorDivBig, parseDate, parseTimeOfDay, parseTimestamp } from "./temporal";
import { normalizeUuid, uuidFromBytes } from "./uuid";
import { describeValue, isValueOfPrimitive, type PrimitiveValue } from "./value";

/**
 * Brings a JS value from elsewhere — a predicate literal typed by a user, a DuckDB result
 * value, an Avro-decoded partition value — into the in-memory representation of `type`
 * (value.ts). Accepted inputs, beyond the representation itself:
 *
 * - int, long: integral number, bigint, or decimal-digit string;
 * - float, double: number or bigint;
 * - decimal: bigint = the **unscaled** value; number or string = the decimal number
 *   ("14.2" → 1420n in decimal(9,2), refused if it needs more digits than the scale);
 *   Uint8Array = two's-complement bytes (Avro); `{ value: bigint, scale }` (DuckDB);
 * - date: number of days, ISO string, JS `Date` (its UTC day), `{ days }` (DuckDB);
 * - time: bigint or number of µs, "HH:MM:SS[.ffffff]", `{ micros }` (DuckDB);
 * - timestamp*: bigint or number in the type's unit (µs, or ns for *_ns — as Avro and
 *   Parquet store them), ISO string (no offset = UTC), JS `Date`, `{ micros }`/`{ nanos }`;
 * - uuid: string in any case, 16 bytes, or an object whose `toString()` is a UUID (DuckDB);
 * - fixed, binary: Uint8Array / Buffer, ArrayBuffer, `{ bytes }` (DuckDB blob).
 *
 * Throws `ValueError("invalid-value")` otherwise. `null`/`undefined` become `null`.
 */
export function coerceValue(type: string, input: unknown): PrimitiveValue | null {
  if (input === null || input === undefined) return null;
  const p = parsePrimitive(type);
  const value = convert(p, type, input);
  if (value === undefined || !isValueOfPrimitive(p, value)) {
    throw new ValueError(
      "invalid-value",
      `${describeValue(input)} cannot be a ${type} value`,
      type,
    );
  }
  return value;
}

function convert(p: Primitive, type: string, input: unknown): PrimitiveValue | undefined {
  switch (p.kind) {
    case "boolean":
      return typeof input === "boolean" ? input : undefined;
    case "int":
      return toInteger(input, Number);
    case "long":
      return toInteger(input, BigInt);
    case "float":
    case "double":
      return typeof input === "number"
        ? input
        : typeof input === "bigint"
          ? Number(input)
          : undefined;
    case "decimal":
      return toDecimal(input, p.scale);
    case "date":
      return toDate(input);
    case "time":
      return toTime(input);
    case "timestamp":
    case "timestamptz":
      return toTimestamp(input, 6, type);
    case "timestamp_ns":
    case "timestamptz_ns":
      return toTimestamp(input, 9, type);
    case "string":
      return typeof input === "string" ? input : undefined;
    case "uuid":
      return toUuid(input);
    case "fixed":
    case "binary":
      return toBytes(input);
    default:
      return undefined;
  }
}

function toInteger<T>(input: unknown, make: (v: number | bigint | string) => T): T | undefined {
  if (typeof input === "number" && Number.isInteger(input)) return make(input);
  if (typeof input === "bigint") return make(input);
  if (typeof input === "string" && /^-?\d+$/.test(input)) return make(BigInt(input));
  return undefined;
}

function toDecimal(input: unknown, scale: number): bigint | undefined {
  if (typeof input === "bigint") return input;
  if (typeof input === "number" || typeof input === "string") {
    if (typeof input === "number" && !Number.isFinite(input)) return undefined;
    const parsed = parseDecimal(String(input));
    return rescale(parsed.unscaled, parsed.scale, scale);
  }
  if (input instanceof Uint8Array) return fromTwosComplement(input);
  const duck = input as { value?: unknown; scale?: unknown };
  if (typeof duck?.value === "bigint" && typeof duck.scale === "number") {
    return rescale(duck.value, duck.scale, scale);
  }
  return undefined;
}

const MS_PER_DAY = 86_400_000;

function toDate(input: unknown): number | undefined {
  if (typeof input === "number") return input;
  if (typeof input === "string") return parseDate(input);
  if (input instanceof Date) return floorDiv(input.getTime(), MS_PER_DAY);
  const days = (input as { days?: unknown })?.days;
  return typeof days === "number" ? days : undefined;
}

function toTime(input: unknown): bigint | undefined {
  if (typeof input === "bigint") return input;
  if (typeof input === "number" && Number.isInteger(input)) return BigInt(input);
  if (typeof input === "string") return parseTimeOfDay(input, 6);
  const micros = (input as { micros?: unknown })?.micros;
  return typeof micros === "bigint" ? micros : undefined;
}

function toTimestamp(input: unknown, digits: 6 | 9, type: string): bigint | undefined {
  if (typeof input === "bigint") return input;
  if (typeof input === "number" && Number.isInteger(input)) return BigInt(input);
  if (typeof input === "string") return parseTimestamp(input, digits, "optional", type);
  const perMilli = digits === 6 ? 1_000n : 1_000_000n;
  if (input instanceof Date) return BigInt(input.getTime()) * perMilli;
  const duck = input as { micros?: unknown; nanos?: unknown };
  if (typeof duck?.nanos === "bigint")
    return digits === 9 ? duck.nanos : floorDivBig(duck.nanos, 1_000n);
  if (typeof duck?.micros === "bigint") return digits === 6 ? duck.micros : duck.micros * 1_000n;
  return undefined;
}

function toUuid(input: unknown): string | undefined {
  if (typeof input === "string") return normalizeUuid(input);
  if (input instanceof Uint8Array) return uuidFromBytes(input);
  if (typeof (input as { toUint128?: unknown })?.toUint128 === "function") {
    return normalizeUuid(String(input));
  }
  return undefined;
}

function toBytes(input: unknown): Uint8Array | undefined {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  const bytes = (input as { bytes?: unknown })?.bytes;
  return bytes instanceof Uint8Array ? bytes : undefined;
}
