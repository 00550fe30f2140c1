/** Tables: list, create (and stage-create), load, exists, register, rename, drop. */
import {
  createTable,
  dropTable,
  listTablesPage,
  loadTable,
  registerTable,
  renameTable,
  stageCreate,
  type TableIdent,
  tableExists,
} from "@/lib/catalog";
import { createTableFromJson } from "../codecs/create-table";
import { committedTableBody, matchesEtag, snapshotModeOf, stagedTableBody } from "../codecs/load-table";
import { parseRequest, registerTableRequest, renameRequest } from "../codecs/requests";
import { booleanParam, jsonResponse, jsonTextResponse, noContent } from "../http";
import { pageRequestOf } from "../paging";
import type { RouteContext } from "../router";

export function tableIdent({ params }: RouteContext): TableIdent {
  return { catalog: params.catalog, namespace: params.namespace, name: params.table };
}

export async function listTablesHandler({ url, params, ctx }: RouteContext): Promise<Response> {
  const namespace = params.namespace;
  const page = await listTablesPage(ctx, { catalog: params.catalog, namespace }, { ...pageRequestOf(url), icebergOnly: true });
  return listResponse(namespace, page);
}

export function listResponse(namespace: string[], page: { items: string[]; nextPageToken: string | null }): Response {
  const identifiers = page.items.map((name) => ({ namespace, name }));
  return jsonResponse({ identifiers, "next-page-token": page.nextPageToken });
}

export async function createTableHandler(route: RouteContext): Promise<Response> {
  const { params, ctx } = route;
  const request = createTableFromJson(route.body());
  const ident = { catalog: params.catalog, namespace: params.namespace, name: request.name };
  if (request.stageCreate) {
    const staged = await stageCreate(ctx, ident, request.input);
    return jsonTextResponse(stagedTableBody(staged.metadata));
  }
  const created = await createTable(ctx, ident, request.input);
  const body = committedTableBody(created.metadataLocation, created.metadata);
  return jsonTextResponse(body.bytes, { headers: { etag: body.etag } });
}

export async function loadTableHandler(route: RouteContext): Promise<Response> {
  const mode = snapshotModeOf(route.url);
  const loaded = await loadTable(route.ctx, tableIdent(route));
  const body = committedTableBody(loaded.metadataLocation, loaded.metadata, mode);
  if (matchesEtag(route.request.headers.get("if-none-match"), body.etag)) return new Response(null, { status: 304, headers: { etag: body.etag } });
  return jsonTextResponse(body.bytes, { headers: { etag: body.etag } });
}

export async function tableExistsHandler(route: RouteContext): Promise<Response> {
  return (await tableExists(route.ctx, tableIdent(route))) ? noContent() : new Response(null, { status: 404 });
}

export async function dropTableHandler(route: RouteContext): Promise<Response> {
  await dropTable(route.ctx, tableIdent(route), { purge: booleanParam(route.url, "purgeRequested") });
  return noContent();
}

export async function registerTableHandler(route: RouteContext): Promise<Response> {
  const { params, ctx } = route;
  const request = parseRequest(registerTableRequest, route.body());
  const ident = { catalog: params.catalog, namespace: params.namespace, name: request.name };
  const registered = await registerTable(ctx, ident, request["metadata-location"], { overwrite: request.overwrite ?? false });
  const body = committedTableBody(registered.metadataLocation, registered.metadata);
  return jsonTextResponse(body.bytes, { headers: { etag: body.etag } });
}

export async function renameTableHandler(route: RouteContext): Promise<Response> {
  const { source, destination } = parseRequest(renameRequest, route.body());
  const catalog = route.params.catalog;
  await renameTable(route.ctx, { catalog, ...source }, { catalog, ...destination });
  return noContent();
}
