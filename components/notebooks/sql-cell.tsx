"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { CellFrame, type CellControls } from "./cell-frame";
import { ChartPanel, defaultChart } from "./chart-panel";
import { ResultsPanel } from "./results-panel";
import type { RunRequest, RunState } from "./query-api";
import { SqlEditor, type SqlEditorHandle } from "./sql-editor";
import type { EditorSource } from "./sql-language";
import { errorOffset, useCellRun } from "./use-cell-run";
import type { CellData, ChartConfig } from "./types";

export interface CellHandle {
  /** Runs the whole cell; resolves when every statement has ended (false if one failed). */
  run(): Promise<boolean>;
  focus(): void;
}

export interface SqlCellProps {
  notebookId: string;
  cell: CellData;
  controls: CellControls;
  source: EditorSource;
  /** Catalog, namespace and parameter values for a run of `sql`. */
  runRequest(sql: string): Omit<RunRequest, "notebookId" | "cellId">;
  onSourceChange(source: string): void;
  onChartChange(chart: ChartConfig | null): void;
  onRegister(handle: CellHandle | null): void;
  onAdvance(): void;
  onSession(session: NonNullable<RunState["session"]>): void;
}

/** A SQL cell: editor, run/cancel, one result tab per statement, and its chart. */
export function SqlCell(props: SqlCellProps) {
  const { cell, controls } = props;
  const label = `Cell ${controls.index + 1}`;
  const text = useRef(cell.source);
  const editor = useRef<SqlEditorHandle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const [chart, setChart] = useState<ChartConfig | null>(cell.chart);
  const run = useCellRun((runs) => {
    const session = runs.map((r) => r.state?.session).findLast(Boolean);
    if (session) latest.current.onSession(session);
  });

  const start = async (sql: string, base: number): Promise<boolean> => {
    const request = { ...latest.current.runRequest(sql), notebookId: latest.current.notebookId, cellId: cell.id };
    const runs = await run.run(request, base);
    return runs.length > 0 && runs.every((r) => r.state?.status === "succeeded");
  };

  const startRef = useRef(start);
  startRef.current = start;
  const handle = useMemo<CellHandle>(() => ({ run: () => startRef.current(text.current, 0), focus: () => editor.current?.focus() }), []);
  useEffect(() => {
    latest.current.onRegister(handle);
    return () => latest.current.onRegister(null);
  }, [handle]);

  const marker = useMemo(() => errorOffset(text.current, run), [run]);
  const chartRun = chart ? run.runs[chart.statement] : undefined;
  const chartState = chartRun?.state?.status === "succeeded" ? chartRun.state : null;
  const firstResult = run.runs.findIndex((r) => r.state?.status === "succeeded" && r.state.columns.length > 0);
  const changeChart = (next: ChartConfig | null) => {
    setChart(next);
    props.onChartChange(next);
  };

  const actions = (
    <>
      {run.running ? (
        <button type="button" onClick={() => void run.cancel()} aria-label={`Cancel ${label}`}>
          ■ Cancel
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void start(text.current, 0)} aria-label={`Run ${label}`} title="Run (Ctrl/Cmd+Enter)">
          ▶ Run
        </button>
      )}
      {!controls.readOnly && (
        <button type="button" onClick={() => editor.current?.format()} aria-label={`Format ${label}`}>
          Format
        </button>
      )}
      {!chart && firstResult >= 0 && !controls.readOnly && (
        <button type="button" onClick={() => changeChart(defaultChart(run.runs[firstResult].state?.columns ?? [], firstResult))}>
          Chart
        </button>
      )}
    </>
  );

  return (
    <CellFrame kind="sql" label={label} controls={controls} actions={actions}>
      <SqlEditor
        cellId={cell.id}
        defaultValue={cell.source}
        readOnly={controls.readOnly}
        label={`SQL of ${label}`}
        source={props.source}
        marker={marker}
        onChange={(value) => {
          text.current = value;
          props.onSourceChange(value);
        }}
        onRun={(sql, base, advance) => {
          void start(sql, base);
          if (advance) props.onAdvance();
        }}
        onReady={(h) => {
          editor.current = h;
        }}
      />
      <ResultsPanel cellLabel={label} run={run} onCancel={() => void run.cancel()} />
      {chart && (
        <ChartPanel config={chart} columns={chartState?.columns ?? run.runs[firstResult]?.state?.columns ?? []} runId={chartState ? (chartRun?.id ?? null) : null} rowCount={chartState?.rowCount ?? null} readOnly={controls.readOnly} onChange={changeChart} />
      )}
    </CellFrame>
  );
}
