/**
 * What every command's planner gets: the query context, the statement (for positions),
 * and plan's secured SELECT planner for the SQL it embeds.
 */
import { type ErrorCode, isAppError } from "@/lib/errors";
import type { CommandResult, PreparedCommand, PreparedQuery, QueryContext, StatementText } from "../../types";

export type PlanSelect = (ctx: QueryContext, statement: StatementText) => Promise<PreparedQuery>;

export interface CommandEnv {
  ctx: QueryContext;
  statement: StatementText;
  planSelect: PlanSelect;
}

/** Plans a SELECT Tarn wrote around the person's text; `at` is where in the statement it came from. */
export function planEmbedded(env: CommandEnv, sql: string, at: number): Promise<PreparedQuery> {
  const start = env.statement.start + at;
  return env.planSelect(env.ctx, { sql, start, end: start + sql.length });
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
