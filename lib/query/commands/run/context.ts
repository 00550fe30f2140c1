/**
 * What every command's planner gets: the query context, the statement (for positions),
 * and plan's secured SELECT planner for the SQL it embeds.
 */
import { AppError, type ErrorCode, isAppError } from "@/lib/errors";
import type { PreparedCommit } from "@/lib/iceberg/write";
import { PlanError } from "../../plan/plan-error";
import type { Span } from "../parse";
import type { CommandResult, PreparedCommand, PreparedQuery, QueryContext, StatementText } from "../../types";

export type PlanSelect = (ctx: QueryContext, statement: StatementText) => Promise<PreparedQuery>;

export interface CommandEnv {
  ctx: QueryContext;
  statement: StatementText;
  planSelect: PlanSelect;
}

/**
 * Plans a SELECT Tarn wrote around pieces of the person's statement (`spans`, each
 * appearing verbatim in `sql`). An error's position in `sql` is taken back to the
 * statement through the span that holds it, else to where the first span starts.
 */
export async function planEmbedded(env: CommandEnv, sql: string, spans: Span[]): Promise<PreparedQuery> {
  const start = env.statement.start + (spans[0]?.start ?? 0);
  try {
    return await env.planSelect(env.ctx, { sql, start, end: start + sql.length });
  } catch (error) {
    if (!(error instanceof PlanError) || error.position === undefined) throw error;
    const position = toStatement(sql, spans, error.position) ?? spans[0]?.start;
    throw new PlanError(error.message, position, { cause: error, internal: error.internal });
  }
}

function toStatement(sql: string, spans: Span[], offset: number): number | undefined {
  for (const span of spans) {
    for (let at = sql.indexOf(span.sql); at >= 0; at = sql.indexOf(span.sql, at + 1)) {
      if (offset >= at && offset < at + span.sql.length) return span.start + (offset - at);
    }
  }
  return undefined;
}

export function command(
  describe: string,
  tables: { read?: string[]; written?: string[] },
  execute: PreparedCommand["execute"],
): PreparedCommand {
  return { kind: "command", describe, tablesRead: tables.read ?? [], tablesWritten: tables.written ?? [], execute };
}

/** "1 row", "3 rows". */
export function rowCount(n: number): string {
  return `${n} ${n === 1 ? "row" : "rows"}`;
}

/**
 * Runs a catalog change; with IF [NOT] EXISTS (`tolerated`), an error of `code` (the
 * object is missing, or there already) is the no-op `skipped` instead.
 */
export async function unless(tolerated: boolean, code: ErrorCode, skipped: string, change: () => Promise<string>): Promise<CommandResult> {
  try {
    return { message: await change() };
  } catch (error) {
    if (tolerated && isAppError(error) && error.code === code) return { message: skipped, rowsAffected: 0 };
    throw error;
  }
}

/**
 * A prepared write, unless the statement was cancelled meanwhile: then its files are
 * deleted and nothing is committed (cancel stops the work, even after the query ran).
 */
export async function unlessCancelled(signal: AbortSignal, prepared: PreparedCommit): Promise<PreparedCommit> {
  if (!signal.aborted) return prepared;
  await prepared.cleanup().catch(() => {});
  throw cancelled(signal);
}

export function cancelled(signal: AbortSignal): unknown {
  return signal.reason ?? new AppError("bad_request", "The statement was cancelled; nothing was written.");
}
