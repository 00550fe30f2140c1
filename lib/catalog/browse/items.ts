/** What the catalog tree and search show: nodes to expand, items to display. */
import type { CatalogKind } from "../catalogs";

/** A place in the tree whose children can be listed. */
export type BrowseNode =
  | { kind: "root" }
  | { kind: "catalog"; catalog: string }
  | { kind: "namespace"; catalog: string; namespace: string[] };

export type BrowseItemKind = "catalog" | "namespace" | "table" | "view" | "external";

/** Where an item is: its catalog's path, namespace levels, and for tables and views its name. */
export interface ItemPath {
  catalog: string;
  namespace: string[];
  name?: string;
}

export interface BrowseItem {
  kind: BrowseItemKind;
  /**
   * Stable across renames: the row id. Objects of federated catalogs have no row; theirs
   * is `federated:<catalog id>:<schema>` or `…:<schema>:<table>`.
   */
  id: string;
  name: string;
  comment: string | null;
  /** The kind of catalog the item lives in (managed, lake, federated). */
  catalogKind: CatalogKind;
  path: ItemPath;
  /** Catalogs and namespaces: the node that lists their children. */
  node?: BrowseNode;
  /** Tables of federated catalogs: the database's estimate of their rows. */
  rowEstimate?: number | null;
}

export interface BrowsePage {
  items: BrowseItem[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export const TABLE_KINDS: Record<string, BrowseItemKind> = {
  iceberg: "table",
  view: "view",
  external: "external",
};

export function tableItemKind(rowKind: string): BrowseItemKind {
  return TABLE_KINDS[rowKind] ?? "table";
}

export function federatedId(catalogId: string, schema: string, table?: string): string {
  return table === undefined
    ? `federated:${catalogId}:${schema}`
    : `federated:${catalogId}:${schema}:${table}`;
}
