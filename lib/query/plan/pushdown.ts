/**
 * The LIMIT a federated table may take: where a SELECT reads only that table and every
 * conjunct of its WHERE was pushed (the predicates themselves come from lib/query/federated's
 * `wherePredicates`, select.ts), the relation holds exactly the rows the SELECT filters, so
 * it needs no more than LIMIT + OFFSET of them.
 */
import { isObject, type Json, type JsonObject, RawNumber } from "./json";

/** SELECT nodes whose FROM is one table reference, by that reference's node. */
export function singleTableSelects(root: Json, out = new Map<JsonObject, JsonObject>()): Map<JsonObject, JsonObject> {
  if (Array.isArray(root)) for (const item of root) singleTableSelects(item, out);
  else if (isObject(root)) {
    if (root.type === "SELECT_NODE" && isObject(root.from_table) && root.from_table.type === "BASE_TABLE") out.set(root.from_table, root);
    for (const child of Object.values(root)) singleTableSelects(child, out);
  }
  return out;
}

function conjuncts(expr: Json | undefined): JsonObject[] {
  if (!isObject(expr)) return [];
  if (expr.class === "CONJUNCTION" && expr.type === "CONJUNCTION_AND" && Array.isArray(expr.children)) return expr.children.flatMap(conjuncts);
  return [expr];
}

/**
 * The rows a single-table SELECT needs at most: its LIMIT (plus OFFSET) when nothing
 * between the table and the LIMIT can drop, merge or reorder rows — no DISTINCT, ORDER
 * BY, GROUP BY, HAVING, QUALIFY, sample, aggregate or window function, and a WHERE
 * clause made only of the pushed predicates. `aggregates`: names of aggregate functions.
 */
export function simpleLimit(select: JsonObject, pushed: number, aggregates: Set<string>): number | undefined {
  const modifiers = Array.isArray(select.modifiers) ? select.modifiers.filter(isObject) : [];
  const limit = modifiers.find((m) => m.type === "LIMIT_MODIFIER");
  if (!limit || modifiers.some((m) => m.type !== "LIMIT_MODIFIER")) return undefined;
  if (conjuncts(select.where_clause).length !== pushed) return undefined;
  const grouped = (Array.isArray(select.group_expressions) && select.group_expressions.length) || select.having || select.qualify || select.sample;
  if (grouped || select.aggregate_handling !== "STANDARD_HANDLING" || hasAggregate(select.select_list, aggregates)) return undefined;
  const rows = limitCount(limit.limit);
  const offset = limit.offset == null ? 0 : limitCount(limit.offset);
  return rows === undefined || offset === undefined ? undefined : rows + offset;
}

/** A LIMIT or OFFSET written as a plain non-negative integer. */
export function limitCount(expr: Json | undefined): number | undefined {
  if (!isObject(expr) || expr.class !== "CONSTANT" || !isObject(expr.value) || expr.value.is_null === true || !isObject(expr.value.type)) return undefined;
  if (!["INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT"].includes(String(expr.value.type.id))) return undefined;
  const v = expr.value.value;
  const text = v instanceof RawNumber ? v.text : String(v);
  if (!/^\d+$/.test(text) || BigInt(text) > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(text);
}

function hasAggregate(value: Json | undefined, aggregates: Set<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => hasAggregate(v, aggregates));
  if (!isObject(value)) return false;
  if (value.class === "WINDOW" || value.class === "SUBQUERY") return true;
  if (value.class === "FUNCTION" && aggregates.has(String(value.function_name).toLowerCase())) return true;
  return Object.values(value).some((v) => hasAggregate(v, aggregates));
}
