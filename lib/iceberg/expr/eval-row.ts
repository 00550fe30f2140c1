import { comparePredicateValues, type PrimitiveValue } from "../values";
import { type BoundExpr, type BoundPredicate, isSet, isUnary } from "./types";

/**
 * A row as evaluators see it: field id → value in the in-memory representation
 * (values/value.ts). A missing id reads as null. Nested struct fields have their own ids,
 * so a row is flat (see `rowFromObject`).
 */
export type Row = ReadonlyMap<number, PrimitiveValue | null>;

/**
 * Evaluates a bound expression on one row. The semantics every other evaluator must agree
 * with (it is the reference in their tests):
 * - `isNull`/`notNull`/`isNaN`/`notNaN` test exactly that (`notNaN(null)` is true);
 * - `eq`, `lt`, `ltEq`, `gt`, `gtEq`, `in`, `startsWith` are false for null and NaN;
 * - `notEq`, `notIn`, `notStartsWith` are their negations, hence true for null and NaN;
 * - floats compare as numbers: −0 equals +0;
 * - `not` negates.
 */
export function evalRow(expr: BoundExpr, row: Row): boolean {
  switch (expr.kind) {
    case "true":
      return true;
    case "false":
      return false;
    case "and":
      return expr.children.every((child) => evalRow(child, row));
    case "or":
      return expr.children.some((child) => evalRow(child, row));
    case "not":
      return !evalRow(expr.child, row);
    default:
      return evalPredicate(expr, row.get(expr.ref.fieldId) ?? null);
  }
}

export function evalPredicate(pred: BoundPredicate, value: PrimitiveValue | null): boolean {
  const nan = typeof value === "number" && Number.isNaN(value);
  if (isUnary(pred)) {
    if (pred.op === "isNull" || pred.op === "notNull")
      return (value === null) === (pred.op === "isNull");
    return nan === (pred.op === "isNaN");
  }
  const negated = pred.op === "notEq" || pred.op === "notIn" || pred.op === "notStartsWith";
  if (value === null || nan) return negated;
  return positiveMatch(pred, value) !== negated;
}

// The un-negated form of the predicate on a value that is neither null nor NaN.
function positiveMatch(pred: BoundPredicate, value: PrimitiveValue): boolean {
  const type = pred.ref.type;
  if (isSet(pred)) return pred.values.some((v) => comparePredicateValues(type, value, v) === 0);
  if (isUnary(pred)) return false;
  if (pred.op === "startsWith" || pred.op === "notStartsWith") {
    return (value as string).startsWith(pred.value as string);
  }
  const c = comparePredicateValues(type, value, pred.value);
  switch (pred.op) {
    case "lt":
      return c < 0;
    case "ltEq":
      return c <= 0;
    case "gt":
      return c > 0;
    case "gtEq":
      return c >= 0;
    default: // eq, notEq
      return c === 0;
  }
}
