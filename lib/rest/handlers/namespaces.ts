/** Namespaces: list (with `parent` and pages), create, load, exists, drop, properties. */
import {
  createNamespace,
  dropNamespace,
  listNamespacesPage,
  loadNamespace,
  namespaceExists,
  updateNamespaceProperties,
} from "@/lib/catalog";
import { createNamespaceRequest, parseRequest, updateNamespacePropertiesRequest } from "../codecs/requests";
import { RestError } from "../errors";
import { jsonResponse, noContent } from "../http";
import { namespaceLevels } from "../identifiers";
import { pageRequestOf } from "../paging";
import type { RouteContext } from "../router";

export async function listNamespacesHandler({ url, params, ctx }: RouteContext): Promise<Response> {
  const parentParam = url.searchParams.get("parent");
  // The query string is decoded already; an empty parent means the top level (spec: "treated as absent").
  const parent = parentParam ? namespaceLevels(parentParam) : [];
  const page = await listNamespacesPage(ctx.db, ctx.actor, params.catalog, { ...pageRequestOf(url), parent });
  return jsonResponse({ namespaces: page.items, "next-page-token": page.nextPageToken });
}

export async function createNamespaceHandler({ params, ctx, body }: RouteContext): Promise<Response> {
  const request = parseRequest(createNamespaceRequest, body());
  const created = await createNamespace(ctx.db, ctx.actor, { catalog: params.catalog, namespace: request.namespace }, request.properties ?? undefined);
  return jsonResponse({ namespace: created.namespace, properties: created.properties });
}

export async function loadNamespaceHandler({ params, ctx }: RouteContext): Promise<Response> {
  const info = await loadNamespace(ctx.db, ctx.actor, { catalog: params.catalog, namespace: params.namespace });
  return jsonResponse({ namespace: info.namespace, properties: info.properties });
}

export async function namespaceExistsHandler({ params, ctx }: RouteContext): Promise<Response> {
  const exists = await namespaceExists(ctx.db, ctx.actor, { catalog: params.catalog, namespace: params.namespace });
  return exists ? noContent() : new Response(null, { status: 404 });
}

export async function dropNamespaceHandler({ params, ctx }: RouteContext): Promise<Response> {
  await dropNamespace(ctx.db, ctx.actor, { catalog: params.catalog, namespace: params.namespace });
  return noContent();
}

export async function updateNamespacePropertiesHandler({ params, ctx, body }: RouteContext): Promise<Response> {
  const request = parseRequest(updateNamespacePropertiesRequest, body());
  const updates = request.updates ?? {};
  const removals = request.removals ?? [];
  const both = removals.filter((key) => Object.hasOwn(updates, key));
  if (both.length > 0) throw new RestError(422, "UnprocessableEntityException", `A property cannot be both updated and removed: ${both.join(", ")}.`);
  const result = await updateNamespaceProperties(ctx.db, ctx.actor, { catalog: params.catalog, namespace: params.namespace }, { updates, removals });
  return jsonResponse(result);
}
