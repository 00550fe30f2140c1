"use client";

import type { RunState } from "./query-api";
import { formatBytes } from "./result-export";

/** Where a statement is: waiting (with its place in the queue), running, done (counts), failed, cancelled. */
export function RunSummary({ state, onCancel }: { state: RunState | null; onCancel: () => void }) {
  if (!state || state.status === "queued" || state.status === "running") {
    const waiting = !state || state.status === "queued";
    return (
      <div className="row run-line" role="status">
        <span className="spinner" aria-hidden />
        <span>
          {waiting ? (state?.queuePosition ? `Waiting in the queue: position ${state.queuePosition}` : "Waiting to start…") : "Running…"}
          {!waiting && state?.rowCount ? ` ${state.rowCount.toLocaleString()} rows so far` : ""}
        </span>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    );
  }
  if (state.status === "cancelled") {
    return (
      <p className="run-line muted" role="status">
        Cancelled.
      </p>
    );
  }
  if (state.status === "failed") {
    const where = state.error?.line ? ` (line ${state.error.line}${state.error.column ? `, column ${state.error.column}` : ""})` : "";
    return (
      <div className="cell-error" role="alert">
        {state.error?.message ?? "The statement failed."}
        {where}
      </div>
    );
  }
  const parts = [
    state.rowCount !== null ? `${state.rowCount.toLocaleString()} ${state.rowCount === 1 ? "row" : "rows"}` : null,
    state.durationMs !== null ? formatDuration(state.durationMs) : null,
    state.bytesScanned !== null ? `${formatBytes(state.bytesScanned)} scanned` : null,
  ].filter(Boolean);
  return (
    <p className="run-line muted" role="status" data-testid="run-summary">
      {state.message ? <span className="run-message">{state.message} </span> : null}
      {parts.join(" · ")}
    </p>
  );
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
