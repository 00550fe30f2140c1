/**
 * Simple predicates for a federated table: where a SELECT reads only that table, the
 * conjuncts of its WHERE clause of the form `column <op> literal`, `column IS [NOT] NULL`
 * (column of that table, literal a plain constant or a typed string like DATE '…') are
 * handed to lib/query/federated, which sends what the source compares exactly as DuckDB
 * would. The WHERE clause stays in the query too: pushing only ever fetches fewer rows.
 */
import type { PredicateValue, SimplePredicate } from "@/lib/query/federated";
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

const OPS: Record<string, SimplePredicate["op"]> = {
  COMPARE_EQUAL: "=",
  COMPARE_NOTEQUAL: "<>",
  COMPARE_LESSTHAN: "<",
  COMPARE_LESSTHANOREQUALTO: "<=",
  COMPARE_GREATERTHAN: ">",
  COMPARE_GREATERTHANOREQUALTO: ">=",
};
const FLIPPED: Record<string, SimplePredicate["op"]> = { "=": "=", "<>": "<>", "<": ">", "<=": ">=", ">": "<", ">=": "<=" };

/** `columns`: the table's column names; `names`: what the table is called in the query (alias or name). */
export function simplePredicates(select: JsonObject, columns: string[], names: string[]): SimplePredicate[] {
  const column = (expr: Json): string | undefined => {
    if (!isObject(expr) || expr.class !== "COLUMN_REF" || !Array.isArray(expr.column_names)) return undefined;
    const parts = expr.column_names.map(String);
    if (parts.length === 2 && !names.some((n) => n.toLowerCase() === parts[0].toLowerCase())) return undefined;
    if (parts.length > 2) return undefined;
    const last = parts[parts.length - 1].toLowerCase();
    return columns.find((c) => c.toLowerCase() === last);
  };
  const out: SimplePredicate[] = [];
  for (const c of conjuncts(select.where_clause)) {
    if (c.class === "COMPARISON" && OPS[String(c.type)]) {
      const op = OPS[String(c.type)];
      const [l, r] = [column(c.left), column(c.right)];
      const lv = literal(c.left);
      const rv = literal(c.right);
      if (l && rv) out.push({ column: l, op, value: rv } as SimplePredicate);
      else if (r && lv) out.push({ column: r, op: FLIPPED[op], value: lv } as SimplePredicate);
    } else if (c.class === "OPERATOR" && (c.type === "OPERATOR_IS_NULL" || c.type === "OPERATOR_IS_NOT_NULL")) {
      const col = Array.isArray(c.children) ? column(c.children[0]) : undefined;
      if (col) out.push({ column: col, op: c.type === "OPERATOR_IS_NULL" ? "IS NULL" : "IS NOT NULL" });
    }
  }
  return out;
}

function conjuncts(expr: Json | undefined): JsonObject[] {
  if (!isObject(expr)) return [];
  if (expr.class === "CONJUNCTION" && expr.type === "CONJUNCTION_AND" && Array.isArray(expr.children)) return expr.children.flatMap(conjuncts);
  return [expr];
}

const TYPED: Record<string, PredicateValue["type"]> = { DATE: "date", TIMESTAMP: "timestamp", "TIMESTAMP WITH TIME ZONE": "timestamptz", TIMESTAMP_TZ: "timestamptz" };

function literal(expr: Json): PredicateValue | undefined {
  if (!isObject(expr)) return undefined;
  if (expr.class === "CAST" && isObject(expr.cast_type) && isObject(expr.child) && expr.try_cast !== true) {
    const type = TYPED[String(expr.cast_type.id)];
    const inner = constant(expr.child);
    return type && inner?.type === "string" ? ({ type, value: inner.value } as PredicateValue) : undefined;
  }
  return constant(expr);
}

function constant(expr: JsonObject): PredicateValue | undefined {
  if (expr.class !== "CONSTANT" || !isObject(expr.value) || expr.value.is_null === true) return undefined;
  const id = isObject(expr.value.type) ? String(expr.value.type.id) : "";
  const v = expr.value.value;
  const text = v instanceof RawNumber ? v.text : String(v);
  if (["INTEGER", "BIGINT", "SMALLINT", "TINYINT", "HUGEINT"].includes(id) && /^-?\d+$/.test(text)) return { type: "integer", value: BigInt(text) };
  if (id === "VARCHAR" && typeof v === "string") return { type: "string", value: v };
  if (id === "BOOLEAN" && typeof v === "boolean") return { type: "boolean", value: v };
  if (id === "DOUBLE" && typeof v === "number") return { type: "double", value: v };
  if (id === "DECIMAL" && isObject(expr.value.type) && isObject(expr.value.type.type_info) && /^-?\d+$/.test(text)) {
    const scale = Number(expr.value.type.type_info.scale);
    return { type: "decimal", value: decimalText(text, scale) };
  }
  return undefined;
}

/** 125 with scale 1 → "12.5". */
function decimalText(unscaled: string, scale: number): string {
  const negative = unscaled.startsWith("-");
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, "0");
  const text = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${text}` : text;
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
  const rows = count(limit.limit);
  const offset = limit.offset == null ? 0 : count(limit.offset);
  return rows === undefined || offset === undefined ? undefined : rows + offset;
}

function count(expr: Json | undefined): number | undefined {
  const value = isObject(expr) ? constant(expr) : undefined;
  if (value?.type !== "integer" || value.value < 0n || value.value > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(value.value);
}

function hasAggregate(value: Json | undefined, aggregates: Set<string>): boolean {
  if (Array.isArray(value)) return value.some((v) => hasAggregate(v, aggregates));
  if (!isObject(value)) return false;
  if (value.class === "WINDOW" || value.class === "SUBQUERY") return true;
  if (value.class === "FUNCTION" && aggregates.has(String(value.function_name).toLowerCase())) return true;
  return Object.values(value).some((v) => hasAggregate(v, aggregates));
}
