/**
 * Catalog URLs: /catalog/<catalog levels…>/<namespace levels…>/<table>. Names never
 * contain "/", so a path is its segments, each URI-encoded; a tree node's key is its kind
 * and its segments.
 */
import type { CatalogRef, ParentRef } from "./types";

export function segmentsOf(ref: CatalogRef): string[] {
  switch (ref.kind) {
    case "root":
      return [];
    case "catalog":
      return ref.catalog.split("/");
    case "namespace":
      return [...ref.catalog.split("/"), ...ref.namespace];
    case "table":
      return [...ref.catalog.split("/"), ...ref.namespace, ref.name];
  }
}

export function hrefOf(ref: CatalogRef, query?: Record<string, string>): string {
  const path = ["/catalog", ...segmentsOf(ref).map(encodeURIComponent)].join("/");
  const search = query ? new URLSearchParams(query).toString() : "";
  return search ? `${path}?${search}` : path;
}

/** A stable key for tree state and React Query: kind + segments. */
export function keyOf(ref: CatalogRef): string {
  const letter = { root: "r", catalog: "c", namespace: "n", table: "t" }[ref.kind];
  return `${letter}:${segmentsOf(ref).join("/")}`;
}

/** "demo.sales.orders" — how people write the name in SQL. */
export function dottedName(ref: CatalogRef): string {
  return segmentsOf(ref).join(".");
}

/** The keys of every ancestor that must be open for `ref` to show in the tree, outermost first. */
export function ancestorKeys(ref: CatalogRef): string[] {
  if (ref.kind === "root") return [];
  const levels = ref.catalog.split("/");
  const keys = levels.slice(0, -1).map((_, i) => keyOf({ kind: "catalog", catalog: levels.slice(0, i + 1).join("/") }));
  if (ref.kind === "catalog") return keys;
  keys.push(keyOf({ kind: "catalog", catalog: ref.catalog }));
  const namespace = ref.namespace;
  const nsDepth = ref.kind === "namespace" ? namespace.length - 1 : namespace.length;
  for (let i = 1; i <= nsDepth; i++) keys.push(keyOf({ kind: "namespace", catalog: ref.catalog, namespace: namespace.slice(0, i) }));
  return keys;
}

export function parentOf(ref: Exclude<CatalogRef, { kind: "root" }>): ParentRef {
  if (ref.kind === "table") return { kind: "namespace", catalog: ref.catalog, namespace: ref.namespace };
  if (ref.kind === "namespace") {
    return ref.namespace.length > 1 ? { kind: "namespace", catalog: ref.catalog, namespace: ref.namespace.slice(0, -1) } : { kind: "catalog", catalog: ref.catalog };
  }
  const levels = ref.catalog.split("/");
  return levels.length > 1 ? { kind: "catalog", catalog: levels.slice(0, -1).join("/") } : { kind: "root" };
}
