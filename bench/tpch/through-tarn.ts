/**
 * Running a TPC-H query "through Tarn": `runStatements` on exec's QueryEngine (sandboxed
 * pool, result kept in Parquet, QueryRun recorded), waiting for its status to say it has
 * ended and then reading every row back page by page with `readRows`, as the notebook
 * does. A small result is answered before it is kept: that goes on in the background,
 * overlapping whatever runs next (`allKept` waits for it).
 *
 * The engine's planner is either the composed one the app runs (`tarnPlanner` of
 * lib/query/planner.ts), or `policyPlanner`: the same (`createPlanner`), with a read policy
 * handed in through plan's `readPolicy` hook — the way lib/access will narrow reads once
 * grants exist (today `authorizeTableRead` gives every reader the whole table).
 */
import { FULL_READ, type ReadPolicy, type TableResource } from "@/lib/access";
import { MAX_PAGE_ROWS, readRows } from "@/lib/query/exec";
import type { QueryEngine } from "@/lib/query/exec/engine";
import type { Planner } from "@/lib/query/exec/planner";
import { runStatements } from "@/lib/query/exec/run-batch";
import { untilAnswered } from "@/lib/query/exec/run-end";
import type { ReadPolicyFn } from "@/lib/query/plan";
import { createPlanner } from "@/lib/query/planner";
import type { QueryContext } from "@/lib/query/types";
import { TPCH_SCHEMAS, TPCH_TABLES, type TpchTable } from "./schema";

/** What a user may read of a table, as lib/access would decide it. */
export interface TablePolicy {
  hiddenColumns?: string[];
  /** A DuckDB predicate over the table's columns. */
  rowFilter?: string;
}
export type TpchPolicy = Partial<Record<TpchTable, TablePolicy>>;

/** The app's composed planner, reading tables under `policy` instead of lib/access's. */
export function policyPlanner(policy: TpchPolicy): Planner {
  return createPlanner({ readPolicy: readPolicyOf(policy) });
}

/** The policy as lib/access's ReadPolicy: listed columns (all but the hidden), the row filter. */
export function readPolicyOf(policy: TpchPolicy): ReadPolicyFn {
  return (_principal, table: TableResource): ReadPolicy => {
    const name = TPCH_TABLES.find((t) => t === table.table);
    const narrowed = name ? policy[name] : undefined;
    if (!name || !narrowed) return { ...FULL_READ, masks: {}, reasons: ["TPC-H bench: whole table"] };
    const hidden = new Set(narrowed.hiddenColumns ?? []);
    const columns = hidden.size ? TPCH_SCHEMAS[name].fields.map((f) => f.name).filter((c) => !hidden.has(c)) : null;
    return { columns, masks: {}, rowFilter: narrowed.rowFilter ?? null, reasons: ["TPC-H bench policy"] };
  };
}

export interface QueryResult {
  columns: string[];
  rows: unknown[][];
}

const keeping = new Set<Promise<unknown>>();

/** Settles once every result answered so far is kept and recorded. */
export async function allKept(): Promise<void> {
  await Promise.all(keeping);
}

/** Runs one statement through the engine as `ctx.actor` and reads back all its rows. */
export async function runThroughTarn(engine: QueryEngine, ctx: QueryContext, sql: string): Promise<QueryResult> {
  const batch = await runStatements(ctx, sql, {}, engine);
  const done = batch.done.finally(() => keeping.delete(done));
  keeping.add(done);
  const reader = { db: ctx.db, actor: ctx.actor };
  const id = batch.runs[0].id;
  const state = await untilAnswered(reader, engine, id);
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
