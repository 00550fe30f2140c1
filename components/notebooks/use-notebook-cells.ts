"use client";

import { useCallback, useRef, useState } from "react";
import { toast } from "sonner";
import { addCellAction, deleteCellAction, moveCellAction, updateCellAction } from "@/app/(studio)/notebooks/cell-actions";
import { unwrap } from "@/components/action-client";
import type { CellData, ChartConfig } from "./types";
import type { useAutosave } from "./use-autosave";

type Autosave = ReturnType<typeof useAutosave>;

/**
 * The notebook's cells on the client: structure changes (add, move, delete) go to the server
 * at once; source and chart edits go through autosave. The live text of each cell is kept in
 * a ref (the editors are uncontrolled), so saving and running always use the latest keystroke.
 */
export function useNotebookCells(notebookId: string, initial: CellData[], autosave: Autosave) {
  const [cells, setCells] = useState(initial);
  const sources = useRef(new Map(initial.map((c) => [c.id, c.source])));
  const charts = useRef(new Map<string, ChartConfig | null>());

  const saveCell = useCallback(
    (cellId: string) =>
      autosave.schedule(`cell:${cellId}`, () => {
        const change: { source?: string; chart?: ChartConfig | null } = { source: sources.current.get(cellId) ?? "" };
        if (charts.current.has(cellId)) change.chart = charts.current.get(cellId) ?? null;
        return unwrap(updateCellAction({ notebookId, cellId, ...change }));
      }),
    [autosave, notebookId],
  );

  const setSource = useCallback(
    (cellId: string, source: string) => {
      sources.current.set(cellId, source);
      saveCell(cellId);
    },
    [saveCell],
  );

  const setChart = useCallback(
    (cellId: string, chart: ChartConfig | null) => {
      charts.current.set(cellId, chart);
      saveCell(cellId);
    },
    [saveCell],
  );

  const add = useCallback(
    async (kind: "sql" | "markdown", position: number, source = ""): Promise<CellData | null> => {
      try {
        const cell = await unwrap(addCellAction({ notebookId, kind, position, source }));
        sources.current.set(cell.id, cell.source);
        setCells((list) => [...list.slice(0, position), cell, ...list.slice(position)]);
        return cell;
      } catch (error) {
        toast.error((error as Error).message);
        return null;
      }
    },
    [notebookId],
  );

  // The list is read from a ref so the server call stays out of the state updater (pure, may run twice).
  const current = useRef(cells);
  current.current = cells;
  const move = useCallback(
    (cellId: string, delta: -1 | 1) => {
      const list = current.current;
      const from = list.findIndex((c) => c.id === cellId);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= list.length) return;
      const next = [...list];
      next.splice(to, 0, ...next.splice(from, 1));
      current.current = next;
      setCells(next);
      unwrap(moveCellAction({ notebookId, cellId, position: to })).catch((error: Error) => toast.error(error.message));
    },
    [notebookId],
  );

  const remove = useCallback(
    async (cellId: string) => {
      autosave.forget(`cell:${cellId}`);
      try {
        await unwrap(deleteCellAction({ notebookId, cellId }));
        setCells((list) => list.filter((c) => c.id !== cellId));
      } catch (error) {
        toast.error((error as Error).message);
      }
    },
    [autosave, notebookId],
  );

  return { cells, sources, setSource, setChart, add, move, remove };
}
