/**
 * A PIVOT statement whose ON columns have no IN (…) takes its new columns from the data:
 * DuckDB would first read the values with statements of its own, which its parser cannot
 * hand over as a tree. Tarn does it through the planner instead: for each such column,
 * the values of the secured source (distinct, not NULL, in order — as DuckDB does) become
 * a temp ENUM type, made by a setup step on the statement's connection (which is the
 * statement's own, so the type goes with it), and the column is pivoted `IN` that type.
 *
 * The statement is read only as far as its shape needs: `PIVOT <source> ON <columns>`
 * up to USING / GROUP BY / ORDER BY / LIMIT, at the outer level of parentheses.
 */
import { randomUUID } from "node:crypto";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { QueryContext, SetupStep } from "../types";
import { applyReplacements, type EditedText, type Replacement } from "./edited-text";
import { significant, type Token, tokenize } from "./lexer";
import { PlanError } from "./plan-error";
import type { PlanOptions } from "./relations";
import type { PlannedSelect } from "./select";

export interface PivotValues {
  /** The statement with `IN <type>` after each column that had no IN. */
  text: EditedText;
  setup: SetupStep[];
  tablesRead: string[];
  narrowed: boolean;
}

type PlanText = (ctx: QueryContext, text: string, options: PlanOptions) => Promise<PlannedSelect>;

const CLAUSE_ENDS = new Set(["using", "group", "order", "limit"]);

/** Undefined when every ON column lists its values (or the text is not a PIVOT DuckDB would take). */
export async function pivotValues(ctx: QueryContext, sql: string, options: PlanOptions, plan: PlanText): Promise<PivotValues | undefined> {
  const shape = pivotShape(sql);
  if (!shape || shape.open.length === 0) return undefined;
  const replacements: Replacement[] = [];
  const setup: SetupStep[] = [];
  const tablesRead = new Set<string>();
  let narrowed = false;
  for (const column of shape.open) {
    const type = `tarn_pivot_${randomUUID().replaceAll("-", "")}`;
    const values = await plan(ctx, `SELECT CAST(v AS VARCHAR) FROM (SELECT DISTINCT (${column.text}) AS v FROM ${shape.source}) AS tarn_values WHERE v IS NOT NULL ORDER BY v`, options);
    if (values.params.length > 0) throw new PlanError("A PIVOT column whose values come from the data cannot use parameters; list its values with IN (…).", column.start);
    replacements.push({ start: column.end, end: column.end, text: ` IN ${type}` });
    setup.push(enumStep(type, values));
    for (const table of values.tablesRead) tablesRead.add(table);
    narrowed ||= values.narrowed;
  }
  return { text: applyReplacements(sql, replacements), setup, tablesRead: [...tablesRead], narrowed };
}

function enumStep(type: string, values: PlannedSelect): SetupStep {
  return {
    describe: "find the values of a PIVOT column",
    run: async (connection, signal) => {
      for (const step of values.setup) await step.run(connection, signal);
      await connection.run(`CREATE TEMP TYPE ${quoteIdent(type)} AS ENUM (${values.sql})`);
    },
  };
}

interface PivotShape {
  /** The text between PIVOT and ON. */
  source: string;
  /** ON columns without IN (…): their text and where it is. */
  open: { text: string; start: number; end: number }[];
}

function pivotShape(sql: string): PivotShape | undefined {
  const tokens = outerTokens(sql);
  if (tokens[0]?.token.text.toLowerCase() !== "pivot") return undefined;
  const end = tokens.findIndex((t) => t.depth === 0 && CLAUSE_ENDS.has(t.token.text.toLowerCase()));
  const stop = end === -1 ? tokens.length : end;
  // The last ON before the clauses: an ON of a join in the source comes before it.
  let on = -1;
  for (let i = 1; i < stop; i++) if (tokens[i].depth === 0 && tokens[i].token.text.toLowerCase() === "on") on = i;
  if (on === -1) return undefined;
  const source = sql.slice(tokens[0].token.end, tokens[on].token.start).trim();
  const open: PivotShape["open"] = [];
  let item: typeof tokens = [];
  const close = () => {
    const hasIn = item.some((t) => t.depth === 0 && t.token.text.toLowerCase() === "in");
    if (item.length && !hasIn) {
      const start = item[0].token.start;
      const itemEnd = item[item.length - 1].token.end;
      open.push({ text: sql.slice(start, itemEnd), start, end: itemEnd });
    }
    item = [];
  };
  for (const t of tokens.slice(on + 1, stop)) {
    if (t.depth === 0 && t.token.text === ",") close();
    else item.push(t);
  }
  close();
  return { source, open };
}

/** Significant tokens with their depth of parentheses (the parentheses themselves at the outer depth). */
function outerTokens(sql: string): { token: Token; depth: number }[] {
  let depth = 0;
  return significant(tokenize(sql)).map((token) => {
    if (token.text === ")") depth = Math.max(0, depth - 1);
    const at = { token, depth };
    if (token.text === "(") depth++;
    return at;
  });
}
