import { type PrimitiveKind, parsePrimitive } from "../values";
import { TransformError } from "./errors";
import { type Transform, toTransform, transformToString } from "./transform";

const BUCKETABLE = new Set<PrimitiveKind>([
  "int",
  "long",
  "decimal",
  "date",
  "time",
  "timestamp",
  "timestamptz",
  "timestamp_ns",
  "timestamptz_ns",
  "string",
  "uuid",
  "fixed",
  "binary",
]);
const TRUNCATABLE = new Set<PrimitiveKind>(["int", "long", "decimal", "string", "binary"]);
const DATED = new Set<PrimitiveKind>([
  "date",
  "timestamp",
  "timestamptz",
  "timestamp_ns",
  "timestamptz_ns",
]);
const NOT_IDENTITY = new Set<PrimitiveKind>(["variant", "geometry", "geography"]);

/**
 * Whether the transform accepts values of the source type (spec "Partition Transforms").
 * Unknown transforms answer true, as Java's do: we cannot check them, and a metadata
 * reader must not reject a table because of them.
 */
export function canTransform(transform: Transform | string, sourceType: string): boolean {
  const t = toTransform(transform);
  if (typeof sourceType !== "string") return false;
  const kind = parsePrimitive(sourceType).kind;
  switch (t.kind) {
    case "identity":
      return !NOT_IDENTITY.has(kind);
    case "void":
    case "unknown":
      return true;
    case "bucket":
      return BUCKETABLE.has(kind);
    case "truncate":
      return TRUNCATABLE.has(kind);
    case "hour":
      return DATED.has(kind) && kind !== "date";
    default:
      return DATED.has(kind);
  }
}

/**
 * The type of the partition values a transform produces. `day` gives `date` (as Java and
 * PyIceberg do; the spec's table says int — same 4-byte days, but JSON and human strings
 * render a date). Unknown transforms give `string`, like Java's UnknownTransform, so a
 * partition type can still be built for metadata that names one.
 */
export function resultType(transform: Transform | string, sourceType: string): string {
  const t = toTransform(transform);
  if (t.kind !== "unknown" && t.kind !== "void" && !canTransform(t, sourceType)) {
    throw unsupportedType(t, sourceType);
  }
  switch (t.kind) {
    case "identity":
    case "truncate":
    case "void":
      return sourceType;
    case "bucket":
    case "year":
    case "month":
    case "hour":
      return "int";
    case "day":
      return "date";
    case "unknown":
      return "string";
  }
}

export function unsupportedType(t: Transform, sourceType: string): TransformError {
  const name = transformToString(t);
  return new TransformError(
    "unsupported-type",
    name,
    `Cannot apply ${name} to a ${sourceType} column`,
  );
}
