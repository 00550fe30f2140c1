/**
 * One statement, start to end: plan it for the session it runs in, wait for a slot,
 * run it under the time limit (a query's rows are held or streamed into its spool, a
 * command executes), keep the result (keep-result.ts), and record how it went. Never
 * throws: every outcome is recorded.
 */
import { log } from "@/lib/log";
import type { PreparedCommand, PreparedQuery, QueryContext, SessionState, StatementPlan } from "../types";
import type { QueryEngine } from "./engine";
import { engineConnection } from "./engine-connection";
import { describeFailure, type Failure, isPermissionError } from "./failure";
import { type LeaseHooks, withLease } from "./leased";
import type { LiveRun, RunChange } from "./live-run";
import { recordFinished, recordStarted } from "./records";
import { HeldResult } from "./held-result";
import { answerHeld, keepSpooled } from "./keep-result";
import { bytesOfFiles } from "./scanned-bytes";
import { RunStopped } from "./stop";
import { runToResult } from "./stream-query";

/** Runs the statement; the session it leaves for the next statement (changed by USE). */
export async function executeStatement(engine: QueryEngine, ctx: QueryContext, run: LiveRun): Promise<SessionState | undefined> {
  const clock = startClock(engine, ctx, run);
  let plan: StatementPlan | undefined;
  try {
    plan = await engine.planner.plan(ctx, run.origin.statement);
    run.signal.throwIfAborted();
    run.update({ tablesRead: plan.tablesRead });
    await engine.coverCatalogFolders(ctx.db);
    if (plan.kind === "query") await executeQuery(engine, ctx, run, plan, clock);
    else await executeCommand(engine, run, plan, clock.hooks);
    await finish(ctx, run, clock, undefined);
    return run.session;
  } catch (error) {
    const stop = run.signal.aborted ? run.signal.reason : undefined;
    const failure = describeFailure(error, { planner: engine.planner, memoryLimit: engine.options.memoryLimit, runId: run.id, plan, statement: run.origin.statement, stop });
    await finish(ctx, run, clock, failure);
    return undefined;
  } finally {
    clock.stop();
  }
}

/** Marks a statement that never ran (an earlier one failed or was cancelled). */
export async function skipStatement(ctx: QueryContext, run: LiveRun, reason: string): Promise<void> {
  if (!run.signal.aborted) run.controller.abort(RunStopped.skipped(reason));
  const finishedAt = new Date();
  run.update({ status: "cancelled", error: { message: reason }, finishedAt, queuePosition: null });
  await recordFinished(ctx.db, run.id, { status: "cancelled", finishedAt, tablesRead: [], error: { message: reason } });
}

async function executeQuery(engine: QueryEngine, ctx: QueryContext, run: LiveRun, plan: PreparedQuery, clock: Clock): Promise<void> {
  const bytes = bytesOfFiles(plan.sql).catch(() => undefined);
  const result = await withLease(engine.pool, run, clock.hooks, (lease) => runToResult(lease, plan, run, engine.store)).catch(async (error: unknown) => {
    // A folder registered since the instances were made: new instances, one more try.
    if (!isPermissionError(error) || !(await engine.coverCatalogFolders(ctx.db, true))) throw error;
    return withLease(engine.pool, run, clock.hooks, (lease) => runToResult(lease, plan, run, engine.store));
  });
  if (result instanceof HeldResult) await answerHeld(engine, run, result, bytes, (change) => answer(run, clock, change));
  else await keepSpooled(engine, run, result, bytes);
}

async function executeCommand(engine: QueryEngine, run: LiveRun, plan: PreparedCommand, hooks: LeaseHooks): Promise<void> {
  const result = await withLease(engine.pool, run, hooks, (lease) => plan.execute(engineConnection(lease.connection), run.signal));
  run.update({ message: result.message, rowsAffected: result.rowsAffected, session: result.session, complete: true });
}

/**
 * A statement still running this long after its start gets its QueryRun row marked
 * "running"; a quicker one (most) is written once more only, when it ends — with its
 * start time. Until then the row says "queued"; this process's live run says "running"
 * at once, and a row left queued by a stopped server is closed like a running one.
 */
export const RUNNING_WRITE_AFTER_MS = 250;

interface Clock {
  hooks: LeaseHooks;
  /** The QueryRun row's "running" write, when it was made: awaited before the final one. */
  started?: Promise<void>;
  stop: () => void;
}

/** Queue places, the start, and the time limit, which counts from the start. */
function startClock(engine: QueryEngine, ctx: QueryContext, run: LiveRun): Clock {
  let timer: NodeJS.Timeout | undefined;
  let runningWrite: NodeJS.Timeout | undefined;
  const clock: Clock = {
    hooks: {
      onQueued: (position) => run.update({ queuePosition: position }),
      onStarted: () => {
        if (run.startedAt) return; // a second attempt keeps the first start
        const startedAt = new Date();
        run.update({ status: "running", queuePosition: null, startedAt });
        runningWrite = setTimeout(() => {
          clock.started = recordStarted(ctx.db, run.id, startedAt).catch((error: unknown) => log.error("query.record", { run: run.id, error }));
        }, RUNNING_WRITE_AFTER_MS);
        const limit = engine.options.timeoutMs;
        timer = setTimeout(() => run.controller.abort(RunStopped.timeout(limit)), limit);
      },
    },
    stop: () => {
      clearTimeout(timer);
      clearTimeout(runningWrite);
    },
  };
  return clock;
}

/** The person is told the statement succeeded, with `change` (its rows); its record is written when the run ends. */
function answer(run: LiveRun, clock: Clock, change: RunChange): void {
  clock.stop();
  run.update({ ...change, status: "succeeded", finishedAt: new Date(), queuePosition: null });
}

async function finish(ctx: QueryContext, run: LiveRun, clock: Clock, failure: Failure | undefined): Promise<void> {
  clock.stop();
  // An answered run keeps the time it was answered at, unless keeping its result failed.
  const answered = !failure && run.status === "succeeded" ? run.finishedAt : undefined;
  const finishedAt = answered ?? new Date();
  const status = failure?.status ?? "succeeded";
  if (!answered) run.update({ status, error: failure?.error, finishedAt, queuePosition: null });
  try {
    await clock.started;
    await recordFinished(ctx.db, run.id, {
      status,
      startedAt: run.startedAt,
      finishedAt,
      rowCount: run.rowsAffected ?? (run.columns ? run.rowCount : undefined),
      bytesScanned: run.bytesScanned,
      tablesRead: run.tablesRead,
      error: failure?.error,
      resultPath: run.resultPath,
      resultExpiresAt: run.expiresAt,
    });
  } catch (error) {
    log.error("query.record", { run: run.id, error });
  }
}
