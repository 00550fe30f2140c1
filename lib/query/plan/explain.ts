/**
 * EXPLAIN [ANALYZE] without internals. DuckDB's own plan text shows what only the rewritten
 * SQL has — file paths (wrapped across the boxes, so no pattern finds them), the rewritten
 * query under ANALYZE, our generated names — and DuckDB cannot select from an EXPLAIN to
 * clean it in SQL. So a setup step runs `EXPLAIN (FORMAT json)` on the statement's
 * connection, keeps each operator's name and details minus file names, paths and our
 * names, renders that as an indented tree, and leaves it in a temp table; the query the
 * person gets reads that table: one row (explain_key, explain_value) like DuckDB's.
 *
 * A DuckDB error in the explained query (a missing column…) becomes a PlanError at the
 * person's text, as it would without EXPLAIN.
 */
import { randomBytes } from "node:crypto";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { EngineConnection, ParamValue, PositionMapper, PreparedQuery } from "../types";
import { engineError, PATH } from "./explain-error";
import { PlanError } from "./plan-error";

export interface ExplainInput {
  /** The planned (secured) query. */
  sql: string;
  params: ParamValue[];
  analyze: boolean;
  /** Generated offset in `sql` → offset in the statement. */
  mapPosition: PositionMapper;
}

/** The PreparedQuery parts of an EXPLAIN: a setup step and the SQL reading what it left. */
export function explainQuery(input: ExplainInput): Pick<PreparedQuery, "sql" | "params" | "setup" | "mapPosition"> {
  const table = `tarn_explain_${randomBytes(8).toString("hex")}`;
  const run = async (connection: EngineConnection, signal: AbortSignal) => {
    const prefix = input.analyze ? "EXPLAIN (ANALYZE, FORMAT json) " : "EXPLAIN (FORMAT json) ";
    const rows = await connection.rows(prefix + input.sql, input.params).catch((error: unknown) => {
      if (signal.aborted) throw error;
      const query: PreparedQuery = { kind: "query", sql: prefix + input.sql, params: [], tablesRead: [], setup: [], mapPosition: (o) => input.mapPosition(o - prefix.length) };
      const { message, position } = engineError(error, query);
      throw new PlanError(message, position, { cause: error });
    });
    const key = input.analyze ? "analyzed_plan" : "physical_plan";
    const json = rows.map((r) => String(r.explain_value ?? "")).join("\n");
    let text = renderPlan(json, input.analyze);
    if (input.analyze && isUnprofiled(json)) {
      // DuckDB profiles nothing when planning already answered the query (a count read off
      // the Parquet footers): its JSON then says only "error". The plan without measurements:
      const plain = await connection.rows(`EXPLAIN (FORMAT json) ${input.sql}`, input.params);
      text = `${UNMEASURED}\n${renderPlan(plain.map((r) => String(r.explain_value ?? "")).join("\n"), false)}`;
    }
    await connection.run(`CREATE TEMP TABLE ${quoteIdent(table)} AS SELECT CAST($1 AS VARCHAR) AS explain_key, CAST($2 AS VARCHAR) AS explain_value`, [key, text]);
  };
  return {
    sql: `SELECT explain_key, explain_value FROM temp.main.${quoteIdent(table)}`,
    params: [],
    setup: [{ describe: input.analyze ? "EXPLAIN ANALYZE" : "EXPLAIN", run }],
    mapPosition: () => null,
  };
}

const UNMEASURED = "Not measured: DuckDB gave no profile for this query (it can answer some while planning). Its plan:";

/** DuckDB's JSON profile of a query it ran no operator for: `{"result": "error"}`. */
function isUnprofiled(json: string): boolean {
  const parsed: unknown = JSON.parse(json);
  return isRecord(parsed) && parsed.result === "error";
}

interface PlanNode {
  name: string;
  details: [string, string][];
  children: PlanNode[];
}

/** DuckDB's JSON plan → indented text, one operator a line, its details beneath. */
export function renderPlan(json: string, analyze: boolean): string {
  const parsed: unknown = JSON.parse(json);
  const roots = Array.isArray(parsed) ? parsed : [parsed];
  const lines: string[] = [];
  for (const root of roots) {
    if (!isRecord(root)) continue;
    if (analyze && typeof root.latency === "number") lines.push(`Total time: ${seconds(root.latency)}`);
    // ANALYZE's root is the query itself (its text is the rewritten SQL): only its operators.
    let nodes = analyze && !("operator_name" in root) ? children(root) : [root];
    // …and the EXPLAIN_ANALYZE operator on top (no rows of its own): what it measured.
    nodes = nodes.flatMap((n) => (n.operator_type === "EXPLAIN_ANALYZE" || n.operator_name === "EXPLAIN_ANALYZE" ? children(n) : [n]));
    for (const node of nodes) render(toNode(node, analyze), 0, lines);
  }
  return lines.join("\n");
}

function render(node: PlanNode, depth: number, lines: string[]): void {
  const indent = "  ".repeat(depth);
  lines.push(`${indent}${node.name}`);
  for (const [key, value] of node.details) lines.push(`${indent}    ${key}: ${value}`);
  for (const child of node.children) render(child, depth + 1, lines);
}

function toNode(raw: Record<string, unknown>, analyze: boolean): PlanNode {
  const name = scrub(String(raw.operator_name ?? raw.name ?? "?")).trim() || "?";
  const details: [string, string][] = [];
  for (const [key, value] of Object.entries(isRecord(raw.extra_info) ? raw.extra_info : {})) {
    if (/file ?name|^files?$|path/i.test(key)) continue;
    const text = (Array.isArray(value) ? value.map(String).join(", ") : String(value)).trim();
    if (text) details.push([key, scrub(text)]);
  }
  if (analyze && typeof raw.operator_cardinality === "number") details.push(["Rows", String(raw.operator_cardinality)]);
  if (analyze && typeof raw.operator_timing === "number") details.push(["Time", seconds(raw.operator_timing)]);
  return { name, details, children: children(raw).map((c) => toNode(c, analyze)) };
}

/** Paths, file readers and our generated names out of one detail. */
export function scrub(text: string): string {
  return text
    .replace(PATH, "a file")
    .replace(/\b(read_parquet|parquet_scan|read_csv\w*|read_json\w*|read_ndjson\w*)\s*\([^)]*\)?/gi, "a file")
    .replace(/\btarn_federated_[0-9a-f]+(?:_raw)?\b/g, "federated rows")
    .replace(/\btarn_(?:rel_[0-9a-f]+_\d*|explain_[0-9a-f]+|source)\b\.?/g, "")
    .replace(/\b__tarn_\w+\b/g, "(internal)");
}

function children(raw: Record<string, unknown>): Record<string, unknown>[] {
  return Array.isArray(raw.children) ? raw.children.filter(isRecord) : [];
}

function seconds(value: number): string {
  return `${value.toFixed(4)}s`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
