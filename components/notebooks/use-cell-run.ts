"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { cancelRun, fetchRun, type RunRequest, type RunState, type StartedRun, startRuns, TERMINAL } from "./query-api";

export interface StatementRun extends StartedRun {
  state: RunState | null;
}

export interface CellRun {
  /** Offset in the cell's text of what was sent (a selection starts later). */
  base: number;
  runs: StatementRun[];
  /** The run could not start at all (refused, unavailable): a person-readable message. */
  startError: string | null;
  running: boolean;
}

/** Bounds how stale a queue position can get (it moves without the run itself changing). */
const LONG_POLL_MS = 2000;
const MIN_POLL_GAP_MS = 100;

function firstOpen(runs: StatementRun[]): number {
  return runs.findIndex((r) => !r.state || !TERMINAL.includes(r.state.status));
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const IDLE: CellRun = { base: 0, runs: [], startError: null, running: false };

/**
 * Runs a cell's text through the engine's API and follows each statement's run until it
 * ends (queued → running → succeeded/failed/cancelled), polling its status. `run` resolves
 * once every statement has ended, so "Run all" can go cell by cell.
 */
export function useCellRun(onSettled?: (runs: StatementRun[]) => void) {
  const [state, setState] = useState<CellRun>(IDLE);
  const alive = useRef(true);
  const generation = useRef(0);
  const settled = useRef(onSettled);
  settled.current = onSettled;
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(async (request: RunRequest, base: number): Promise<StatementRun[]> => {
    const mine = ++generation.current;
    setState({ base, runs: [], startError: null, running: true });
    let runs: StatementRun[];
    try {
      runs = (await startRuns(request)).map((r) => ({ ...r, state: null }));
    } catch (error) {
      if (alive.current && mine === generation.current) setState({ base, runs: [], startError: (error as Error).message, running: false });
      return [];
    }
    const current = () => alive.current && mine === generation.current;
    if (current()) setState({ base, runs, startError: null, running: runs.length > 0 });
    // Statements run one after another: follow the first open one with a long poll (the
    // server answers at its next change); the ones after it are still queued meanwhile.
    for (let open = firstOpen(runs); current() && open >= 0; open = firstOpen(runs)) {
      const r = runs[open];
      const version = r.state?.version;
      const state = await fetchRun(r.id, version === null || version === undefined ? undefined : { since: version, waitMs: LONG_POLL_MS }).catch(() => null);
      if (!state) await pause(1000);
      else runs = runs.map((each, i) => (i === open ? { ...each, state } : each));
      if (current()) setState({ base, runs, startError: null, running: firstOpen(runs) >= 0 });
      await pause(MIN_POLL_GAP_MS);
    }
    if (current()) settled.current?.(runs);
    return runs;
  }, []);

  const cancel = useCallback(async () => {
    const open = state.runs.filter((r) => !r.state || !TERMINAL.includes(r.state.status));
    await Promise.all(open.map((r) => cancelRun(r.id).catch(() => undefined)));
  }, [state.runs]);

  const clear = useCallback(() => {
    generation.current += 1;
    setState(IDLE);
  }, []);

  return { ...state, run, cancel, clear };
}

/** The first failed statement's position as an offset in the cell's text, for the editor marker. */
export function errorOffset(cellText: string, run: CellRun): { offset: number; message: string } | null {
  const failed = run.runs.find((r) => r.state?.status === "failed" && r.state.error);
  const error = failed?.state?.error;
  if (!failed || !error) return null;
  // Line and column are the engine's, in the text that was sent (the cell, or the selection).
  if (!error.line) return { offset: run.base + failed.start, message: error.message };
  const lines = cellText.slice(run.base).split("\n");
  let offset = run.base;
  for (let i = 0; i < error.line - 1 && i < lines.length; i += 1) offset += lines[i].length + 1;
  return { offset: offset + Math.max(0, (error.column ?? 1) - 1), message: error.message };
}
