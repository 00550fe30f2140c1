"use client";

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { ancestorKeys, keyOf } from "./paths";
import type { CatalogRef } from "./types";

interface TreeState {
  expanded: ReadonlySet<string>;
  selectedKey: string | null;
  focusedKey: string | null;
  toggle: (key: string, open?: boolean) => void;
  setFocusedKey: (key: string) => void;
  reveal: (ref: CatalogRef) => void;
}

const TreeContext = createContext<TreeState | null>(null);

/**
 * Which tree nodes are open, which is selected (the page shown) and which holds keyboard
 * focus. Lives in the catalog layout, so it survives moving between catalog pages.
 */
export function TreeStateProvider({ children }: { children: ReactNode }) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const toggle = useCallback((key: string, open?: boolean) => {
    setExpanded((current) => {
      const next = new Set(current);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const reveal = useCallback((ref: CatalogRef) => {
    setExpanded((current) => {
      // The page's own node opens too when it is a catalog or namespace: its contents are what the page is about.
      const own = ref.kind === "catalog" || ref.kind === "namespace" ? [keyOf(ref)] : [];
      const missing = [...ancestorKeys(ref), ...own].filter((key) => !current.has(key));
      return missing.length ? new Set([...current, ...missing]) : current;
    });
    setSelectedKey(ref.kind === "root" ? null : keyOf(ref));
  }, []);
  const value = useMemo(() => ({ expanded, selectedKey, focusedKey, toggle, setFocusedKey, reveal }), [expanded, selectedKey, focusedKey, toggle, reveal]);
  return <TreeContext.Provider value={value}>{children}</TreeContext.Provider>;
}

export function useTreeState(): TreeState {
  const state = useContext(TreeContext);
  if (!state) throw new Error("useTreeState outside TreeStateProvider");
  return state;
}

/** Rendered by each catalog page: opens the tree down to what the page shows and selects it. */
export function RevealInTree({ target }: { target: CatalogRef }) {
  const { reveal } = useTreeState();
  const key = keyOf(target);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the ref
  useEffect(() => reveal(target), [key, reveal]);
  return null;
}
