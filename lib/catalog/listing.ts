/**
 * Listing the tables and views of a namespace, whole or a page at a time (REST
 * `pageToken` / `pageSize`, see pagination.ts). Names come sorted.
 */
import { requireAuthorized } from "@/lib/access";
import type { CatalogContext } from "./context";
import type { NamespaceIdent } from "./identifiers";
import { findNamespace } from "./namespaces";
import { type Page, type PageRequest, pageQuery, toPage } from "./pagination";
import { VIEW_KIND } from "./table-rows";

export interface TableListRequest extends PageRequest {
  /** Only Iceberg tables (what the REST catalog lists); default: external tables too. */
  icebergOnly?: boolean;
}

export async function listTables(ctx: CatalogContext, ident: NamespaceIdent): Promise<string[]> {
  return (await listTablesPage(ctx, ident)).items;
}

export async function listTablesPage(ctx: CatalogContext, ident: NamespaceIdent, request: TableListRequest = {}): Promise<Page<string>> {
  return listNames(ctx, ident, request.icebergOnly ? { equals: "iceberg" } : { not: VIEW_KIND }, request);
}

export async function listViews(ctx: CatalogContext, ident: NamespaceIdent): Promise<string[]> {
  return (await listViewsPage(ctx, ident)).items;
}

export async function listViewsPage(ctx: CatalogContext, ident: NamespaceIdent, request: PageRequest = {}): Promise<Page<string>> {
  return listNames(ctx, ident, { equals: VIEW_KIND }, request);
}

async function listNames(ctx: CatalogContext, ident: NamespaceIdent, kind: { equals: string } | { not: string }, request: PageRequest): Promise<Page<string>> {
  requireAuthorized(ctx.actor, "catalog.browse");
  const namespace = await findNamespace(ctx.db, ident);
  const query = pageQuery(request);
  const rows = await ctx.db.catalogTable.findMany({
    where: { namespaceId: namespace.id, deletedKey: "", kind, ...(query.after !== undefined ? { name: { gt: query.after } } : {}) },
    orderBy: { name: "asc" },
    select: { name: true },
    take: query.take,
  });
  return toPage(
    rows,
    query,
    (r) => r.name,
    (r) => r.name,
  );
}
