import { isFloatingKind, parsePrimitive, type PrimitiveValue } from "../values";
import { alwaysFalse, alwaysTrue, and, or, predicate } from "./build";
import {
  type BoundExpr,
  type BoundPredicate,
  type BoundRef,
  isSet,
  isUnary,
  type Op,
} from "./types";

/**
 * Pushes every `not` down to the predicates and removes it, keeping the exact meaning under
 * the null/NaN semantics of `evalRow`. Inclusive evaluators need this: "might match" of
 * `not p` cannot be derived from "might match" of `p`.
 *
 * Ordering comparisons are false for null and NaN, so their negations say so explicitly:
 * `not(x < 5)` is `x >= 5 or x is null or x is NaN` — rewriting it to just `x >= 5`, as
 * Java does, would let a file of nulls be skipped though its rows match.
 */
export function rewriteNot(expr: BoundExpr): BoundExpr {
  switch (expr.kind) {
    case "true":
    case "false":
      return expr;
    case "and":
      return and(...expr.children.map(rewriteNot));
    case "or":
      return or(...expr.children.map(rewriteNot));
    case "not":
      return negate(expr.child);
    default:
      return expr;
  }
}

function negate(expr: BoundExpr): BoundExpr {
  switch (expr.kind) {
    case "true":
      return alwaysFalse();
    case "false":
      return alwaysTrue();
    case "and":
      return or(...expr.children.map(negate));
    case "or":
      return and(...expr.children.map(negate));
    case "not":
      return rewriteNot(expr.child);
    default:
      return negatePredicate(expr);
  }
}

const EXACT_NEGATION: Partial<Record<Op, Op>> = {
  isNull: "notNull",
  notNull: "isNull",
  isNaN: "notNaN",
  notNaN: "isNaN",
  eq: "notEq",
  notEq: "eq",
  in: "notIn",
  notIn: "in",
  startsWith: "notStartsWith",
  notStartsWith: "startsWith",
};

const FLIPPED_ORDER: Partial<Record<Op, Op>> = { lt: "gtEq", ltEq: "gt", gt: "ltEq", gtEq: "lt" };

function negatePredicate(pred: BoundPredicate): BoundExpr {
  const exact = EXACT_NEGATION[pred.op];
  if (exact) return { ...pred, op: exact } as BoundPredicate;
  if (isUnary(pred) || isSet(pred)) return pred; // unreachable: all are in EXACT_NEGATION
  const flipped = { ...pred, op: FLIPPED_ORDER[pred.op] } as BoundPredicate;
  return or(flipped, ...nullOrNaN(pred.ref));
}

function nullOrNaN(ref: BoundRef): BoundExpr[] {
  const isNull = predicate<BoundRef, PrimitiveValue>("isNull", ref);
  if (!isFloatingKind(parsePrimitive(ref.type).kind)) return [isNull];
  return [isNull, predicate<BoundRef, PrimitiveValue>("isNaN", ref)];
}
