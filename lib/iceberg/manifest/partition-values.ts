/**
 * Partition values between Avro and memory — the one place that decides their
 * in-memory form (see `PartitionValue` in types.ts), so it can be aligned with
 * `lib/iceberg/values` when that module lands.
 */
import type { PrimitiveType } from "../spec/types";
import { type AvroSchema, logicalTypeOf, nonNullBranch, typeNameOf } from "./avro/schema-json";
import { bytesToUnscaled, decimalRequiredBytes, unscaledToBytes } from "./decimal-bytes";
import { ManifestError } from "./errors";
import { parsePrimitive } from "./primitive-type";
import type { PartitionValue } from "./types";

/** The Iceberg type a partition field's Avro schema stands for (logical types decide). */
export function icebergTypeOfAvro(fieldSchema: AvroSchema): PrimitiveType {
  const node = nonNullBranch(fieldSchema);
  const base = typeNameOf(node);
  const logical = logicalTypeOf(node);
  const attrs: Record<string, unknown> = typeof node === "object" && !Array.isArray(node) ? node : {};
  const utc = attrs["adjust-to-utc"] === true;
  if (logical === "decimal") return `decimal(${attrs.precision}, ${attrs.scale ?? 0})`;
  if (logical === "uuid") return "uuid";
  if (logical === "date" && base === "int") return "date";
  if (logical === "time-micros") return "time";
  if (logical === "timestamp-micros") return utc ? "timestamptz" : "timestamp";
  if (logical === "timestamp-nanos") return utc ? "timestamptz_ns" : "timestamp_ns";
  const plain: Record<string, PrimitiveType> = {
    boolean: "boolean",
    int: "int",
    long: "long",
    float: "float",
    double: "double",
    string: "string",
    bytes: "binary",
  };
  if (base === "fixed") return `fixed[${attrs.size}]`;
  if (plain[base]) return plain[base];
  throw new ManifestError("invalid-value", `partition field has unsupported Avro type ${JSON.stringify(node)}`);
}

/** An Avro-decoded value (avsc: int → number, long → bigint, bytes/fixed → Buffer). */
export function fromAvroValue(type: PrimitiveType, value: unknown): PartitionValue {
  const parsed = parsePrimitive(type);
  switch (parsed.kind) {
    case "boolean":
    case "int":
    case "date":
    case "float":
    case "double":
      return value as boolean | number;
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return BigInt(value as bigint | number);
    case "string":
      return value as string;
    case "uuid":
      return typeof value === "string" ? value.toLowerCase() : formatUuid(value as Uint8Array);
    case "decimal":
      return unscaledToBytes(bytesToUnscaled(value as Uint8Array));
    default:
      return new Uint8Array(value as Uint8Array);
  }
}

/** The value avsc must be given to write `value` under the schema `toAvroSchema` made. */
export function toAvroValue(type: PrimitiveType, value: PartitionValue): unknown {
  const parsed = parsePrimitive(type);
  switch (parsed.kind) {
    case "int":
    case "date":
      return typeof value === "bigint" ? Number(value) : value;
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return typeof value === "number" ? BigInt(value) : value;
    case "uuid":
      return Buffer.from(typeof value === "string" ? parseUuid(value) : (value as Uint8Array));
    case "decimal":
      return Buffer.from(decimalToFixed(value, decimalRequiredBytes(parsed.precision)));
    case "fixed":
    case "binary":
      return value instanceof Uint8Array ? Buffer.from(value) : value;
    default:
      return value;
  }
}

/** Decimals may be given as unscaled bigint or as two's-complement bytes of any length. */
function decimalToFixed(value: PartitionValue, size: number): Uint8Array {
  const unscaled = typeof value === "bigint" ? value : bytesToUnscaled(value as Uint8Array);
  return unscaledToBytes(unscaled, size);
}

export function formatUuid(bytes: Uint8Array): string {
  const hex = Buffer.from(bytes).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function parseUuid(text: string): Uint8Array {
  const hex = text.replace(/-/g, "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) {
    throw new ManifestError("invalid-input", `"${text}" is not a UUID`);
  }
  return Uint8Array.from(Buffer.from(hex, "hex"));
}
