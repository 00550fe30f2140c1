/**
 * Running a TPC-H query "through Tarn": `runStatements` on exec's QueryEngine (sandboxed
 * pool, result spooled to Parquet, QueryRun recorded), then every row read back page by
 * page with `readRows`, as the grid would.
 *
 * Which planner turns the text into secured SQL is the one line below. Until the composed
 * planner (`lib/query/planner.ts`) exists, a stand-in for these queries serves: each of
 * the eight tables becomes an inlined CTE over its `scanTable` relation (the current
 * snapshot's files, deletes applied), with a read policy — hidden columns, a row
 * filter — applied the way lib/access will. Exec's own stand-in cannot be used: it
 * rewrites only the first name after FROM, and TPC-H joins with comma lists.
 */
import { scanTable } from "@/lib/catalog";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import { MAX_PAGE_ROWS, readRows } from "@/lib/query/exec";
import type { QueryEngine } from "@/lib/query/exec/engine";
import type { Planner } from "@/lib/query/exec/planner";
import { runStatements } from "@/lib/query/exec/run-batch";
import { getRun } from "@/lib/query/exec/run-view";
import { standInPlanner } from "@/lib/query/exec/testing/stand-in-planner";
import type { PreparedQuery, QueryContext, StatementText } from "@/lib/query/types";
import { TPCH_SCHEMAS, TPCH_TABLES, type TpchTable } from "./schema";

/** What a user may read of a table, as lib/access will decide it. */
export interface TablePolicy {
  hiddenColumns?: string[];
  /** A DuckDB predicate over the table's columns. */
  rowFilter?: string;
}
export type TpchPolicy = Partial<Record<TpchTable, TablePolicy>>;

/** The planner the queries go through (switch to the composed planner when it lands). */
export function tarnPlanner(policy: TpchPolicy = {}): Planner {
  return tpchStandInPlanner(policy);
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

/** Runs one statement through the engine as `ctx.actor` and reads back all its rows. */
export async function runThroughTarn(engine: QueryEngine, ctx: QueryContext, sql: string): Promise<QueryResult> {
  const batch = await runStatements(ctx, sql, {}, engine);
  await batch.done;
  const reader = { db: ctx.db, actor: ctx.actor };
  const id = batch.runs[0].id;
  const state = await getRun(reader, engine, id);
  if (state.status !== "succeeded") throw new Error(`Query ${state.status}: ${state.error?.message ?? "no message"}`);
  const rows: unknown[][] = [];
  let columns: string[] = [];
  for (let offset = 0; ; offset += MAX_PAGE_ROWS) {
    const page = await readRows(reader, engine, id, { offset, limit: MAX_PAGE_ROWS });
    columns = page.columns.map((c) => c.name);
    rows.push(...page.rows);
    if (page.rows.length < MAX_PAGE_ROWS) break;
  }
  return { columns, rows };
}

function tpchStandInPlanner(policy: TpchPolicy): Planner {
  return {
    split: standInPlanner.split,
    explain: standInPlanner.explain,
    plan: async (ctx, statement) => planWithTables(ctx, statement, policy),
  };
}

async function planWithTables(ctx: QueryContext, statement: StatementText, policy: TpchPolicy): Promise<PreparedQuery> {
  const { catalog, namespace } = ctx.session;
  if (!catalog || !namespace) throw new Error("The TPC-H stand-in planner needs a session catalog and namespace.");
  const ctes: string[] = [];
  const tables = TPCH_TABLES.filter((t) => new RegExp(`\\b${t}\\b`, "i").test(statement.sql));
  for (const table of tables) {
    const scan = await scanTable(ctx, { catalog, namespace, name: table });
    ctes.push(`${table} AS NOT MATERIALIZED (${securedSelect(table, scan.sql, policy[table])})`);
  }
  const own = /^\s*with\s+/i.exec(statement.sql);
  const body = own ? statement.sql.slice(own[0].length) : statement.sql;
  const sql = `WITH ${ctes.join(",\n")}${own ? ",\n" : "\n"}${body}`;
  const tablesRead = tables.map((t) => [catalog, ...namespace, t].join("."));
  return { kind: "query", sql, params: [], tablesRead, setup: [], mapPosition: () => null };
}

function securedSelect(table: TpchTable, relation: string, policy: TablePolicy = {}): string {
  const hidden = new Set(policy.hiddenColumns ?? []);
  const columns = TPCH_SCHEMAS[table].fields.filter((f) => !hidden.has(f.name)).map((f) => quoteIdent(f.name));
  const where = policy.rowFilter ? ` WHERE ${policy.rowFilter}` : "";
  return `SELECT ${columns.join(", ")} FROM ${relation} AS t${where}`;
}
