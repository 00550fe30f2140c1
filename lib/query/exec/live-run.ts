/**
 * A statement's run while this process knows it: status, queue place, the streaming
 * result, and waiters for its next change (the status endpoint's long poll). Finished
 * runs stay a while for late readers, then are served from their QueryRun row.
 */
import type { SessionState, StatementText } from "../types";
import type { QueryError, ResultColumn, RunStatusName } from "./run-types";
import type { HeldResult } from "./held-result";
import type { Spool } from "./spool";
import { RunStopped } from "./stop";

export interface RunOrigin {
  userId: string;
  batchId: string;
  index: number;
  statement: StatementText;
  notebookId: string | null;
  cellId: string | null;
  createdAt: Date;
}

export class LiveRun {
  status: RunStatusName = "queued";
  queuePosition: number | null = null;
  columns: ResultColumn[] | null = null;
  rowCount = 0;
  complete = false;
  spool?: Spool;
  /** A small finished result, in memory (held-result.ts). */
  held?: HeldResult;
  resultPath?: string;
  expiresAt?: Date;
  error?: QueryError;
  message?: string;
  rowsAffected?: number;
  session?: SessionState;
  startedAt?: Date;
  finishedAt?: Date;
  bytesScanned?: number;
  tablesRead: string[] = [];
  version = 0;
  /** Every run of its batch, in order (set once the batch is made). */
  batch: LiveRun[] = [];
  /** Aborted with a `RunStopped` reason by cancel, the time limit or shutdown. */
  readonly controller = new AbortController();
  private waiters = new Set<() => void>();

  constructor(
    readonly id: string,
    readonly origin: RunOrigin,
  ) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Applies a change and wakes everyone waiting for one. */
  update(change: RunChange): void {
    Object.assign(this, change);
    this.version++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves at the next change after `since`, or after `ms`, whichever comes first. */
  waitForChange(since: number, ms: number): Promise<void> {
    if (this.version > since || ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }
}

/** Resolves once a held result's file is written, or it is known it will not be. */
export async function untilKept(run: LiveRun): Promise<void> {
  while (run.held && !run.resultPath && run.status === "succeeded") await run.waitForChange(run.version, 60_000);
}

/** A change `LiveRun.update` applies. */
export type RunChange = Partial<Pick<LiveRun, MutableField>>;

/** Cancels the run and every later one of its batch (they would run in its session). */
export function cancelFrom(run: LiveRun): void {
  const later = run.batch.length > 0 ? run.batch.slice(run.origin.index) : [run];
  for (const each of later) if (!each.signal.aborted) each.controller.abort(RunStopped.cancelled());
}

type MutableField =
  | "status"
  | "queuePosition"
  | "columns"
  | "rowCount"
  | "complete"
  | "spool"
  | "held"
  | "resultPath"
  | "expiresAt"
  | "error"
  | "message"
  | "rowsAffected"
  | "session"
  | "startedAt"
  | "finishedAt"
  | "bytesScanned"
  | "tablesRead";

const KEEP_FINISHED_MS = 15 * 60_000;

/** The live runs of this process, by id. */
export class RunRegistry {
  private readonly runs = new Map<string, LiveRun>();

  add(run: LiveRun): void {
    this.runs.set(run.id, run);
  }

  get(id: string): LiveRun | undefined {
    return this.runs.get(id);
  }

  /** Forgets a finished run after a while (its row and file stay). */
  finished(run: LiveRun, keepMs = KEEP_FINISHED_MS): void {
    const timer = setTimeout(() => this.runs.delete(run.id), keepMs);
    timer.unref();
  }

  active(): LiveRun[] {
    return [...this.runs.values()].filter((r) => r.status === "queued" || r.status === "running");
  }
}
