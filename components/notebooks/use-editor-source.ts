"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo, useRef } from "react";
import { completionChildrenAction, completionColumnsAction } from "@/app/(studio)/notebooks/completion-actions";
import { unwrap } from "@/components/action-client";
import { completionKeys } from "./keys";
import type { EditorSource } from "./sql-language";
import type { CompletionItem } from "./types";

const FIVE_MINUTES = 5 * 60_000;

/**
 * What every editor of a notebook asks for autocomplete and hover: the notebook's current
 * catalog and namespace, and catalog levels and columns fetched through the completion
 * actions (only what this person may see), cached per path so typing does not refetch.
 */
export function useEditorSource(context: { catalog: string | null; namespace: string[] | null }): EditorSource {
  const client = useQueryClient();
  const current = useRef(context);
  current.current = context;
  return useMemo<EditorSource>(
    () => ({
      context: () => current.current,
      children: (path) =>
        client.fetchQuery({ queryKey: completionKeys.children(path), staleTime: FIVE_MINUTES, retry: false, queryFn: () => unwrap(completionChildrenAction({ path })) }),
      columns: (table: CompletionItem) =>
        client.fetchQuery({
          queryKey: completionKeys.columns(table.path),
          staleTime: FIVE_MINUTES,
          retry: false,
          queryFn: () =>
            unwrap(completionColumnsAction({ catalog: table.catalog, namespace: table.namespace, name: table.name, kind: table.kind === "catalog" || table.kind === "namespace" ? "table" : table.kind })),
        }),
    }),
    [client],
  );
}
