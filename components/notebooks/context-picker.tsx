"use client";

import { useQuery } from "@tanstack/react-query";
import { completionChildrenAction } from "@/app/(studio)/notebooks/completion-actions";
import { unwrap } from "@/components/action-client";
import { completionKeys } from "./keys";

export interface NotebookContextValue {
  catalog: string | null;
  namespace: string[] | null;
}

/**
 * Where unqualified names resolve for this notebook: a catalog and a namespace, chosen from
 * what this person may see. `USE` in a cell changes it too (the workspace passes it in).
 */
export function ContextPicker({ value, readOnly, onChange }: { value: NotebookContextValue; readOnly: boolean; onChange: (next: NotebookContextValue) => void }) {
  const catalogs = useQuery({ queryKey: completionKeys.children([]), queryFn: () => unwrap(completionChildrenAction({ path: [] })) });
  const namespaces = useQuery({
    queryKey: completionKeys.children(value.catalog ? [value.catalog] : ["-"]),
    enabled: value.catalog !== null,
    retry: false,
    queryFn: () => unwrap(completionChildrenAction({ path: [value.catalog as string] })),
  });
  const catalogNames = withCurrent((catalogs.data ?? []).map((c) => c.name), value.catalog);
  // Options carry the namespace's levels as JSON: a level may itself hold a dot.
  const namespaceKeys = withCurrent(
    (namespaces.data ?? []).filter((n) => n.kind === "namespace").map((n) => JSON.stringify([...n.namespace])),
    value.namespace ? JSON.stringify(value.namespace) : null,
  );
  return (
    <>
      <label>
        Catalog
        <select
          aria-label="Current catalog"
          value={value.catalog ?? ""}
          disabled={readOnly}
          onChange={(e) => onChange({ catalog: e.target.value || null, namespace: null })}
        >
          <option value="">(none)</option>
          {catalogNames.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label>
        Namespace
        <select
          aria-label="Current namespace"
          value={value.namespace ? JSON.stringify(value.namespace) : ""}
          disabled={readOnly || value.catalog === null}
          onChange={(e) => onChange({ catalog: value.catalog, namespace: e.target.value ? (JSON.parse(e.target.value) as string[]) : null })}
        >
          <option value="">(none)</option>
          {namespaceKeys.map((key) => (
            <option key={key} value={key}>
              {(JSON.parse(key) as string[]).join(".")}
            </option>
          ))}
        </select>
      </label>
    </>
  );
}

/** The current choice stays listed even when the list does not (yet) hold it. */
function withCurrent(names: string[], current: string | null): string[] {
  return current && !names.includes(current) ? [current, ...names] : names;
}
