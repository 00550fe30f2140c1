import type { PrimitiveValue } from "../values";
import { TransformError } from "./errors";
import { hashValue } from "./hash";
import { canTransform, unsupportedType } from "./result-type";
import { applyTime } from "./time";
import { type Transform, toTransform } from "./transform";
import { applyTruncate } from "./truncate";

/**
 * Applies a transform to one value of the source type (in-memory representation, see
 * values/value.ts) and returns the partition value (of `resultType`). `null` maps to
 * `null` for every transform; `void` maps everything to `null`.
 */
export function applyTransform(
  transform: Transform | string,
  sourceType: string,
  value: PrimitiveValue | null,
): PrimitiveValue | null {
  const t = toTransform(transform);
  if (t.kind === "unknown") {
    throw new TransformError(
      "unknown-transform",
      t.text,
      `Cannot apply the unknown transform "${t.text}"; tables using it can be read, not written`,
    );
  }
  if (!canTransform(t, sourceType)) throw unsupportedType(t, sourceType);
  if (value === null || t.kind === "void") return null;
  switch (t.kind) {
    case "identity":
      return value;
    case "bucket":
      return bucketOf(t.numBuckets, hashValue(sourceType, value));
    case "truncate":
      return applyTruncate(t.width, sourceType, value);
    default:
      return applyTime(t, sourceType, value);
  }
}

/** `(hash & Integer.MAX_VALUE) % N`: drop the sign bit, then take the remainder. */
export function bucketOf(numBuckets: number, hash: number): number {
  return (hash & 0x7fffffff) % numBuckets;
}
