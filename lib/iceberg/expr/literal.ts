import { distinctValues } from "../transforms";
import {
  coerceValue,
  describeValue,
  isFloatingKind,
  type PrimitiveValue,
  parsePrimitive,
  ValueError,
} from "../values";
import { alwaysFalse, alwaysTrue, predicate } from "./build";
import { BindError } from "./errors";
import {
  type BoundExpr,
  type BoundPredicate,
  type BoundRef,
  isSet,
  isUnary,
  type LiteralOp,
  type UnboundPredicate,
} from "./types";

/** Integer-like types and their ranges: literals beyond them fold instead of failing. */
const RANGES: Record<string, [bigint, bigint]> = {
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  date: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

type Literal = { kind: "value"; value: PrimitiveValue } | { kind: "above" } | { kind: "below" };

/**
 * Binds one predicate to its resolved column: literals become values of the column type,
 * and predicates whose answer the type already decides fold to constants:
 * `isNaN` of a non-float column is false, `id < 2^40` on an int column is `notNull(id)`.
 */
export function bindPredicate(ref: BoundRef, pred: UnboundPredicate): BoundExpr {
  if (isUnary(pred)) return bindUnary(ref, pred.op);
  if (isSet(pred)) return bindSet(ref, pred.op, pred.values);
  if (pred.op === "startsWith" || pred.op === "notStartsWith")
    return bindPrefix(ref, pred.op, pred.value);
  const literal = toLiteral(ref, pred.value);
  if (literal.kind === "value") return predicate(pred.op, ref, literal.value) as BoundPredicate;
  return foldOutOfRange(ref, pred.op, literal.kind);
}

function bindUnary(ref: BoundRef, op: "isNull" | "notNull" | "isNaN" | "notNaN"): BoundExpr {
  const floating = isFloatingKind(parsePrimitive(ref.type).kind);
  if (op === "isNaN" && !floating) return alwaysFalse();
  if (op === "notNaN" && !floating) return alwaysTrue();
  return predicate<BoundRef, PrimitiveValue>(op, ref);
}

function bindPrefix(ref: BoundRef, op: "startsWith" | "notStartsWith", value: unknown): BoundExpr {
  if (parsePrimitive(ref.type).kind !== "string") {
    throw new BindError(
      "invalid-predicate",
      ref.name,
      `${op} needs a string column; "${ref.name}" is ${ref.type}`,
    );
  }
  if (typeof value !== "string") {
    throw new BindError(
      "invalid-literal",
      ref.name,
      `${op} on "${ref.name}" needs a string, got ${describeValue(value)}`,
    );
  }
  return predicate<BoundRef, PrimitiveValue>(op, ref, value);
}

function bindSet(ref: BoundRef, op: "in" | "notIn", values: unknown[]): BoundExpr {
  const inRange: PrimitiveValue[] = [];
  for (const v of values) {
    const literal = toLiteral(ref, v);
    if (literal.kind === "value") inRange.push(literal.value);
  }
  const distinct = distinctValues(ref.type, inRange);
  if (distinct.length === 0) return op === "in" ? alwaysFalse() : alwaysTrue();
  if (distinct.length === 1)
    return predicate(op === "in" ? "eq" : "notEq", ref, distinct[0]) as BoundPredicate;
  return predicate(op, ref, distinct) as BoundPredicate;
}

// Every column value lies inside the type's range, so a literal outside it decides the
// comparison for every non-null value (nulls still compare false).
function foldOutOfRange(ref: BoundRef, op: LiteralOp, side: "above" | "below"): BoundExpr {
  if (op === "notEq") return alwaysTrue();
  const alwaysForValues =
    side === "above" ? op === "lt" || op === "ltEq" : op === "gt" || op === "gtEq";
  return alwaysForValues ? predicate<BoundRef, PrimitiveValue>("notNull", ref) : alwaysFalse();
}

function toLiteral(ref: BoundRef, value: unknown): Literal {
  if (value === null || value === undefined) {
    throw new BindError(
      "invalid-literal",
      ref.name,
      `A null literal for "${ref.name}": use isNull/notNull`,
    );
  }
  if (typeof value === "number" && Number.isNaN(value)) {
    throw new BindError(
      "invalid-literal",
      ref.name,
      `A NaN literal for "${ref.name}": use isNaN/notNaN`,
    );
  }
  const side = outOfRange(ref.type, value);
  if (side) return { kind: side };
  try {
    return { kind: "value", value: coerceValue(ref.type, value) as PrimitiveValue };
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    throw new BindError(
      "invalid-literal",
      ref.name,
      `Cannot compare "${ref.name}" (${ref.type}) with ${describeValue(value)}: ${e.message}`,
    );
  }
}

function outOfRange(type: string, value: unknown): "above" | "below" | undefined {
  const range = RANGES[type];
  if (!range) return undefined;
  let n: bigint;
  if (typeof value === "bigint") n = value;
  else if (typeof value === "number" && Number.isInteger(value)) n = BigInt(value);
  else if (typeof value === "string" && /^-?\d+$/.test(value)) n = BigInt(value);
  else return undefined;
  return n > range[1] ? "above" : n < range[0] ? "below" : undefined;
}
