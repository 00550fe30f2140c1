"use client";

import { useCallback, useRef, useState } from "react";
import { setContextAction, setParametersAction } from "@/app/(studio)/notebooks/actions";
import { unwrap } from "@/components/action-client";
import type { NotebookContextValue } from "./context-picker";
import { parameterNames } from "./sql-text";
import type { NotebookDetail, ParameterValue } from "./types";
import type { useAutosave } from "./use-autosave";

type Autosave = ReturnType<typeof useAutosave>;

/**
 * The notebook's current catalog/namespace and its parameter values, kept on the client and
 * saved through autosave. Parameter names come from the SQL cells' text (`:name`), in order of
 * first use across the notebook.
 */
export function useNotebookSettings(initial: NotebookDetail, autosave: Autosave, readOnly: boolean) {
  const [context, setContextState] = useState<NotebookContextValue>({ catalog: initial.catalog, namespace: initial.namespace });
  const [values, setValues] = useState<Record<string, ParameterValue>>(initial.parameters);
  const [names, setNames] = useState(() => namesOf(initial.cells.filter((c) => c.kind === "sql").map((c) => c.source)));
  const latest = useRef({ context, values });
  latest.current = { context, values };

  const setContext = useCallback(
    (next: NotebookContextValue) => {
      setContextState(next);
      latest.current.context = next;
      if (!readOnly) autosave.schedule("context", () => unwrap(setContextAction({ id: initial.id, ...latest.current.context })));
    },
    [autosave, initial.id, readOnly],
  );

  const setValue = useCallback(
    (name: string, value: ParameterValue) => {
      setValues((all) => {
        const next = { ...all, [name]: value };
        latest.current.values = next;
        return next;
      });
      if (!readOnly) autosave.schedule("params", () => unwrap(setParametersAction({ id: initial.id, parameters: latest.current.values })));
    },
    [autosave, initial.id, readOnly],
  );

  /** Called with every SQL cell's text after an edit: the parameter list follows the SQL. */
  const refreshNames = useCallback((sources: string[]) => {
    const next = namesOf(sources);
    setNames((current) => (current.join("\n") === next.join("\n") ? current : next));
  }, []);

  /** The values a statement uses, for a run (null where none was given). */
  const paramsFor = useCallback((sql: string) => Object.fromEntries(parameterNames(sql).map((name) => [name, latest.current.values[name] ?? null])), []);

  return { context, setContext, names, values, setValue, refreshNames, paramsFor, latest };
}

function namesOf(sources: string[]): string[] {
  return [...new Set(sources.flatMap(parameterNames))];
}
