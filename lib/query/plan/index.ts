/**
 * `lib/query/plan` — a person's SQL → what the sandbox runs.
 *
 *   const statements = splitStatements(cellText);            // offsets, line/column in the cell
 *   const plan = await planQuery(ctx, statements[0]);         // PreparedQuery or PreparedCommand (USE)
 *   // on failure: explainError(error, plan, statements[0])  → { message, line, column }
 *
 * - Queries (SELECT, WITH, VALUES, TABLE, FROM…, DESCRIBE, SUMMARIZE, SHOW TABLES,
 *   EXPLAIN [ANALYZE] — its plan rendered without paths or rewritten SQL, explain.ts) are
 *   parsed by DuckDB's parser, checked construct by construct,
 *   every table reference replaced by its secured relation (lib/access decides columns,
 *   masks and row filter), and rendered back by DuckDB's deparser.
 * - Names resolve against the session's catalog and namespace; `USE` changes them.
 * - `AT (VERSION => id | 'tag' | 'branch')`, `AT (TIMESTAMP => …)`, `AT (TAG => …)`,
 *   `AT (BRANCH => …)`; metadata tables `t$snapshots`, `t$history`, `t$files`,
 *   `t$manifests`, `t$partitions`, `t$refs`, `t$entries`.
 * - `:name` parameters are bound as `$1, $2…` from `ctx.params`.
 * - Everything else is refused with a message naming the construct (statement-kind.ts,
 *   functions.ts, walk.ts, resolve.ts).
 */
import type { PreparedQuery, QueryContext, StatementPlan, StatementText } from "../types";
import { explainQuery } from "./explain";
import { PlanError, refused } from "./plan-error";
import type { PlanOptions } from "./relations";
import { type PivotValues, pivotValues } from "./pivot";
import { type PlannedSelect, planSelectText } from "./select";
import { statementKind } from "./statement-kind";
import { planUse } from "./use";

export { explainError } from "./explain-error";
export { PlanError };
export type { PlanOptions, ReadPolicyFn } from "./relations";
export { type CellStatement, splitStatements } from "./split";

export async function planQuery(ctx: QueryContext, statement: StatementText, options: PlanOptions = {}): Promise<StatementPlan> {
  const kind = statementKind(statement.sql);
  if (kind.kind === "use") return planUse(ctx, statement.sql, kind.start);
  return planQuerySelect(ctx, statement, options);
}

/** A PIVOT's column values found through the planner are read before the statement runs. */
function withPivotValues(planned: PlannedSelect, values: PivotValues | undefined): PlannedSelect {
  if (!values) return planned;
  const tablesRead = [...new Set([...values.tablesRead, ...planned.tablesRead])];
  return { ...planned, setup: [...values.setup, ...planned.setup], tablesRead, narrowed: planned.narrowed || values.narrowed };
}

/** DuckDB's parser serializes only SELECTs: a PIVOT statement is planned as the subquery of one (DuckDB allows it there). */
const PIVOT_PREFIX = "SELECT * FROM (";

/** Only queries (also EXPLAIN): what commands use for the SELECTs inside INSERT, CTAS, MERGE, CREATE VIEW. */
export async function planQuerySelect(ctx: QueryContext, statement: StatementText, options: PlanOptions = {}): Promise<PreparedQuery> {
  const kind = statementKind(statement.sql);
  if (kind.kind === "use") throw new PlanError("USE is not a query.", 0);
  const innerStart = kind.kind === "explain" ? kind.innerStart : 0;
  const inner = statement.sql.slice(innerStart);
  const pivot = kind.kind === "pivot" || (kind.kind === "explain" && kind.pivot);
  const values = pivot ? await pivotValues(ctx, inner, options, planSelectText) : undefined;
  const text = values ? values.text.text : inner;
  const planned = withPivotValues(await planSelectText(ctx, pivot ? `${PIVOT_PREFIX}${text})` : text, options), values);
  // Generated offset → the person's text: past the wrapping, back through the added IN clauses, after EXPLAIN.
  const toInner = (offset: number) => (values ? values.text.toOriginal(offset) : offset);
  // The plan would show the rules themselves (hidden column names, masks, the row filter) and file paths.
  if (kind.kind === "explain" && planned.narrowed) throw refused("EXPLAIN", "a table here is read under column or row rules, which the plan would show", 0);
  const mapPosition = (offset: number) => {
    const mapped = planned.mapPosition(offset);
    if (mapped === null) return null;
    const unwrapped = pivot ? Math.max(0, mapped - PIVOT_PREFIX.length) : mapped;
    return Math.min(toInner(unwrapped) + innerStart, statement.sql.length);
  };
  if (kind.kind === "explain") {
    // DuckDB's plan text would show file paths and (under ANALYZE) the rewritten SQL: explain.ts cleans it.
    const explained = explainQuery({ sql: planned.sql, params: planned.params, analyze: kind.analyze, mapPosition });
    return { kind: "query", ...explained, tablesRead: planned.tablesRead, setup: [...planned.setup, ...explained.setup] };
  }
  const bounded = planned.rowBound === undefined ? {} : { rowBound: planned.rowBound };
  return { kind: "query", sql: planned.sql, params: planned.params, tablesRead: planned.tablesRead, setup: planned.setup, mapPosition, ...bounded, grouped: planned.grouped };
}
