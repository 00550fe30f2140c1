/**
 * React Query keys for catalog data, per entity. A mutation invalidates exactly what its
 * change touched: a table commit → that table's keys; a new table → its namespace's
 * children and detail, and search.
 */
export const catalogKeys = {
  all: ["catalog"] as const,
  children: (parentKey: string) => [...catalogKeys.all, "children", parentKey] as const,
  search: (query: string) => [...catalogKeys.all, "search", query] as const,
  searchAll: () => [...catalogKeys.all, "search"] as const,
  table: (tableKey: string) => [...catalogKeys.all, "table", tableKey] as const,
  tablePart: (tableKey: string, part: "overview" | "schema" | "schema-diff" | "snapshots" | "files" | "ddl" | "sample", ...rest: (string | number)[]) =>
    [...catalogKeys.table(tableKey), part, ...rest] as const,
  namespace: (namespaceKey: string) => [...catalogKeys.all, "namespace", namespaceKey] as const,
  catalog: (catalogKey: string) => [...catalogKeys.all, "catalog", catalogKey] as const,
  trash: () => [...catalogKeys.all, "trash"] as const,
  /** Tags: an object's effective tags; any tag change invalidates them all (they inherit). */
  tags: () => [...catalogKeys.all, "tags"] as const,
  objectTags: (objectKey: string) => [...catalogKeys.tags(), "object", objectKey] as const,
  columnTags: (tableKey: string) => [...catalogKeys.tags(), "columns", tableKey] as const,
  tagKeys: () => [...catalogKeys.all, "tag-keys"] as const,
};
