import type { BoundPredicate, BoundRef, LiteralOp, SetPredicate } from "../expr/types";
import { isSet, isUnary } from "../expr/types";
import { compareValues, type PrimitiveValue, parsePrimitive, truncateCodePoints } from "../values";
import { applyTransform } from "./apply";
import { canTransform, resultType } from "./result-type";
import { isTimeTransform, type Transform, toTransform } from "./transform";

/**
 * Inclusive projection (Iceberg's `Transform.project`): turns a predicate on a source column
 * into a predicate on one partition field that is true for the partition of **every** row
 * the original predicate is true for. Files whose partition fails it cannot match.
 * `null` means "no useful projection" — treat it as true.
 *
 * - identity: the same predicate.
 * - bucket: only `eq` and `in` (hashing keeps no order).
 * - truncate and year/month/day/hour: ranges widen to whole partitions — `x < v` becomes
 *   `p ≤ T(v − 1)` (integers) or `p ≤ T(v)`; `x > v` becomes `p ≥ T(v + 1)` or `p ≥ T(v)`.
 *   Strings also project `startsWith`/`notStartsWith` when the prefix fits the width.
 * - void, unknown: nothing.
 * `notEq`/`notIn` never project through a lossy transform: one partition holds many values.
 */
export function projectInclusive(
  transform: Transform | string,
  pred: BoundPredicate,
  partition: { fieldId: number; name: string },
): BoundPredicate | null {
  const t = toTransform(transform);
  const sourceType = pred.ref.type;
  if (t.kind === "void" || t.kind === "unknown" || !canTransform(t, sourceType)) return null;
  const ref: BoundRef = { ...partition, type: resultType(t, sourceType) };
  if (t.kind === "identity") return { ...pred, ref };
  if (isUnary(pred)) return pred.op === "isNull" || pred.op === "notNull" ? { ...pred, ref } : null;
  if (t.kind === "bucket") return projectBucket(t, pred, ref);
  const kind = parsePrimitive(sourceType).kind;
  if (kind === "string" || kind === "binary") return projectPrefixed(t, pred, ref);
  const projected = projectOrdered(t, pred, ref);
  return isTimeTransform(t) ? widenForPre1970Bug(projected) : projected;
}

function projectBucket(t: Transform, pred: BoundPredicate, ref: BoundRef): BoundPredicate | null {
  if (pred.op === "eq") return { ...pred, ref, value: apply(t, pred.ref, pred.value) };
  if (pred.op === "in") return projectSet(t, pred as SetPredicate<BoundRef, PrimitiveValue>, ref);
  return null;
}

/** int/long/decimal under truncate, date/timestamps under year/month/day/hour. */
function projectOrdered(t: Transform, pred: BoundPredicate, ref: BoundRef): BoundPredicate | null {
  if (isSet(pred)) return pred.op === "in" ? projectSet(t, pred, ref) : null;
  if (isUnary(pred)) return null;
  const at = (op: LiteralOp, v: PrimitiveValue): BoundPredicate => ({
    kind: "predicate",
    op,
    ref,
    value: apply(t, pred.ref, v),
  });
  switch (pred.op) {
    case "lt":
      return at("ltEq", step(pred.value, -1));
    case "ltEq":
      return at("ltEq", pred.value);
    case "gt":
      return at("gtEq", step(pred.value, 1));
    case "gtEq":
      return at("gtEq", pred.value);
    case "eq":
      return at("eq", pred.value);
    default:
      return null;
  }
}

/** string/binary under truncate: truncation keeps order, and prefixes up to W survive. */
function projectPrefixed(t: Transform, pred: BoundPredicate, ref: BoundRef): BoundPredicate | null {
  if (isSet(pred)) return pred.op === "in" ? projectSet(t, pred, ref) : null;
  if (isUnary(pred) || t.kind !== "truncate") return null;
  const truncated = apply(t, pred.ref, pred.value);
  switch (pred.op) {
    case "lt":
    case "ltEq":
      return { ...pred, ref, op: "ltEq", value: truncated };
    case "gt":
    case "gtEq":
      return { ...pred, ref, op: "gtEq", value: truncated };
    case "eq":
      return { ...pred, ref, value: truncated };
    case "startsWith":
    case "notStartsWith":
      if (typeof pred.value !== "string") return null;
      return projectPrefix(pred.op, pred.value, t.width, ref);
    default:
      return null;
  }
}

/**
 * A row starting with prefix p (length < W) has a partition value starting with p, and
 * only then; with length == W the partition value *is* p. A longer prefix still tells us
 * the partition value must be T(p) — but says nothing for `notStartsWith`.
 */
function projectPrefix(
  op: "startsWith" | "notStartsWith",
  prefix: string,
  width: number,
  ref: BoundRef,
): BoundPredicate | null {
  const truncated = truncateCodePoints(prefix, width);
  if (truncated.length === prefix.length) {
    // the prefix fits: shorter than W keeps the prefix test, exactly W is an equality
    const fits = truncateCodePoints(prefix, width - 1).length === prefix.length;
    if (fits) return { kind: "predicate", op, ref, value: prefix };
    return { kind: "predicate", op: op === "startsWith" ? "eq" : "notEq", ref, value: prefix };
  }
  return op === "startsWith" ? { kind: "predicate", op: "eq", ref, value: truncated } : null;
}

function projectSet(
  t: Transform,
  pred: SetPredicate<BoundRef, PrimitiveValue>,
  ref: BoundRef,
): BoundPredicate {
  const values = pred.values.map((v) => apply(t, pred.ref, v));
  return { kind: "predicate", op: "in", ref, values: distinctValues(ref.type, values) };
}

function apply(t: Transform, source: BoundRef, value: PrimitiveValue): PrimitiveValue {
  return applyTransform(t, source.type, value) as PrimitiveValue;
}

/** The next or previous representable value of an integer-like type (int, date, bigints). */
function step(value: PrimitiveValue, by: 1 | -1): PrimitiveValue {
  return typeof value === "bigint" ? value + BigInt(by) : (value as number) + by;
}

/**
 * Iceberg writers before 0.13 computed year/month/day/hour of pre-1970 values by
 * truncating toward zero, so such rows sit one partition *later* than the spec says.
 * Like Java, widen negative projections by one so those files are never skipped.
 */
function widenForPre1970Bug(pred: BoundPredicate | null): BoundPredicate | null {
  if (pred === null || isUnary(pred)) return pred;
  if (isSet(pred)) {
    const widened = pred.values.flatMap((v) => ((v as number) < 0 ? [v, (v as number) + 1] : [v]));
    return { ...pred, values: distinctValues(pred.ref.type, widened) };
  }
  const v = pred.value as number;
  if (v >= 0) return pred;
  if (pred.op === "eq") return { kind: "predicate", op: "in", ref: pred.ref, values: [v, v + 1] };
  if (pred.op === "ltEq" || pred.op === "lt") return { ...pred, value: v + 1 };
  return pred;
}

/** Sorted, without duplicates: projected sets often collapse (many values, one bucket). */
export function distinctValues(type: string, values: PrimitiveValue[]): PrimitiveValue[] {
  const sorted = [...values].sort((a, b) => compareValues(type, a, b));
  return sorted.filter((v, i) => i === 0 || compareValues(type, sorted[i - 1], v) !== 0);
}
