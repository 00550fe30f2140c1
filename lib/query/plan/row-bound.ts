/**
 * The most rows a query's result can have, when its top level says so: a LIMIT of a
 * plain number, or aggregates without GROUP BY (one row). Exec runs such a query to
 * completion instead of streaming it — streaming buys nothing for a small result and
 * costs DuckDB 3–6 ms a query (TPC-H at SF 1).
 */
import { isObject, type Json, type JsonObject } from "./json";
import { limitCount } from "./pushdown";

export function rowBound(statement: JsonObject, aggregates: Set<string>): number | undefined {
  const node = statement.node;
  if (!isObject(node)) return undefined;
  const modifiers = Array.isArray(node.modifiers) ? node.modifiers.filter(isObject) : [];
  const limit = modifiers.find((m) => m.type === "LIMIT_MODIFIER");
  const rows = limit ? limitCount(limit.limit) : undefined;
  if (rows !== undefined) return rows;
  return isSingleAggregate(node, aggregates) ? 1 : undefined;
}

/** `SELECT sum(x), max(y) FROM …` with no GROUP BY: one row, whatever the FROM holds. */
function isSingleAggregate(node: JsonObject, aggregates: Set<string>): boolean {
  if (node.type !== "SELECT_NODE" || node.aggregate_handling !== "STANDARD_HANDLING") return false;
  if (
    (Array.isArray(node.group_expressions) && node.group_expressions.length) ||
    (Array.isArray(node.group_sets) && node.group_sets.length)
  )
    return false;
  const found = { aggregate: false, window: false };
  scan(node.select_list, aggregates, found);
  return found.aggregate && !found.window;
}

function scan(
  value: Json | undefined,
  aggregates: Set<string>,
  found: { aggregate: boolean; window: boolean },
): void {
  if (Array.isArray(value)) {
    for (const v of value) scan(v, aggregates, found);
    return;
  }
  if (!isObject(value) || value.class === "SUBQUERY") return;
  if (value.class === "WINDOW") found.window = true;
  if (value.class === "FUNCTION" && aggregates.has(String(value.function_name).toLowerCase()))
    found.aggregate = true;
  for (const child of Object.values(value)) scan(child, aggregates, found);
}
