import "server-only";
import type { CatalogRef, ChildrenPage, NodeKind, ParentRef, SearchHit, TreeNodeData } from "@/components/catalog/types";
import type { CatalogContext } from "@/lib/catalog";
import { type BrowseItem, listChildren as listBrowseChildren, searchCatalog as searchBrowse } from "@/lib/catalog/browse";

/** The tree's children of one node, a page at a time (lib/catalog/browse, visibility applied there). */
export async function listChildren(ctx: CatalogContext, parent: ParentRef, cursor: string | undefined, limit: number): Promise<ChildrenPage> {
  const page = await listBrowseChildren(ctx, parent, { cursor, limit });
  return { nodes: page.items.map(toNode), nextCursor: page.nextCursor };
}

const MATCHED: Record<string, string> = { exact: "name", prefix: "name", name: "name", path: "path", comment: "comment", column: "column", tag: "tag" };

const OWN = new Set(["table", "namespace", "catalog"]);

/** Ranked search across names, comments, columns and tags (lib/catalog/browse). */
export async function searchCatalog(ctx: CatalogContext, query: string, limit: number): Promise<SearchHit[]> {
  const hits = await searchBrowse(ctx, query, { limit });
  return hits.map((hit) => {
    const node = toNode(hit);
    const column = hit.match === "column" && hit.columns?.length ? `column ${hit.columns[0]}` : null;
    // "tag pii=true (column email)": the first matching tags, and where each comes from unless it is the object's own.
    const tag = hit.tags?.length ? hit.tags.slice(0, 2).map((t) => `tag ${t.key}=${t.value}${OWN.has(t.from) ? "" : ` (${t.from})`}`).join(" · ") : null;
    const matched = [column, tag].filter(Boolean).join(" · ");
    return { kind: node.kind, ref: node.ref, label: labelOf(hit), matched: matched || (MATCHED[hit.match] ?? hit.match), comment: hit.comment };
  });
}

function toNode(item: BrowseItem): TreeNodeData {
  const kind: NodeKind = item.kind;
  return { kind, name: item.name, ref: refOf(item), badge: badgeOf(item), comment: item.comment };
}

function refOf(item: BrowseItem): Exclude<CatalogRef, { kind: "root" }> {
  const { catalog, namespace, name } = item.path;
  if (item.kind === "catalog") return { kind: "catalog", catalog };
  if (item.kind === "namespace") return { kind: "namespace", catalog, namespace };
  return { kind: "table", catalog, namespace, name: name ?? item.name };
}

function badgeOf(item: BrowseItem): string | undefined {
  if (item.kind === "catalog") return item.catalogKind;
  if (item.kind === "external") return "files";
  if (item.kind === "view") return "view";
  return undefined;
}

function labelOf(item: BrowseItem): string {
  return [...item.path.catalog.split("/"), ...item.path.namespace, ...(item.path.name !== undefined ? [item.path.name] : [])].join(".");
}
