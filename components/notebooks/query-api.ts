/**
 * The query engine's HTTP API (route handlers under /api/queries, owned by lib/query/exec):
 * plain fetchers, no React. Errors arrive as `{ error: { code, message } }` and become
 * ActionFailure with that person-readable message; nothing raw is ever shown.
 *
 *   POST /api/queries                     { sql, catalog, namespace, params, notebookId, cellId } → one run per statement
 *   GET  /api/queries/:id                 status, queue position, columns, row count, duration, bytes, error (line, column)
 *   GET  /api/queries/:id/rows            ?offset&limit&sort&filter → a page of the kept result
 *   POST /api/queries/:id/cancel
 *   GET  /api/queries/:id/export          ?format=csv|json|parquet → the whole result, streamed
 *   GET  /api/queries                     ?search&notebookId&limit&after → my history, newest first
 */
import { ActionFailure } from "@/components/action-client";
import type { ParameterValue } from "./types";

export type RunStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";

export interface RunRequest {
  sql: string;
  catalog: string | null;
  namespace: string[] | null;
  params: Record<string, ParameterValue>;
  notebookId?: string;
  cellId?: string;
}

/** One statement of the text that was sent, with where it sits in that text. */
export interface StartedRun {
  id: string;
  start: number;
  end: number;
}

export interface ResultColumn {
  name: string;
  type: string;
}

export interface RunError {
  message: string;
  /** 1-based, in the text that was sent. */
  line: number | null;
  column: number | null;
}

export interface RunState {
  id: string;
  status: RunStatus;
  queuePosition: number | null;
  columns: ResultColumn[];
  rowCount: number | null;
  /** Pages can be read now (rows stream in while the query runs, and are kept after). */
  rowsAvailable: boolean;
  /** Every row has arrived. */
  complete: boolean;
  durationMs: number | null;
  bytesScanned: number | null;
  /** Commands (DDL, DML, USE) answer with a message instead of rows. */
  message: string | null;
  /** Set by USE: where names now resolve. */
  session: { catalog: string | null; namespace: string[] | null } | null;
  error: RunError | null;
  /** Grows with every change (null when the server does not say). */
  version: number | null;
}

export interface SortSpec {
  column: string;
  direction: "asc" | "desc";
}

/** One condition per column, as AG Grid's filter model gives it (text, number, date). */
export type FilterModel = Record<string, unknown>;

export interface RowsPage {
  columns: ResultColumn[];
  rows: unknown[][];
  /** Rows after the filter (so far, while the query still runs), when known. */
  total: number | null;
  /** Every row has arrived: `total` is final. */
  complete: boolean;
}

export const TERMINAL: readonly RunStatus[] = ["succeeded", "failed", "cancelled"];

export async function startRuns(request: RunRequest): Promise<StartedRun[]> {
  const body = await call<{ runs?: unknown[]; statements?: unknown[]; ids?: unknown[] }>("/api/queries", { method: "POST", body: JSON.stringify(request) });
  const list = body.runs ?? body.statements ?? body.ids ?? [];
  return list.map((entry) => (typeof entry === "string" ? { id: entry, start: 0, end: request.sql.length } : normaliseStarted(entry as Record<string, unknown>, request.sql.length)));
}

/** A run's state; with `since` (the version last seen) the server answers at the next change, or after `waitMs`. */
export async function fetchRun(id: string, wait?: { since: number; waitMs: number }): Promise<RunState> {
  const query = wait ? `?${new URLSearchParams({ since: String(wait.since), wait: String(wait.waitMs) })}` : "";
  return normaliseState(await call<Record<string, unknown>>(`/api/queries/${encodeURIComponent(id)}${query}`));
}

export async function fetchRows(id: string, page: { offset: number; limit: number; sort: SortSpec[]; filter: FilterModel | null }): Promise<RowsPage> {
  const query = new URLSearchParams({ offset: String(page.offset), limit: String(page.limit) });
  if (page.sort.length > 0) query.set("sort", JSON.stringify(page.sort.map((s) => ({ column: s.column, direction: s.direction }))));
  if (page.filter && Object.keys(page.filter).length > 0) query.set("filter", JSON.stringify(page.filter));
  const body = await call<{ columns?: ResultColumn[]; rows?: unknown[]; total?: number | null; rowCount?: number | null; complete?: boolean }>(`/api/queries/${encodeURIComponent(id)}/rows?${query}`);
  const columns = body.columns ?? [];
  const rows = (body.rows ?? []).map((row) => (Array.isArray(row) ? row : columns.map((c) => (row as Record<string, unknown>)[c.name])));
  return { columns, rows, total: body.total ?? body.rowCount ?? null, complete: body.complete !== false };
}

export async function cancelRun(id: string): Promise<void> {
  await call(`/api/queries/${encodeURIComponent(id)}/cancel`, { method: "POST" });
}

/** One past run, as the history panel lists it. */
export interface HistoryEntry {
  id: string;
  sql: string;
  status: RunStatus;
  notebookId: string | null;
  createdAt: string;
  durationMs: number | null;
  rowCount: number | null;
  error: string | null;
}

export async function fetchHistory(query: { search: string; limit?: number }): Promise<{ runs: HistoryEntry[]; next: string | null }> {
  const params = new URLSearchParams({ limit: String(query.limit ?? 50) });
  if (query.search.trim()) params.set("search", query.search.trim());
  const body = await call<{ runs?: Record<string, unknown>[]; next?: string | null }>(`/api/queries?${params}`);
  const runs = (body.runs ?? []).map((r) => ({
    id: String(r.id),
    sql: typeof r.sql === "string" ? r.sql : "",
    status: (r.status as RunStatus) ?? "failed",
    notebookId: typeof r.notebookId === "string" ? r.notebookId : null,
    createdAt: typeof r.createdAt === "string" ? r.createdAt : "",
    durationMs: num(r.durationMs),
    rowCount: num(r.rowCount),
    error: typeof (r.error as { message?: unknown } | null)?.message === "string" ? (r.error as { message: string }).message : null,
  }));
  return { runs, next: body.next ?? null };
}

export function exportUrl(id: string, format: "csv" | "json" | "parquet"): string {
  return `/api/queries/${encodeURIComponent(id)}/export?format=${format}`;
}

/** JSON in, JSON out; a refusal becomes an ActionFailure carrying the server's message. */
export async function call<T = unknown>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { "Content-Type": "application/json", ...init.headers }, credentials: "same-origin" });
  } catch {
    throw new ActionFailure({ code: "unavailable", message: "Tarn could not be reached. Check your connection and try again." });
  }
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!response.ok) {
    if (response.status === 401 && typeof window !== "undefined") window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    const message = response.status === 404 && !body?.error ? "The query service is not available yet." : (body?.error?.message ?? "The query could not be run. Please try again.");
    throw new ActionFailure({ code: body?.error?.code ?? "internal", message });
  }
  return body as T;
}

function normaliseStarted(entry: Record<string, unknown>, length: number): StartedRun {
  const span = (entry.statement ?? entry) as { start?: unknown; end?: unknown };
  return { id: String(entry.id), start: typeof span.start === "number" ? span.start : 0, end: typeof span.end === "number" ? span.end : length };
}

function num(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

function normaliseState(body: Record<string, unknown>): RunState {
  const error = body.error as { message?: unknown; line?: unknown; column?: unknown; position?: { line?: unknown; column?: unknown } } | null | undefined;
  const session = body.session as { catalog?: unknown; namespace?: unknown } | null | undefined;
  return {
    id: String(body.id),
    status: (body.status as RunStatus) ?? "queued",
    queuePosition: num(body.queuePosition),
    columns: Array.isArray(body.columns) ? (body.columns as ResultColumn[]) : Array.isArray(body.schema) ? (body.schema as ResultColumn[]) : [],
    rowCount: num(body.rowCount),
    rowsAvailable: body.rowsAvailable === undefined ? body.status === "succeeded" : body.rowsAvailable === true,
    complete: body.complete === undefined ? body.status === "succeeded" : body.complete === true,
    durationMs: num(body.durationMs),
    bytesScanned: num(body.bytesScanned),
    message: typeof body.message === "string" ? body.message : null,
    version: num(body.version),
    session: session ? { catalog: typeof session.catalog === "string" ? session.catalog : null, namespace: Array.isArray(session.namespace) ? (session.namespace as string[]) : null } : null,
    error: error
      ? { message: typeof error.message === "string" ? error.message : "The statement failed.", line: num(error.line ?? error.position?.line), column: num(error.column ?? error.position?.column) }
      : null,
  };
}
