import type { PrimitiveValue } from "../values";

/**
 * The predicate model of scan planning.
 *
 * An expression is a tree of and/or/not over predicates, plus the constants true/false.
 * A predicate tests one column: unary (`isNull`, `notNull`, `isNaN`, `notNaN`), against
 * one literal (`eq` … `notStartsWith`) or against a set (`in`, `notIn`).
 *
 * Unbound expressions name columns (`ref: "a.b"`) and hold loose literals (`5`,
 * "2024-01-01"); `bind()` resolves names against a schema to a `BoundRef` (field id and
 * type) and literals to the column type's in-memory value (values/value.ts). Evaluators
 * and projection work on bound expressions only.
 *
 * Null and NaN semantics, which every evaluator keeps to (see eval-row.ts), are Iceberg's:
 * a comparison with a null or NaN value is false; `notEq`, `notIn`, `notStartsWith` are
 * the exact negations of `eq`, `in`, `startsWith`, so they are true for null and NaN.
 * Floats compare as numbers (−0 = +0). A translator from SQL must keep this in mind:
 * DuckDB orders NaN above every number, so its `x > 5` is `or(gt(x, 5), isNaN(x))` here.
 */
export type UnaryOp = "isNull" | "notNull" | "isNaN" | "notNaN";
export type LiteralOp =
  | "eq"
  | "notEq"
  | "lt"
  | "ltEq"
  | "gt"
  | "gtEq"
  | "startsWith"
  | "notStartsWith";
export type SetOp = "in" | "notIn";
export type Op = UnaryOp | LiteralOp | SetOp;

/** A column resolved against a schema (or a partition field resolved against a spec). */
export interface BoundRef {
  fieldId: number;
  /** Full dotted name, for messages and display. */
  name: string;
  /** Primitive type in JSON form ("long", "decimal(9,2)"). */
  type: string;
}

export interface UnaryPredicate<R> {
  kind: "predicate";
  op: UnaryOp;
  ref: R;
}

export interface LiteralPredicate<R, V> {
  kind: "predicate";
  op: LiteralOp;
  ref: R;
  value: V;
}

export interface SetPredicate<R, V> {
  kind: "predicate";
  op: SetOp;
  ref: R;
  values: V[];
}

export type Predicate<R, V> = UnaryPredicate<R> | LiteralPredicate<R, V> | SetPredicate<R, V>;

export type Expr<P> =
  | { kind: "true" }
  | { kind: "false" }
  | { kind: "and"; children: Expr<P>[] }
  | { kind: "or"; children: Expr<P>[] }
  | { kind: "not"; child: Expr<P> }
  | P;

export type UnboundPredicate = Predicate<string, unknown>;
export type BoundPredicate = Predicate<BoundRef, PrimitiveValue>;
export type UnboundExpr = Expr<UnboundPredicate>;
export type BoundExpr = Expr<BoundPredicate>;

export function isUnary<R, V>(p: Predicate<R, V>): p is UnaryPredicate<R> {
  return p.op === "isNull" || p.op === "notNull" || p.op === "isNaN" || p.op === "notNaN";
}

export function isSet<R, V>(p: Predicate<R, V>): p is SetPredicate<R, V> {
  return p.op === "in" || p.op === "notIn";
}

export function isLiteral<R, V>(p: Predicate<R, V>): p is LiteralPredicate<R, V> {
  return !isUnary(p) && !isSet(p);
}
