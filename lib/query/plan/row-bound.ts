/**
 * What a query's top level says about its result, for exec to choose between streaming
 * it and running it to the end (streaming costs DuckDB 3–6 ms a query on TPC-H at SF 1):
 * - `rowBound`: the most rows it can have — a LIMIT of a plain number, or aggregates
 *   without GROUP BY (one row);
 * - `isGrouped`: GROUP BY at the top: no row exists before the aggregate has read all its
 *   input, so streaming would not show the first rows any sooner.
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

/** `SELECT k, sum(x) FROM … GROUP BY k` (also GROUP BY ALL, ROLLUP, CUBE, GROUPING SETS). */
export function isGrouped(statement: JsonObject): boolean {
  const node = statement.node;
  if (!isObject(node) || node.type !== "SELECT_NODE") return false;
  return hasGroups(node) || node.aggregate_handling === "FORCE_AGGREGATES";
}

/** `SELECT sum(x), max(y) FROM …` with no GROUP BY: one row, whatever the FROM holds. */
function isSingleAggregate(node: JsonObject, aggregates: Set<string>): boolean {
  if (
    node.type !== "SELECT_NODE" ||
    node.aggregate_handling !== "STANDARD_HANDLING" ||
    hasGroups(node)
  )
    return false;
  const found = { aggregate: false, window: false };
  scan(node.select_list, aggregates, found);
  return found.aggregate && !found.window;
}

function hasGroups(node: JsonObject): boolean {
  const nonEmpty = (list: unknown) => Array.isArray(list) && list.length > 0;
  return nonEmpty(node.group_expressions) || nonEmpty(node.group_sets);
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
