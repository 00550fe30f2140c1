import type { IcebergType } from "../spec/types";
import { ValueError } from "./errors";

/**
 * A primitive type, parsed out of its JSON string ("decimal(9, 2)" → precision 9, scale 2).
 * Parsing is cached: evaluators call this for every bound they decode.
 */
export type Primitive =
  | { kind: "boolean" | "int" | "long" | "float" | "double" }
  | { kind: "date" | "time" | "timestamp" | "timestamptz" | "timestamp_ns" | "timestamptz_ns" }
  | { kind: "string" | "uuid" | "binary" }
  | { kind: "decimal"; precision: number; scale: number }
  | { kind: "fixed"; length: number }
  /** v3 types we can name but hold no values for (besides null). */
  | { kind: "unknown" | "variant" | "geometry" | "geography" };

export type PrimitiveKind = Primitive["kind"];

const SIMPLE_KINDS = new Set<string>([
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
  "variant",
]);

const DECIMAL = /^decimal\(\s*(\d+)\s*,\s*(-?\d+)\s*\)$/;
const FIXED = /^fixed\[\s*(\d+)\s*\]$/;
const GEO = /^(geometry|geography)(\(.*\))?$/;

const cache = new Map<string, Primitive>();

/** Parses a primitive type string; throws `ValueError("invalid-type")` for anything else. */
export function parsePrimitive(type: IcebergType): Primitive {
  if (typeof type !== "string") {
    throw new ValueError("invalid-type", `Expected a primitive type, got a ${type.type}`);
  }
  const cached = cache.get(type);
  if (cached) return cached;
  const parsed = parseUncached(type.trim());
  cache.set(type, parsed);
  return parsed;
}

function parseUncached(type: string): Primitive {
  if (SIMPLE_KINDS.has(type)) return { kind: type } as Primitive;
  const decimal = DECIMAL.exec(type);
  if (decimal) return { kind: "decimal", precision: Number(decimal[1]), scale: Number(decimal[2]) };
  const fixed = FIXED.exec(type);
  if (fixed) return { kind: "fixed", length: Number(fixed[1]) };
  const geo = GEO.exec(type);
  if (geo) return { kind: geo[1] as "geometry" | "geography" };
  throw new ValueError("invalid-type", `Unknown Iceberg primitive type "${type}"`, type);
}

export function isPrimitiveType(type: IcebergType): type is string {
  return typeof type === "string";
}

/** float and double: the types that have NaN. */
export function isFloatingKind(kind: PrimitiveKind): boolean {
  return kind === "float" || kind === "double";
}

/** Types whose values are held as bigint (see value.ts). */
export function isBigIntKind(kind: PrimitiveKind): boolean {
  return (
    kind === "long" ||
    kind === "time" ||
    kind === "timestamp" ||
    kind === "timestamptz" ||
    kind === "timestamp_ns" ||
    kind === "timestamptz_ns" ||
    kind === "decimal"
  );
}

export function isNanosKind(kind: PrimitiveKind): boolean {
  return kind === "timestamp_ns" || kind === "timestamptz_ns";
}

export function isTimestampKind(kind: PrimitiveKind): boolean {
  return (
    kind === "timestamp" || kind === "timestamptz" || kind === "timestamp_ns" || isNanosKind(kind)
  );
}
