"use client";

import { useCallback, useRef, useState } from "react";
import { ContextPicker } from "./context-picker";
import { HistoryPanel } from "./history-panel";
import { MarkdownCell } from "./markdown-cell";
import { NotebookHeader } from "./notebook-header";
import { ParameterBar } from "./parameter-bar";
import { type CellHandle, SqlCell } from "./sql-cell";
import type { CellData, NotebookDetail } from "./types";
import { SaveIndicator, useAutosave } from "./use-autosave";
import { useEditorSource } from "./use-editor-source";
import { useNotebookCells } from "./use-notebook-cells";
import { useNotebookSettings } from "./use-notebook-settings";

/**
 * One notebook: its title and tools, the current catalog/namespace, parameter inputs, the
 * ordered cells (SQL and Markdown) and, on demand, the query history. Everything typed is
 * saved by autosave; structure changes (add, move, delete) are saved at once.
 */
export function NotebookWorkspace({ initial }: { initial: NotebookDetail }) {
  const readOnly = initial.access === "view";
  const autosave = useAutosave();
  const [title, setTitle] = useState(initial.title);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [runningAll, setRunningAll] = useState(false);
  const settings = useNotebookSettings(initial, autosave, readOnly);
  const cells = useNotebookCells(initial.id, initial.cells, autosave);
  const source = useEditorSource(settings.context);
  const handles = useRef(new Map<string, CellHandle>());
  /** What to do with a cell once its editor has registered (focus it, or run it). */
  const onArrival = useRef(new Map<string, (handle: CellHandle) => void>());

  const register = useCallback((cellId: string, handle: CellHandle | null) => {
    if (!handle) {
      handles.current.delete(cellId);
      return;
    }
    handles.current.set(cellId, handle);
    const pending = onArrival.current.get(cellId);
    onArrival.current.delete(cellId);
    pending?.(handle);
  }, []);

  const sqlSources = () => cells.cells.filter((c) => c.kind === "sql").map((c) => cells.sources.current.get(c.id) ?? "");
  const changeSource = (cell: CellData, text: string) => {
    cells.setSource(cell.id, text);
    if (cell.kind === "sql") settings.refreshNames(sqlSources());
  };

  const addCell = async (kind: "sql" | "markdown", position: number, text = "", then?: (handle: CellHandle) => void) => {
    const cell = await cells.add(kind, position, text);
    if (cell && then) onArrival.current.set(cell.id, then);
    if (cell && kind === "sql" && text) settings.refreshNames([...sqlSources(), text]);
  };

  /** Shift+Enter: the next cell gets the focus; after the last one a new SQL cell is added. */
  const advance = (index: number) => {
    const next = cells.cells[index + 1];
    if (next) handles.current.get(next.id)?.focus();
    else if (!readOnly) void addCell("sql", index + 1, "", (h) => h.focus());
  };

  const runAll = async () => {
    setRunningAll(true);
    try {
      for (const cell of cells.cells) {
        if (cell.kind !== "sql" || !(cells.sources.current.get(cell.id) ?? "").trim()) continue;
        const ok = await handles.current.get(cell.id)?.run();
        if (ok === false) break;
      }
    } finally {
      setRunningAll(false);
    }
  };

  const runRequest = (sql: string) => ({ sql, catalog: settings.latest.current.context.catalog, namespace: settings.latest.current.context.namespace, params: settings.paramsFor(sql) });

  return (
    <div className={historyOpen ? "notebook-layout with-history" : "notebook-layout"}>
      <div className="notebook-main">
        <NotebookHeader notebook={initial} title={title} onRenamed={setTitle} beforeLeave={autosave.flush}>
          <SaveIndicator status={autosave.status} error={autosave.error} onRetry={() => void autosave.flush()} />
          <button type="button" className="primary" disabled={runningAll} onClick={() => void runAll()}>
            {runningAll ? "Running all…" : "Run all"}
          </button>
          <button type="button" aria-pressed={historyOpen} onClick={() => setHistoryOpen((open) => !open)}>
            History
          </button>
        </NotebookHeader>
        <div className="panel notebook-bar">
          <ContextPicker value={settings.context} readOnly={readOnly} onChange={settings.setContext} />
          <ParameterBar names={settings.names} values={settings.values} readOnly={readOnly} onChange={settings.setValue} />
        </div>
        {cells.cells.length === 0 && (
          <div className="panel empty stack">
            <p style={{ margin: 0 }}>This notebook has no cells yet.</p>
            {!readOnly && (
              <div className="row" style={{ justifyContent: "center" }}>
                <button type="button" className="primary" onClick={() => void addCell("sql", 0, "", (h) => h.focus())}>
                  Add a SQL cell
                </button>
                <button type="button" onClick={() => void addCell("markdown", 0)}>
                  Add a Markdown cell
                </button>
              </div>
            )}
          </div>
        )}
        {cells.cells.map((cell, index) => {
          const controls = {
            index,
            total: cells.cells.length,
            readOnly,
            onMove: (delta: -1 | 1) => cells.move(cell.id, delta),
            onDelete: () => void cells.remove(cell.id),
            onAddBelow: (kind: "sql" | "markdown") => void addCell(kind, index + 1, "", kind === "sql" ? (h) => h.focus() : undefined),
          };
          return cell.kind === "markdown" ? (
            <MarkdownCell key={cell.id} cell={cell} controls={controls} onChange={(text) => changeSource(cell, text)} />
          ) : (
            <SqlCell
              key={cell.id}
              notebookId={initial.id}
              cell={cell}
              controls={controls}
              source={source}
              runRequest={runRequest}
              onSourceChange={(text) => changeSource(cell, text)}
              onChartChange={(chart) => cells.setChart(cell.id, chart)}
              onRegister={(handle) => register(cell.id, handle)}
              onAdvance={() => advance(index)}
              onSession={(session) => settings.setContext({ catalog: session.catalog, namespace: session.namespace })}
            />
          );
        })}
      </div>
      {historyOpen && (
        <HistoryPanel
          readOnly={readOnly}
          onClose={() => setHistoryOpen(false)}
          onOpen={(sql) => void addCell("sql", cells.cells.length, sql, (h) => h.focus())}
          onRerun={(sql) => void addCell("sql", cells.cells.length, sql, (h) => void h.run())}
        />
      )}
    </div>
  );
}
