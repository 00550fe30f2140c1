/**
 * The predicates the planner may hand to a federated table: a column, an operator and
 * typed literals. Anything more complex stays in the DuckDB query.
 */
import { AppError } from "@/lib/errors";

/** A literal with its SQL type, so it is bound as what it is (never spliced into text). */
export type PredicateValue =
  | { type: "boolean"; value: boolean }
  | { type: "integer"; value: bigint }
  /** Exact decimal text: "12.50", "-3". */
  | { type: "decimal"; value: string }
  | { type: "double"; value: number }
  | { type: "string"; value: string }
  /** "2024-06-01". */
  | { type: "date"; value: string }
  /** "2024-06-01 12:00:00[.ffffff]", no zone. */
  | { type: "timestamp"; value: string }
  /** "2024-06-01 12:00:00+02:00": a point in time. */
  | { type: "timestamptz"; value: string };

export type ComparisonOp = "=" | "<>" | "<" | "<=" | ">" | ">=";
export const COMPARISON_OPS: readonly ComparisonOp[] = ["=", "<>", "<", "<=", ">", ">="];

export type SimplePredicate =
  | { column: string; op: ComparisonOp; value: PredicateValue }
  | { column: string; op: "IS NULL" | "IS NOT NULL" }
  | { column: string; op: "IN"; values: PredicateValue[] }
  /** `column LIKE 'prefix%'`: the prefix is plain text, no wildcards of its own. */
  | { column: string; op: "LIKE"; prefix: string };

export type PredicateOp = SimplePredicate["op"];

const PATTERNS: Record<
  Exclude<PredicateValue["type"], "boolean" | "integer" | "double" | "string">,
  RegExp
> = {
  decimal: /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamp: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}(:?\d{2})?)$/,
};

/** Throws a bad_request when a literal's text does not have its type's shape. */
export function checkValue(value: PredicateValue): void {
  if (value.type === "double" && !Number.isFinite(value.value))
    throw new AppError("bad_request", "A federated filter cannot compare with NaN or infinity.");
  if (!(value.type in PATTERNS)) return;
  const pattern = PATTERNS[value.type as keyof typeof PATTERNS];
  if (!pattern.test(String(value.value)))
    throw new AppError("bad_request", `"${value.value}" is not a ${value.type} literal.`);
}

/** The literals of a predicate, whatever its kind. */
export function valuesOf(predicate: SimplePredicate): PredicateValue[] {
  if ("value" in predicate) return [predicate.value];
  if (predicate.op === "IN") return predicate.values;
  return [];
}
