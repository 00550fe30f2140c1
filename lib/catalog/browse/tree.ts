/**
 * The catalog tree, one level at a time: root → catalogs; catalog → its child catalogs,
 * then its namespaces (for federated catalogs, the database's schemas, live); namespace
 * → its child namespaces, then its tables, views and external tables.
 *
 * Every list is a keyset range on an index (`Catalog.path`, `Namespace(catalogId,
 * parentPath)`, `CatalogTable(namespaceId, name, deletedKey)`) with the visibility filter
 * of lib/access ANDed in — one query per section, no per-item lookups.
 */
import { type CatalogVisibility, catalogVisibility, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogKind } from "../catalogs";
import type { CatalogContext } from "../context";
import { listFederatedSchemas, listFederatedTables } from "../federated";
import { displayName, namespaceLevels, namespacePath } from "../names";
import { decodeCursor, encodeCursor, pageThrough, type Section } from "./cursor";
import {
  type BrowseItem,
  type BrowseNode,
  type BrowsePage,
  federatedId,
  tableItemKind,
} from "./items";

export const DEFAULT_PAGE = 100;
export const MAX_PAGE = 1000;

export interface ListChildrenOptions {
  cursor?: string;
  limit?: number;
}

export async function listChildren(
  ctx: CatalogContext,
  node: BrowseNode,
  opts: ListChildrenOptions = {},
): Promise<BrowsePage> {
  requireAuthorized(ctx.actor, "catalog.browse");
  const limit = pageLimit(opts.limit);
  const visible = catalogVisibility(ctx.actor);
  const sections = await sectionsOf(ctx, visible, node);
  const { rows, next } = await pageThrough(sections, decodeCursor(opts.cursor), limit);
  return { items: rows, nextCursor: next ? encodeCursor(next) : null };
}

function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1)
    throw new AppError(
      "bad_request",
      `The page size must be a whole number from 1 to ${MAX_PAGE}.`,
    );
  return Math.min(limit, MAX_PAGE);
}

type CatalogRow = { id: string; kind: string; path: string };

async function sectionsOf(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  node: BrowseNode,
): Promise<Section<BrowseItem>[]> {
  if (node.kind === "root") return [catalogSection(ctx, visible, null)];
  const catalog = await visibleCatalog(ctx, visible, node.catalog);
  if (node.kind === "catalog") {
    return [
      catalogSection(ctx, visible, catalog.id),
      catalog.kind === "federated"
        ? remoteSchemaSection(ctx, catalog)
        : namespaceSection(ctx, visible, catalog, []),
    ];
  }
  if (catalog.kind === "federated") return [remoteTableSection(ctx, catalog, node.namespace)];
  const namespace = await visibleNamespace(ctx, visible, catalog, node.namespace);
  return [
    namespaceSection(ctx, visible, catalog, node.namespace),
    tableSection(ctx, visible, catalog, namespace.id, node.namespace),
  ];
}

async function visibleCatalog(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  path: string,
): Promise<CatalogRow> {
  const catalog = await ctx.db.catalog.findFirst({
    where: { AND: [visible.catalog, { path }] },
    select: { id: true, kind: true, path: true },
  });
  // Missing and not visible read the same (STYLE.md, practice 7).
  if (!catalog) throw new AppError("not_found", `Catalog ${path} does not exist.`);
  return catalog;
}

async function visibleNamespace(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  catalog: CatalogRow,
  levels: string[],
) {
  const namespace = await ctx.db.namespace.findFirst({
    where: {
      AND: [
        visible.namespace,
        { catalogId: catalog.id, path: namespacePath(levels), deletedKey: "" },
      ],
    },
    select: { id: true },
  });
  if (!namespace)
    throw new AppError("not_found", `Namespace ${displayName(levels)} does not exist.`);
  return namespace;
}

function catalogSection(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  parentId: string | null,
): Section<BrowseItem> {
  return {
    keyOf: (item) => item.path.catalog,
    fetch: async (after, take) => {
      const rows = await ctx.db.catalog.findMany({
        where: {
          AND: [visible.catalog, { parentId }, after === undefined ? {} : { path: { gt: after } }],
        },
        orderBy: { path: "asc" },
        take,
        select: { id: true, name: true, path: true, kind: true, comment: true },
      });
      return rows.map((c) => ({
        kind: "catalog",
        id: c.id,
        name: c.name,
        comment: c.comment,
        catalogKind: c.kind as CatalogKind,
        path: { catalog: c.path, namespace: [] },
        node: { kind: "catalog", catalog: c.path },
      }));
    },
  };
}

function namespaceSection(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  catalog: CatalogRow,
  parent: string[],
): Section<BrowseItem> {
  return {
    keyOf: (item) => namespacePath(item.path.namespace),
    fetch: async (after, take) => {
      const rows = await ctx.db.namespace.findMany({
        where: {
          AND: [
            visible.namespace,
            { catalogId: catalog.id, parentPath: namespacePath(parent), deletedKey: "" },
            after === undefined ? {} : { path: { gt: after } },
          ],
        },
        orderBy: { path: "asc" },
        take,
        select: { id: true, path: true, comment: true },
      });
      return rows.map((n) => {
        const namespace = namespaceLevels(n.path);
        return {
          kind: "namespace",
          id: n.id,
          name: namespace[namespace.length - 1],
          comment: n.comment,
          catalogKind: catalog.kind as CatalogKind,
          path: { catalog: catalog.path, namespace },
          node: { kind: "namespace", catalog: catalog.path, namespace },
        };
      });
    },
  };
}

function tableSection(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  catalog: CatalogRow,
  namespaceId: string,
  namespace: string[],
): Section<BrowseItem> {
  return {
    keyOf: (item) => item.name,
    fetch: async (after, take) => {
      const rows = await ctx.db.catalogTable.findMany({
        where: {
          AND: [
            visible.table,
            { namespaceId, deletedKey: "" },
            after === undefined ? {} : { name: { gt: after } },
          ],
        },
        orderBy: { name: "asc" },
        take,
        select: { id: true, name: true, kind: true, comment: true },
      });
      return rows.map((t) => ({
        kind: tableItemKind(t.kind),
        id: t.id,
        name: t.name,
        comment: t.comment,
        catalogKind: catalog.kind as CatalogKind,
        path: { catalog: catalog.path, namespace, name: t.name },
      }));
    },
  };
}

/** Schemas of a federated catalog: listed live (cached briefly), paged in memory. */
function remoteSchemaSection(ctx: CatalogContext, catalog: CatalogRow): Section<BrowseItem> {
  return {
    keyOf: (item) => item.name,
    fetch: async (after, take) => {
      const schemas = await listFederatedSchemas(ctx, catalog.path);
      return afterKey(schemas, (s) => s.name, after, take).map((s) => ({
        kind: "namespace",
        id: federatedId(catalog.id, s.name),
        name: s.name,
        comment: s.comment,
        catalogKind: "federated",
        path: { catalog: catalog.path, namespace: [s.name] },
        node: { kind: "namespace", catalog: catalog.path, namespace: [s.name] },
      }));
    },
  };
}

function remoteTableSection(
  ctx: CatalogContext,
  catalog: CatalogRow,
  namespace: string[],
): Section<BrowseItem> {
  return {
    keyOf: (item) => item.name,
    fetch: async (after, take) => {
      const tables = await listFederatedTables(ctx, { catalog: catalog.path, namespace });
      return afterKey(tables, (t) => t.name, after, take).map((t) => ({
        kind: t.kind,
        id: federatedId(catalog.id, t.schema, t.name),
        name: t.name,
        comment: t.comment,
        catalogKind: "federated",
        path: { catalog: catalog.path, namespace, name: t.name },
        rowEstimate: t.rowEstimate,
      }));
    },
  };
}

/** The items after `after` in key order (remote lists come sorted by the database's collation, so sort here). */
function afterKey<T>(
  items: T[],
  key: (item: T) => string,
  after: string | undefined,
  take: number,
): T[] {
  const sorted = [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return sorted.filter((item) => after === undefined || key(item) > after).slice(0, take);
}
