/**
 * What `GET /api/queries/:id` answers: a run's state, from the live run while this
 * process knows it, else from its QueryRun row. `since` turns it into a long poll: the
 * answer waits (up to `waitMs`) for a change after that version.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { QueryEngine } from "./engine";
import type { LiveRun } from "./live-run";
import { parseError, parseTables, type QueryRunRow } from "./records";
import { findRun, type RunReader } from "./run-access";
import { isFinished, type RunStatus, type RunStatusName } from "./run-types";

export const MAX_WAIT_MS = 25_000;
const ROW_POLL_MS = 1_000;

export interface ViewOptions {
  since?: number;
  waitMs?: number;
}

export async function getRun(reader: RunReader, engine: QueryEngine, id: string, opts: ViewOptions = {}): Promise<RunStatus> {
  const found = await findRun(reader, engine, id, "read");
  if (!found.live) {
    const view = viewOfRow(found.row);
    // Not run by this process (nothing will wake a waiter): a long poll still paces the caller.
    if (opts.since !== undefined && !isFinished(view.status)) await sleep(Math.min(opts.waitMs ?? ROW_POLL_MS, ROW_POLL_MS));
    if (view.rowsAvailable && found.row.resultPath) view.columns = await engine.store.columnsOf(found.row.resultPath).catch(() => null);
    return view;
  }
  if (opts.since !== undefined) await found.live.waitForChange(opts.since, Math.min(opts.waitMs ?? MAX_WAIT_MS, MAX_WAIT_MS));
  return viewOfLive(found.live);
}

export function viewOfLive(run: LiveRun): RunStatus {
  const { origin } = run;
  const end = run.finishedAt ?? (isFinished(run.status) ? undefined : new Date());
  return {
    id: run.id,
    batchId: origin.batchId,
    index: origin.index,
    sql: origin.statement.sql,
    notebookId: origin.notebookId,
    cellId: origin.cellId,
    status: run.status,
    queuePosition: run.queuePosition,
    columns: run.columns,
    rowCount: run.rowCount,
    complete: run.complete,
    rowsAvailable: Boolean(run.held || run.spool || run.resultPath),
    expiresAt: run.expiresAt?.toISOString() ?? null,
    error: run.error ?? null,
    message: run.message ?? null,
    rowsAffected: run.rowsAffected ?? null,
    session: run.session ?? null,
    createdAt: origin.createdAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
    durationMs: run.startedAt && end ? end.getTime() - run.startedAt.getTime() : null,
    bytesScanned: run.bytesScanned ?? null,
    tablesRead: run.tablesRead,
    version: run.version,
  };
}

/** A run this process no longer holds: what its row says (`getRun` adds the kept file's columns). */
export function viewOfRow(row: QueryRunRow): RunStatus {
  const kept = Boolean(row.resultPath && row.resultExpiresAt && row.resultExpiresAt > new Date());
  const status = row.status as RunStatusName;
  return {
    id: row.id,
    batchId: null,
    index: null,
    sql: row.sql,
    notebookId: row.notebookId,
    cellId: row.cellId,
    status,
    queuePosition: null,
    columns: null,
    rowCount: row.rowCount ?? 0,
    complete: isFinished(status),
    rowsAvailable: kept,
    expiresAt: row.resultExpiresAt?.toISOString() ?? null,
    error: parseError(row.error),
    message: null,
    rowsAffected: null,
    session: null,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    durationMs: row.durationMs,
    bytesScanned: row.bytesScanned,
    tablesRead: parseTables(row.tablesRead),
    version: 0,
  };
}
