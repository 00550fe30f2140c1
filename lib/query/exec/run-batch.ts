/**
 * `runStatements`: a cell's text becomes one run per statement, all recorded at once as
 * queued, then run one after another in the background — each in the session the one
 * before it left (USE) — stopping at the first that fails or is cancelled.
 */
import { randomUUID } from "node:crypto";
import { authorizeNotebook, requireAuthorized, type UserPrincipal } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import type { QueryContext, SessionState, StatementText } from "../types";
import { type QueryEngine, queryEngine } from "./engine";
import { cancelFrom, LiveRun } from "./live-run";
import { createRunRows, recordFinished } from "./records";
import { executeStatement, skipStatement } from "./run-statement";
import type { RunStatusName } from "./run-types";

export const MAX_STATEMENTS = 100;

export interface RunOptions {
  notebookId?: string;
  cellId?: string;
  /** Aborting it cancels every statement of the batch not yet finished. */
  signal?: AbortSignal;
}

export interface StatementRun {
  id: string;
  index: number;
  sql: string;
  /** Where the statement sits in the text that was run. */
  start: number;
  end: number;
}

export interface BatchOutcome {
  /** The session after the last statement that ran. */
  session: SessionState;
  statuses: RunStatusName[];
}

export interface RunBatch {
  batchId: string;
  runs: StatementRun[];
  /** Settles when the last statement has ended (never rejects). */
  done: Promise<BatchOutcome>;
}

export async function runStatements(ctx: QueryContext, text: string, opts: RunOptions = {}, engine = queryEngine()): Promise<RunBatch> {
  const actor = requireUser(ctx);
  const place = await checkPlace(ctx, actor, opts);
  if (engine.pool.queueLength >= engine.options.queueMax) {
    throw new AppError("too_many_requests", "Too many queries are waiting to run; try again in a moment.");
  }
  engine.sweepSoon(ctx.db);
  const split = splitText(engine, text);
  const rows = await createRunRows(ctx.db, { userId: actor.userId, ...place, statements: split.statements });
  const batchId = randomUUID();
  const runs = rows.map((row, index) => {
    const run = new LiveRun(row.id, { userId: actor.userId, batchId, index, statement: split.statements[index], ...place, createdAt: row.createdAt });
    engine.runs.add(run);
    return run;
  });
  for (const run of runs) run.batch = runs;
  opts.signal?.addEventListener("abort", () => cancelFrom(runs[0]), { once: true });
  const done = split.error
    ? failSplit(engine, ctx, runs[0], split.error)
    : executeAll(engine, ctx, runs);
  return { batchId, runs: runs.map((run) => ({ id: run.id, index: run.origin.index, ...run.origin.statement })), done };
}

async function executeAll(engine: QueryEngine, ctx: QueryContext, runs: LiveRun[]): Promise<BatchOutcome> {
  let session = ctx.session;
  let stoppedBy: string | undefined;
  for (const run of runs) {
    try {
      if (stoppedBy) {
        await skipStatement(ctx, run, stoppedBy);
      } else {
        session = (await executeStatement(engine, { ...ctx, session }, run)) ?? session;
        if (run.status !== "succeeded") stoppedBy = `Not run: statement ${run.origin.index + 1} ${run.status === "cancelled" ? "was cancelled" : "failed"}.`;
      }
    } catch (error) {
      log.error("query.batch", { run: run.id, error });
      stoppedBy ??= "Not run: an earlier statement could not be recorded.";
    } finally {
      engine.runs.finished(run);
    }
  }
  return { session, statuses: runs.map((r) => r.status) };
}

interface Split {
  statements: StatementText[];
  error?: unknown;
}

/** The statements of the text; when the splitter itself fails, the whole text as one (failed) run. */
function splitText(engine: QueryEngine, text: string): Split {
  let statements: StatementText[];
  try {
    statements = engine.planner.split(text);
  } catch (error) {
    return { statements: [{ sql: text.trim(), start: 0, end: text.length }], error };
  }
  if (statements.length === 0) throw new AppError("bad_request", "There is no statement to run.");
  if (statements.length > MAX_STATEMENTS) throw new AppError("bad_request", `A cell may hold at most ${MAX_STATEMENTS} statements; this one has ${statements.length}.`);
  return { statements };
}

async function failSplit(engine: QueryEngine, ctx: QueryContext, run: LiveRun, error: unknown): Promise<BatchOutcome> {
  const message = engine.planner.explain(error, undefined, run.origin.statement);
  const finishedAt = new Date();
  run.update({ status: "failed", error: message, finishedAt });
  await recordFinished(ctx.db, run.id, { status: "failed", finishedAt, tablesRead: [], error: message }).catch((e: unknown) => log.error("query.record", { run: run.id, error: e }));
  engine.runs.finished(run);
  return { session: ctx.session, statuses: ["failed"] };
}

function requireUser(ctx: QueryContext): UserPrincipal {
  requireAuthorized(ctx.actor, "notebooks.use");
  if (ctx.actor.kind !== "user") throw new AppError("bad_request", "Queries are run by a signed-in person; Tarn itself keeps no query history.");
  return ctx.actor;
}

/** The notebook and cell a run belongs to, when given: one the person may open. */
async function checkPlace(ctx: QueryContext, actor: UserPrincipal, opts: RunOptions): Promise<{ notebookId: string | null; cellId: string | null }> {
  if (!opts.notebookId) {
    if (opts.cellId) throw new AppError("bad_request", "A cell is given without its notebook.");
    return { notebookId: null, cellId: null };
  }
  const notebook = await ctx.db.notebook.findUnique({ where: { id: opts.notebookId }, include: { shares: true } });
  if (!notebook || !authorizeNotebook(actor, notebook, "view").allowed) throw new AppError("not_found", "That notebook does not exist, or is not shared with you.");
  if (opts.cellId && !(await ctx.db.notebookCell.findFirst({ where: { id: opts.cellId, notebookId: notebook.id }, select: { id: true } }))) {
    throw new AppError("not_found", "That cell is not in this notebook.");
  }
  return { notebookId: notebook.id, cellId: opts.cellId ?? null };
}
