/** The shapes the exec API hands out (and the route handlers send as JSON). */
import type { SessionState } from "../types";

export const RUN_STATUSES = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type RunStatusName = (typeof RUN_STATUSES)[number];

export function isFinished(status: RunStatusName): boolean {
  return status === "succeeded" || status === "failed" || status === "cancelled";
}

/** A column of a result, with DuckDB's type name ("BIGINT", "DECIMAL(18,3)", "STRUCT(…)"). */
export interface ResultColumn {
  name: string;
  type: string;
}

/** An error a person can act on: the line and column are in the text they ran (1-based). */
export interface QueryError {
  message: string;
  line?: number;
  column?: number;
}

/** One statement's run as the UI sees it (`GET /api/queries/:id`). */
export interface RunStatus {
  id: string;
  /** Runs of one `runStatements` call share it; `index` is the statement's place there. */
  batchId: string | null;
  index: number | null;
  sql: string;
  notebookId: string | null;
  cellId: string | null;
  status: RunStatusName;
  /** 1-based place in the queue while queued, else null. */
  queuePosition: number | null;
  /** Null until the query has described its result; commands have none. */
  columns: ResultColumn[] | null;
  /** Rows readable so far (all of them once `complete`). */
  rowCount: number;
  /** Every row has arrived (and is kept, until `expiresAt`). */
  complete: boolean;
  /** Whether pages can be read now (rows are streaming in or kept). */
  rowsAvailable: boolean;
  expiresAt: string | null;
  error: QueryError | null;
  /** Commands: "Inserted 3 rows", and what changed. */
  message: string | null;
  rowsAffected: number | null;
  /** Set by USE: the session's catalog/namespace for the statements after it. */
  session: SessionState | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  bytesScanned: number | null;
  tablesRead: string[];
  /** Grows with every change; pass it back as `since` to wait for the next one. */
  version: number;
}
