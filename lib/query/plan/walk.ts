/**
 * One pass over DuckDB's parse tree of a SELECT: every construct is checked against the
 * sandbox's rules (functions, table functions, SHOW…), and what the rewrite needs is
 * collected — each table reference that is not a CTE, each parameter, the column names
 * used. A CTE name hides a table of that name where DuckDB would bind the CTE: in the
 * query after WITH, in later CTEs, and in its own body only when it is recursive.
 *
 * Unknown kinds of table reference are refused, so a construct a later DuckDB adds is not
 * run unchecked.
 */
import { checkFunction, checkTableFunction } from "./functions";
import { isObject, type Json, type JsonObject } from "./json";
import { PlanError, refused } from "./plan-error";

export interface TableSite {
  node: JsonObject;
  /** catalog, schema (levels joined by U+001F), table — as written, empty parts dropped. */
  parts: string[];
  position?: number;
}

export interface WalkResult {
  tables: TableSite[];
  parameters: JsonObject[];
  /** Parameters inside AT (…) clauses. */
  atParameters: JsonObject[];
  /** Column references of three or more parts (`db.orders.id`), which may name a table by its full name. */
  qualifiedColumns: JsonObject[];
  /** Lower-cased last parts of column references (for fetching federated columns). */
  columns: Set<string>;
  /** A `*` or COLUMNS(…) appears: every column may be needed. */
  star: boolean;
  /** SHOW TABLES nodes, served from the catalog. */
  showTables: JsonObject[];
}

/** Maps DuckDB's `query_location` (bytes into the parsed text) to an offset in the person's text. */
export type Locate = (queryLocation: Json | undefined) => number | undefined;

const KNOWN_TABLE_REFS = new Set(["BASE_TABLE", "JOIN", "SUBQUERY", "TABLE_FUNCTION", "EXPRESSION_LIST", "EMPTY", "PIVOT", "SHOW_REF"]);

export async function walkTree(root: Json, locate: Locate): Promise<WalkResult> {
  const out: WalkResult = { tables: [], parameters: [], atParameters: [], qualifiedColumns: [], columns: new Set(), star: false, showTables: [] };
  await visit(root, new Set(), out, locate);
  return out;
}

async function visit(value: Json, scope: Set<string>, out: WalkResult, locate: Locate): Promise<void> {
  if (Array.isArray(value)) {
    for (const item of value) await visit(item, scope, out, locate);
    return;
  }
  if (!isObject(value)) return;
  let inner = scope;
  const map = isObject(value.cte_map) && Array.isArray(value.cte_map.map) ? value.cte_map.map.filter(isObject) : [];
  if (map.length) {
    const names: string[] = [];
    for (const entry of map) {
      await visit(entry.value, new Set([...scope, ...names]), out, locate);
      names.push(String(entry.key).toLowerCase());
    }
    inner = new Set([...scope, ...names]);
  }
  if (value.type === "RECURSIVE_CTE_NODE") inner = new Set([...inner, String(value.cte_name).toLowerCase()]);
  if (await checkNode(value, inner, out, locate)) return;
  for (const [key, child] of Object.entries(value)) {
    if (key === "cte_map") continue;
    await visit(child, inner, out, locate);
  }
}

/** Checks one node; true when its children are handled (or must not be visited). */
async function checkNode(node: JsonObject, scope: Set<string>, out: WalkResult, locate: Locate): Promise<boolean> {
  const position = locate(node.query_location);
  const kind = typeof node.class === "string" ? node.class : undefined;
  if (kind === "FUNCTION" || kind === "WINDOW") {
    await checkFunction(String(node.function_name), String(node.schema ?? ""), String(node.catalog ?? ""), position);
    return false;
  }
  if (kind === "PARAMETER") out.parameters.push(node);
  if (kind === "COLUMN_REF" && Array.isArray(node.column_names)) {
    out.columns.add(String(node.column_names.at(-1)).toLowerCase());
    if (node.column_names.length >= 3) out.qualifiedColumns.push(node);
  }
  if (kind === "STAR") out.star = true;
  if (kind) return false;
  if (typeof node.type !== "string" || !("sample" in node) || !("alias" in node)) return false;
  // A table reference.
  if (!KNOWN_TABLE_REFS.has(node.type)) throw refused(`A ${node.type.toLowerCase().replaceAll("_", " ")} in FROM`, "Tarn does not run it", position);
  if (Array.isArray(node.column_name_alias) && node.column_name_alias.length) out.star = true;
  if (node.type === "BASE_TABLE") {
    baseTable(node, scope, out, position);
    if (isObject(node.at_clause)) {
      // Parameters of AT (…) are read while planning, not bound in the SQL that runs.
      const before = out.parameters.length;
      await visit(node.at_clause.expr, scope, out, locate);
      out.atParameters.push(...out.parameters.splice(before));
    }
    return true;
  }
  if (node.type === "TABLE_FUNCTION" && isObject(node.function)) {
    const f = node.function;
    checkTableFunction(String(f.function_name), String(f.schema ?? ""), String(f.catalog ?? ""), position);
    // The call itself is checked; its arguments (and any subqueries in them) like any.
    await visit(f.children, scope, out, locate);
    return true;
  }
  if (node.type === "SHOW_REF") return showRef(node, out, position);
  if (node.type === "JOIN") {
    if (Array.isArray(node.using_columns)) for (const c of node.using_columns) out.columns.add(String(c).toLowerCase());
    // NATURAL joins and column aliases match columns by name or place: all may be needed.
    if (node.ref_type === "NATURAL") out.star = true;
  }
  return false;
}

function baseTable(node: JsonObject, scope: Set<string>, out: WalkResult, position: number | undefined): void {
  const catalog = String(node.catalog_name ?? "");
  const schema = String(node.schema_name ?? "");
  const table = String(node.table_name);
  if (!catalog && !schema && scope.has(table.toLowerCase())) {
    if (isObject(node.at_clause)) throw new PlanError(`${table} is a WITH query here: AT (…) applies to tables only.`, position);
    return;
  }
  out.tables.push({ node, parts: [catalog, schema, table].filter((p) => p !== ""), position });
}

function showRef(node: JsonObject, out: WalkResult, position: number | undefined): boolean {
  if (isObject(node.query)) return false; // DESCRIBE / SUMMARIZE of a query: its tables are checked as any.
  const name = String(node.table_name ?? "").replaceAll('"', "").toLowerCase();
  if (name === "tables" && !node.catalog_name && !node.schema_name) {
    out.showTables.push(node);
    return true;
  }
  throw refused(`SHOW ${name.toUpperCase()}`, "only SHOW TABLES, DESCRIBE and SUMMARIZE are served; the catalog browser shows the rest", position);
}
