"use client";

import type { ReactNode } from "react";

export interface CellControls {
  index: number;
  total: number;
  readOnly: boolean;
  onMove(delta: -1 | 1): void;
  onDelete(): void;
  onAddBelow(kind: "sql" | "markdown"): void;
}

/** A cell's frame: its label, its own buttons, then the move/delete controls (hidden read-only). */
export function CellFrame({ kind, label, controls, actions, children }: { kind: "sql" | "markdown"; label: string; controls: CellControls; actions?: ReactNode; children: ReactNode }) {
  const { index, total, readOnly } = controls;
  return (
    <article className={`cell cell-${kind}`} aria-label={label} data-testid="cell" data-kind={kind}>
      <header className="cell-bar">
        <span className="cell-label muted">
          [{index + 1}] {kind === "sql" ? "SQL" : "Markdown"}
        </span>
        <div className="row cell-actions">
          {actions}
          {!readOnly && (
            <>
              <button type="button" className="icon" onClick={() => controls.onMove(-1)} disabled={index === 0} aria-label={`Move ${label} up`} title="Move up">
                ↑
              </button>
              <button type="button" className="icon" onClick={() => controls.onMove(1)} disabled={index === total - 1} aria-label={`Move ${label} down`} title="Move down">
                ↓
              </button>
              <button type="button" className="icon danger" onClick={controls.onDelete} aria-label={`Delete ${label}`} title="Delete cell">
                ✕
              </button>
            </>
          )}
        </div>
      </header>
      {children}
      {!readOnly && (
        <div className="cell-add row">
          <button type="button" className="link" onClick={() => controls.onAddBelow("sql")} aria-label={`Add a SQL cell below ${label}`}>
            + SQL
          </button>
          <button type="button" className="link" onClick={() => controls.onAddBelow("markdown")} aria-label={`Add a Markdown cell below ${label}`}>
            + Markdown
          </button>
        </div>
      )}
    </article>
  );
}
