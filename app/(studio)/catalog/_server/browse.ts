import "server-only";
import type { ChildrenPage, ParentRef, TreeNodeData } from "@/components/catalog/types";
import { catalogVisibility } from "@/lib/access";
import { type CatalogContext, listNamespaces, listTables } from "@/lib/catalog";

/**
 * The tree's children of one node, a page at a time.
 *
 * INTERIM until lib/catalog/browse `listChildren` lands: catalogs are read with the
 * visibility filter of lib/access; namespaces and tables come from listNamespaces /
 * listTables (unpaged there, so paged here by offset). Replace the body, keep the shape.
 */
export async function listChildren(ctx: CatalogContext, parent: ParentRef, cursor: string | undefined, limit: number): Promise<ChildrenPage> {
  const all = await allChildren(ctx, parent);
  const offset = cursor ? Number.parseInt(cursor, 10) || 0 : 0;
  const nodes = all.slice(offset, offset + limit);
  return { nodes, nextCursor: offset + limit < all.length ? String(offset + limit) : null };
}

async function allChildren(ctx: CatalogContext, parent: ParentRef): Promise<TreeNodeData[]> {
  if (parent.kind === "root") return childCatalogs(ctx, null);
  if (parent.kind === "catalog") {
    const catalog = await ctx.db.catalog.findUnique({ where: { path: parent.catalog }, select: { id: true } });
    const namespaces = await listNamespaces(ctx.db, ctx.actor, parent.catalog);
    return [...(catalog ? await childCatalogs(ctx, catalog.id) : []), ...namespaces.map((ns) => namespaceNode(parent.catalog, ns))];
  }
  const [namespaces, tables] = await Promise.all([
    listNamespaces(ctx.db, ctx.actor, parent.catalog, parent.namespace),
    listTables(ctx, { catalog: parent.catalog, namespace: parent.namespace }),
  ]);
  return [
    ...namespaces.map((ns) => namespaceNode(parent.catalog, ns)),
    ...tables.map((name): TreeNodeData => ({ kind: "table", name, ref: { kind: "table", catalog: parent.catalog, namespace: parent.namespace, name } })),
  ];
}

async function childCatalogs(ctx: CatalogContext, parentId: string | null): Promise<TreeNodeData[]> {
  const rows = await ctx.db.catalog.findMany({
    where: { AND: [catalogVisibility(ctx.actor).catalog, { parentId }] },
    orderBy: { name: "asc" },
    select: { path: true, name: true, kind: true, comment: true },
  });
  return rows.map((r) => ({ kind: "catalog", name: r.name, badge: r.kind, comment: r.comment, ref: { kind: "catalog", catalog: r.path } }));
}

function namespaceNode(catalog: string, namespace: string[]): TreeNodeData {
  return { kind: "namespace", name: namespace[namespace.length - 1], ref: { kind: "namespace", catalog, namespace } };
}
