import {
  compareBytes,
  comparePredicateValues,
  compareUuidsSigned,
  fromBinary,
  type PrimitiveValue,
  parsePrimitive,
  utf8,
  ValueError,
} from "../values";
import { type BoundPredicate, isSet, isUnary } from "./types";

/**
 * Can a value in [lower, upper] satisfy the predicate? Shared by the metrics and manifest
 * evaluators. Only for predicates that need an ordinary (non-null, non-NaN) value to
 * match — lt, ltEq, gt, gtEq, eq, in, startsWith — plus notStartsWith, which callers must
 * only ask about once they know there are no nulls. A missing bound never excludes.
 *
 * Truncated string/binary bounds are safe here: a truncated lower bound is ≤ the true
 * minimum, a truncated upper bound is rounded up to ≥ the true maximum.
 */
export function boundsMightMatch(
  pred: BoundPredicate,
  lower: PrimitiveValue | undefined,
  upper: PrimitiveValue | undefined,
): boolean {
  const type = pred.ref.type;
  const byValue: Compare = (a, b) => comparePredicateValues(type, a, b);
  if (parsePrimitive(type).kind !== "uuid") return check(pred, lower, upper, byValue);
  // Java writers before Iceberg 1.11 ordered uuids as two signed longs, so a uuid's bounds
  // may be the min/max of either order. Membership (eq, in) is decided per order and
  // pruned only if both exclude; a range in the unsigned order says nothing about a
  // signed interval, so ranges on uuids never prune.
  if (pred.op !== "eq" && pred.op !== "in") return true;
  const bySignedLongs: Compare = (a, b) => compareUuidsSigned(a as string, b as string);
  return check(pred, lower, upper, byValue) || check(pred, lower, upper, bySignedLongs);
}

type Compare = (a: PrimitiveValue, b: PrimitiveValue) => number;

function check(
  pred: BoundPredicate,
  lower: PrimitiveValue | undefined,
  upper: PrimitiveValue | undefined,
  compare: Compare,
): boolean {
  const aboveLower = (v: PrimitiveValue, strict: boolean) =>
    lower === undefined || (strict ? compare(lower, v) < 0 : compare(lower, v) <= 0);
  const belowUpper = (v: PrimitiveValue, strict: boolean) =>
    upper === undefined || (strict ? compare(upper, v) > 0 : compare(upper, v) >= 0);
  if (isUnary(pred)) return true;
  if (isSet(pred))
    return (
      pred.op === "notIn" || pred.values.some((v) => aboveLower(v, false) && belowUpper(v, false))
    );
  switch (pred.op) {
    case "lt":
      return aboveLower(pred.value, true);
    case "ltEq":
      return aboveLower(pred.value, false);
    case "gt":
      return belowUpper(pred.value, true);
    case "gtEq":
      return belowUpper(pred.value, false);
    case "eq":
      return aboveLower(pred.value, false) && belowUpper(pred.value, false);
    case "startsWith":
      return prefixInRange(
        pred.value as string,
        lower as string | undefined,
        upper as string | undefined,
      );
    case "notStartsWith":
      return !allStartWith(
        pred.value as string,
        lower as string | undefined,
        upper as string | undefined,
      );
    default:
      return true;
  }
}

// Any s with lower ≤ s ≤ upper has lower[:n] ≤ s[:n] ≤ upper[:n] (n = prefix bytes), so a
// value starting with the prefix needs lower[:n] ≤ prefix ≤ upper[:n].
function prefixInRange(prefix: string, lower?: string, upper?: string): boolean {
  const p = utf8(prefix);
  if (lower !== undefined && compareBytes(utf8(lower).subarray(0, p.length), p) > 0) return false;
  if (upper !== undefined && compareBytes(utf8(upper).subarray(0, p.length), p) < 0) return false;
  return true;
}

// Strings starting with a prefix form one contiguous range, so if both bounds start with
// it, every value between them does too.
function allStartWith(prefix: string, lower?: string, upper?: string): boolean {
  return (
    lower !== undefined &&
    upper !== undefined &&
    lower.startsWith(prefix) &&
    upper.startsWith(prefix)
  );
}

/**
 * Decodes a binary bound, or `undefined` when it cannot help: absent, unreadable, or NaN
 * (the spec forbids NaN bounds, but some old writers produced them).
 */
export function decodeBound(
  type: string,
  bytes: Uint8Array | undefined,
): PrimitiveValue | undefined {
  if (bytes === undefined) return undefined;
  try {
    const value = fromBinary(type, bytes);
    return typeof value === "number" && Number.isNaN(value) ? undefined : value;
  } catch (e) {
    if (e instanceof ValueError) return undefined;
    throw e;
  }
}
