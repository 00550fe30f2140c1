/**
 * Partition values between Avro and memory. The in-memory form is
 * `lib/iceberg/values`' (see its `value.ts`); this file is the one place that knows how
 * each Iceberg type is laid out in Avro.
 */
import type { PrimitiveType } from "../spec/types";
import {
  checkValue,
  fromTwosComplement,
  parsePrimitive,
  uuidFromBytes,
  uuidToBytes,
} from "../values";
import { type AvroSchema, logicalTypeOf, nonNullBranch, typeNameOf } from "./avro/schema-json";
import { decimalRequiredBytes, toFixedTwosComplement } from "./decimal-bytes";
import { ManifestError } from "./errors";
import type { PartitionValue } from "./types";

const PLAIN_AVRO_TYPES: Record<string, PrimitiveType> = {
  boolean: "boolean",
  int: "int",
  long: "long",
  float: "float",
  double: "double",
  string: "string",
  bytes: "binary",
};

/** The Iceberg type a partition field's Avro schema stands for (logical types decide). */
export function icebergTypeOfAvro(fieldSchema: AvroSchema): PrimitiveType {
  const node = nonNullBranch(fieldSchema);
  const base = typeNameOf(node);
  const logical = logicalTypeOf(node);
  const attrs: Record<string, unknown> =
    typeof node === "object" && !Array.isArray(node) ? node : {};
  const utc = attrs["adjust-to-utc"] === true;
  if (logical === "decimal") return `decimal(${attrs.precision}, ${attrs.scale ?? 0})`;
  if (logical === "uuid") return "uuid";
  if (logical === "date" && base === "int") return "date";
  if (logical === "time-micros") return "time";
  if (logical === "timestamp-micros") return utc ? "timestamptz" : "timestamp";
  if (logical === "timestamp-nanos") return utc ? "timestamptz_ns" : "timestamp_ns";
  if (base === "fixed") return `fixed[${attrs.size}]`;
  const plain = PLAIN_AVRO_TYPES[base];
  if (plain) return plain;
  throw new ManifestError(
    "invalid-value",
    `partition field has unsupported Avro type ${JSON.stringify(node)}`,
  );
}

/** An Avro-decoded value (avsc: int → number, long → bigint, bytes/fixed → Buffer). */
export function fromAvroValue(type: PrimitiveType, value: unknown): PartitionValue {
  switch (parsePrimitive(type).kind) {
    case "long":
    case "time":
    case "timestamp":
    case "timestamptz":
    case "timestamp_ns":
    case "timestamptz_ns":
      return BigInt(value as bigint | number);
    case "uuid":
      return typeof value === "string" ? value.toLowerCase() : uuidFromBytes(value as Uint8Array);
    case "decimal":
      return fromTwosComplement(value as Uint8Array);
    case "fixed":
    case "binary":
      return Uint8Array.from(value as Uint8Array); // a copy, not a view of the whole block
    default:
      return value as PartitionValue;
  }
}

/** The value avsc must be given to write `value` under the schema `iceberg-to-avro` made. */
export function toAvroValue(type: PrimitiveType, value: PartitionValue): unknown {
  checkValue(type, value);
  const parsed = parsePrimitive(type);
  switch (parsed.kind) {
    case "uuid":
      return Buffer.from(uuidToBytes(value as string));
    case "decimal":
      return Buffer.from(
        toFixedTwosComplement(value as bigint, decimalRequiredBytes(parsed.precision)),
      );
    case "fixed":
    case "binary":
      return Buffer.from(value as Uint8Array);
    default:
      return value;
  }
}
