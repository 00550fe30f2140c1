/**
 * React Query keys for notebooks, per entity. A mutation invalidates exactly what it
 * touched: a rename → that notebook and the list; a share → that notebook's shares.
 * Query runs are keyed by run id (never by SQL text).
 */
export const notebookKeys = {
  all: ["notebooks"] as const,
  list: () => [...notebookKeys.all, "list"] as const,
  detail: (id: string) => [...notebookKeys.all, "detail", id] as const,
  shares: (id: string) => [...notebookKeys.all, "shares", id] as const,
  sharees: (prefix: string) => [...notebookKeys.all, "sharees", prefix] as const,
};

export const completionKeys = {
  all: ["completion"] as const,
  children: (path: string[]) => [...completionKeys.all, "children", ...path] as const,
  search: (query: string) => [...completionKeys.all, "search", query] as const,
  columns: (path: string[]) => [...completionKeys.all, "columns", ...path] as const,
};

export const queryKeys = {
  all: ["queries"] as const,
  run: (id: string) => [...queryKeys.all, "run", id] as const,
  history: (search: string) => [...queryKeys.all, "history", search] as const,
  historyAll: () => [...queryKeys.all, "history"] as const,
};
