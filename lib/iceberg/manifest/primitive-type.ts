/**
 * Parses a primitive type's JSON form ("decimal(9, 2)", "fixed[16]", "long") into a
 * shape the Avro mapping and the value conversions can switch on.
 */
import type { PrimitiveType } from "../spec/types";
import { ManifestError } from "./errors";

export type ParsedPrimitive =
  | { kind: "decimal"; precision: number; scale: number }
  | { kind: "fixed"; length: number }
  | {
      kind:
        | "boolean"
        | "int"
        | "long"
        | "float"
        | "double"
        | "date"
        | "time"
        | "timestamp"
        | "timestamptz"
        | "timestamp_ns"
        | "timestamptz_ns"
        | "string"
        | "uuid"
        | "binary"
        | "unknown";
    };

const SIMPLE = new Set([
  "boolean",
  "int",
  "long",
  "float",
  "double",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "timestamp_ns",
  "timestamptz_ns",
  "string",
  "uuid",
  "binary",
  "unknown",
]);

export function parsePrimitive(type: PrimitiveType): ParsedPrimitive {
  const text = type.trim();
  if (SIMPLE.has(text)) return { kind: text } as ParsedPrimitive;
  const decimal = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/.exec(text);
  if (decimal) return { kind: "decimal", precision: Number(decimal[1]), scale: Number(decimal[2]) };
  const fixed = /^fixed\[\s*(\d+)\s*\]$/.exec(text);
  if (fixed) return { kind: "fixed", length: Number(fixed[1]) };
  throw new ManifestError("invalid-input", `"${type}" is not a primitive type a partition can have`, {
    type,
  });
}
