/**
 * What the catalog UI shows, as plain data (client-safe): tree nodes, the object a URL
 * names, and the permission hints pages pass down. The server maps lib/catalog results
 * onto these; components never see lib types.
 */
export type LeafKind = "table" | "view" | "external";
export type NodeKind = "catalog" | "namespace" | LeafKind;

/** An object of the catalog, by name: what a URL under /catalog names. */
export type CatalogRef =
  | { kind: "root" }
  | { kind: "catalog"; catalog: string }
  | { kind: "namespace"; catalog: string; namespace: string[] }
  | { kind: "table"; catalog: string; namespace: string[]; name: string };

/** Whose children a tree level lists. */
export type ParentRef = Extract<CatalogRef, { kind: "root" | "catalog" | "namespace" }>;

export interface TreeNodeData {
  kind: NodeKind;
  name: string;
  ref: Exclude<CatalogRef, { kind: "root" }>;
  /** Catalog kind (managed, lake, federated) or external format, shown as a badge. */
  badge?: string;
  comment?: string | null;
}

export interface ChildrenPage {
  nodes: TreeNodeData[];
  nextCursor: string | null;
}

export interface SearchHit {
  kind: NodeKind;
  ref: Exclude<CatalogRef, { kind: "root" }>;
  /** "demo.sales.orders" */
  label: string;
  /** Why it matched: "name", "comment", "column customer_id". */
  matched: string;
  comment?: string | null;
}
