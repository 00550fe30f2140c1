/**
 * An error → what the person sees: DuckDB's message without internals (file paths, the
 * rewritten SQL, read_parquet, our relation names), and the line and column in the text
 * they typed. DuckDB marks the position in the SQL that ran (`LINE n: …` and a caret);
 * the plan's `mapPosition` takes it back to the statement. A PlanError carries its own
 * position in the statement.
 *
 * Line and column are 1-based in the cell when the statement came from `splitStatements`
 * (it knows where it starts in the cell), else in the statement.
 */
import { isAppError } from "@/lib/errors";
import type { QueryError } from "../exec/run-types";
import type { PreparedQuery, StatementPlan, StatementText } from "../types";
import { lineAndColumn } from "./lexer";
import { PlanError } from "./plan-error";

export function explainError(error: unknown, plan: StatementPlan | undefined, statement: StatementText): QueryError {
  if (error instanceof PlanError) return withPosition({ message: error.message }, statement, error.position);
  // Ours, written for the person: shown as they are (a row cap naming its setting stays whole).
  if (isAppError(error)) return { message: error.message };
  const { message, position } = engineError(error, plan?.kind === "query" ? plan : undefined);
  return withPosition({ message }, statement, position);
}

/** A DuckDB error while running `query`: its cleaned message, and where in the statement it points (if known). */
export function engineError(error: unknown, query: PreparedQuery | undefined): { message: string; position?: number } {
  const text = error instanceof Error ? error.message : String(error);
  const message = clean(text.split(/\n\s*\nLINE \d+:/)[0]);
  const offset = query ? generatedOffset(text, query) : null;
  const mapped = offset === null || !query ? null : query.mapPosition(offset);
  return mapped === null ? { message } : { message, position: mapped };
}

function withPosition(error: QueryError, statement: StatementText, offset: number | undefined): QueryError {
  if (offset === undefined) return error;
  const { line, column } = lineAndColumn(statement.sql, offset);
  const start = statement as StatementText & { line?: number; column?: number };
  if (start.line === undefined || start.column === undefined) return { ...error, line, column };
  return { ...error, line: start.line + line - 1, column: line === 1 ? start.column + column - 1 : column };
}

/** An absolute path (two or more levels), as DuckDB quotes files. */
export const PATH = /(?:file:\/\/)?(?:\/[\w.\-=%@+~]+){2,}\/?/g;

/**
 * What only our rewritten SQL has: the file readers of a secured relation, and the names
 * plan, lib/iceberg and lib/query/federated generate — `tarn_rel_<hex>_<n>` (select.ts),
 * `tarn_source` (relations.ts), `tarn_federated_<hex>` (federated temp tables),
 * `tarn_explain_<hex>` (explain.ts), `__tarn_…` (scan columns). Only those exact shapes: a person's own `tarn_…` names stay.
 */
const INTERNAL_LINES = [
  /\b(?:read_parquet|parquet_scan|read_csv(?:_auto)?|read_json(?:_auto|_objects(?:_auto)?)?|read_ndjson(?:_auto|_objects)?)\s*\(/i,
  /\btarn_rel_[0-9a-f]{12}_\d*/,
  /\btarn_(?:federated|explain)_[0-9a-f]{16}\b/,
  /\btarn_source\b/,
  /\b__tarn_[a-z_]+\b/,
];

/** The first lines of a DuckDB message, minus any line naming internals; paths become "a file". */
export function clean(message: string): string {
  const lines = message
    .split("\n")
    .filter((l) => l.trim() !== "" && !INTERNAL_LINES.some((internal) => internal.test(l)))
    .map((l) => l.replace(PATH, "a file"));
  const kept = lines.slice(0, 3).join("\n").trim();
  return kept || "The query failed in the engine.";
}

/** The offset in `plan.sql` that DuckDB's `LINE n: …` and caret point at, or null. */
export function generatedOffset(message: string, plan: PreparedQuery): number | null {
  const m = /\nLINE (\d+): (.*)\n( *)\^/.exec(message);
  if (!m) return null;
  const lineNo = Number(m[1]);
  const prefix = `LINE ${m[1]}: `.length;
  const caret = m[3].length - prefix;
  const lines = plan.sql.split("\n");
  const line = lines[lineNo - 1];
  if (line === undefined) return null;
  const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
  let snippet = m[2];
  let lead = 0;
  if (snippet.startsWith("...")) {
    snippet = snippet.slice(3);
    lead = 3;
  }
  if (snippet.endsWith("...")) snippet = snippet.slice(0, -3);
  const at = lead ? line.indexOf(snippet) : 0;
  if (at < 0) return null;
  return lineStart + at + caret - lead;
}
