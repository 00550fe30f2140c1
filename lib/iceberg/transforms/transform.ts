import { TransformError } from "./errors";

/**
 * A partition (or sort) transform, parsed from its JSON string. Transforms we do not know
 * are kept as `unknown` so metadata that uses them still reads; scans ignore such fields
 * (spec: "Partition Transforms") and applying one throws.
 */
export type Transform =
  | { kind: "identity" }
  | { kind: "void" }
  | TimeTransform
  | { kind: "bucket"; numBuckets: number }
  | { kind: "truncate"; width: number }
  | { kind: "unknown"; text: string };

export type TimeTransform = { kind: "year" | "month" | "day" | "hour" };

const SIMPLE = new Set(["identity", "void", "year", "month", "day", "hour"]);
const PARAMETERIZED = /^(bucket|truncate)\[\s*(-?\d+)\s*\]$/;

/** Parses "identity", "bucket[16]", "truncate[4]", "day"…; case-insensitive, as Java is. */
export function parseTransform(text: string): Transform {
  const normalized = text.trim().toLowerCase();
  if (SIMPLE.has(normalized)) return { kind: normalized } as Transform;
  const m = PARAMETERIZED.exec(normalized);
  if (!m) return { kind: "unknown", text };
  const n = Number(m[2]);
  if (!Number.isSafeInteger(n) || n <= 0 || n > 2 ** 31 - 1) {
    throw new TransformError(
      "invalid-transform",
      text,
      `Invalid transform "${text}": ${m[1]} needs a positive int`,
    );
  }
  return m[1] === "bucket" ? { kind: "bucket", numBuckets: n } : { kind: "truncate", width: n };
}

/** Accepts either form, so callers can pass a spec's transform string directly. */
export function toTransform(transform: Transform | string): Transform {
  return typeof transform === "string" ? parseTransform(transform) : transform;
}

/** The JSON string of a transform (inverse of `parseTransform`). */
export function transformToString(transform: Transform): string {
  switch (transform.kind) {
    case "bucket":
      return `bucket[${transform.numBuckets}]`;
    case "truncate":
      return `truncate[${transform.width}]`;
    case "unknown":
      return transform.text;
    default:
      return transform.kind;
  }
}

export function isTimeTransform(transform: Transform): transform is TimeTransform {
  const k = transform.kind;
  return k === "year" || k === "month" || k === "day" || k === "hour";
}

/**
 * The name under which a spec may hold a transform of one source column only once:
 * year/month/day/hour share "time" (a spec partitioning `ts` by both day and hour is
 * redundant), every other transform is its own string.
 */
export function dedupName(transform: Transform | string): string {
  const t = toTransform(transform);
  return isTimeTransform(t) ? "time" : transformToString(t);
}

export function transformsEqual(a: Transform, b: Transform): boolean {
  return transformToString(a) === transformToString(b);
}
