/**
 * What a person is told when a statement does not succeed. Stops (cancel, time limit)
 * and the engine's own limits are worded here; everything about the SQL itself goes to
 * the planner's `explain`, which maps positions back to the person's text and keeps
 * internals (file paths, rewritten SQL) out.
 */
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { StatementPlan, StatementText } from "../types";
import type { Planner } from "./planner";
import type { QueryError, RunStatusName } from "./run-types";
import { ResultKeepError } from "./spool";
import { isRunStopped } from "./stop";

export interface Failure {
  status: RunStatusName;
  error: QueryError;
}

export interface FailureContext {
  planner: Planner;
  memoryLimit: string;
  runId: string;
  plan?: StatementPlan;
  statement: StatementText;
  /** The run's stop reason when its signal fired (DuckDB then throws "Interrupted"). */
  stop?: unknown;
}

export function describeFailure(error: unknown, ctx: FailureContext): Failure {
  const cause = ctx.stop ?? error;
  if (isRunStopped(cause)) {
    const status = cause.kind === "cancelled" || cause.kind === "skipped" ? "cancelled" : "failed";
    return { status, error: { message: cause.message } };
  }
  if (isAppError(cause) && (cause.code === "too_many_requests" || cause.code === "unavailable")) {
    return { status: "failed", error: { message: cause.message } };
  }
  const text = cause instanceof Error ? cause.message : String(cause);
  if (cause instanceof ResultKeepError) {
    log.error("query.result.keep", { run: ctx.runId, error: cause.cause ?? cause });
    return { status: "failed", error: { message: "Tarn could not keep this result on the server; the error was logged. Please try again." } };
  }
  if (/^Out of Memory Error/i.test(text)) {
    return { status: "failed", error: { message: `The statement needed more memory than its limit of ${ctx.memoryLimit}. Narrow it (fewer columns, a filter, a LIMIT) or ask an admin to raise TARN_QUERY_MEMORY_LIMIT.` } };
  }
  if (/^Permission Error/i.test(text)) {
    log.warn("query.sandbox.refused", { run: ctx.runId, error: text });
    return { status: "failed", error: { message: "This statement needs a file outside the folders Tarn may read." } };
  }
  return { status: "failed", error: ctx.planner.explain(cause, ctx.plan, ctx.statement) };
}

export function isPermissionError(error: unknown): boolean {
  return error instanceof Error && /^Permission Error/i.test(error.message);
}
