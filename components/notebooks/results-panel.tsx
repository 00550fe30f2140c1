"use client";

import { useState } from "react";
import { TERMINAL } from "./query-api";
import { ResultExport } from "./result-export";
import { ResultGrid } from "./result-grid";
import { RunSummary } from "./run-summary";
import type { CellRun } from "./use-cell-run";

/** One tab per statement of the last run: its status, its rows, its export. */
export function ResultsPanel({ cellLabel, run, onCancel }: { cellLabel: string; run: CellRun; onCancel: () => void }) {
  const [chosen, setChosen] = useState(0);
  if (run.startError) {
    return (
      <div className="cell-error" role="alert">
        {run.startError}
      </div>
    );
  }
  if (run.runs.length === 0) return run.running ? <p className="muted run-line">Starting…</p> : null;
  const active = Math.min(chosen, run.runs.length - 1);
  const current = run.runs[active];
  const state = current.state;
  return (
    <div className="results">
      {run.runs.length > 1 && (
        <div className="tabs" role="tablist" aria-label={`Results of ${cellLabel}`}>
          {run.runs.map((r, i) => (
            <button key={r.id} type="button" role="tab" aria-selected={i === active} onClick={() => setChosen(i)} data-status={r.state?.status ?? "queued"}>
              Statement {i + 1}
              {r.state?.status === "failed" ? " ⚠" : ""}
            </button>
          ))}
        </div>
      )}
      <div role={run.runs.length > 1 ? "tabpanel" : undefined} className="stack" style={{ gap: 8 }}>
        <RunSummary state={state} onCancel={onCancel} />
        {state && state.columns.length > 0 && (state.status === "succeeded" || (state.status === "running" && state.rowsAvailable)) && (
          <>
            {/* The first rows show while the query runs; the grid starts again once every row is there. */}
            <ResultGrid key={`${current.id}:${state.complete}`} runId={current.id} columns={state.columns} rowCount={state.complete ? state.rowCount : null} label={`Result of ${cellLabel}${run.runs.length > 1 ? `, statement ${active + 1}` : ""}`} />
            {state.status === "succeeded" && <ResultExport runId={current.id} rowCount={state.rowCount} />}
          </>
        )}
      </div>
    </div>
  );
}

export function isFinished(run: CellRun): boolean {
  return run.runs.every((r) => r.state && TERMINAL.includes(r.state.status));
}
