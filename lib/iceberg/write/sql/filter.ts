/**
 * A bound row filter as a DuckDB boolean expression with Iceberg's semantics (those of
 * `evalRow`): comparisons are false for NULL and NaN, the negated predicates (`notEq`,
 * `notIn`, `notStartsWith`) are their exact negations, and the result is never NULL —
 * so `WHERE f` and `WHERE NOT f` split a file's rows in two with nothing left over.
 */
import type { BoundExpr, BoundPredicate, BoundRef } from "../../expr";
import { isFloatingKind, type PrimitiveValue, parsePrimitive } from "../../values";
import { sqlLiteral } from "./literal";

/** How a column is reached in the row source, e.g. `"t"."address"."city"`. */
export type ColumnSql = (ref: BoundRef) => string;

export function filterSql(expr: BoundExpr, column: ColumnSql): string {
  switch (expr.kind) {
    case "true":
      return "TRUE";
    case "false":
      return "FALSE";
    case "and":
      return `(${expr.children.map((c) => filterSql(c, column)).join(" AND ")})`;
    case "or":
      return `(${expr.children.map((c) => filterSql(c, column)).join(" OR ")})`;
    case "not":
      return `(NOT ${filterSql(expr.child, column)})`;
    default:
      return predicateSql(expr, column(expr.ref));
  }
}

const NEGATED: Partial<Record<BoundPredicate["op"], BoundPredicate["op"]>> = {
  notEq: "eq",
  notIn: "in",
  notStartsWith: "startsWith",
  notNull: "isNull",
  notNaN: "isNaN",
};

function predicateSql(pred: BoundPredicate, col: string): string {
  const positive = NEGATED[pred.op];
  if (positive) return `(NOT ${predicateSql({ ...pred, op: positive } as BoundPredicate, col)})`;
  const floating = isFloatingKind(parsePrimitive(pred.ref.type).kind);
  if (pred.op === "isNull") return `(${col} IS NULL)`;
  if (pred.op === "isNaN") return floating ? `coalesce(isnan(${col}), FALSE)` : "FALSE";
  // DuckDB orders NaN above every number; Iceberg compares nothing with NaN
  const notNaN = floating ? ` AND NOT isnan(${col})` : "";
  return `coalesce(${comparisonSql(pred, col)}${notNaN}, FALSE)`;
}

const OPERATORS: Record<string, string> = { eq: "=", lt: "<", ltEq: "<=", gt: ">", gtEq: ">=" };

function comparisonSql(pred: BoundPredicate, col: string): string {
  const lit = (v: PrimitiveValue) => sqlLiteral(pred.ref.type, v);
  if (pred.op === "in") {
    if (!("values" in pred) || pred.values.length === 0) return "FALSE";
    return `${col} IN (${pred.values.map(lit).join(", ")})`;
  }
  if (!("value" in pred)) throw new Error(`unexpected predicate ${pred.op}`);
  if (pred.op === "startsWith") return `starts_with(${col}, ${lit(pred.value)})`;
  return `${col} ${OPERATORS[pred.op]} ${lit(pred.value)}`;
}
