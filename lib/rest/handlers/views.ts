/** Views: list, create, load, exists, replace (a view commit), rename, drop, register. */
import {
  commitView,
  createView,
  dropView,
  type LoadedView,
  listViewsPage,
  loadView,
  registerView,
  renameView,
  type ViewIdent,
  viewExists,
} from "@/lib/catalog";
import { type JsonValue, stringifyJson, type ViewMetadata, viewMetadataToJson } from "@/lib/iceberg/spec";
import { createViewRequestFromJson, viewCommitFromJson } from "@/lib/iceberg/views";
import { parseRequest, registerViewRequest, renameRequest } from "../codecs/requests";
import { badRequest } from "../errors";
import { booleanParam, jsonTextResponse, noContent } from "../http";
import { pageRequestOf } from "../paging";
import type { RouteContext } from "../router";
import { listResponse } from "./tables";

function viewIdent({ params }: RouteContext): ViewIdent {
  return { catalog: params.catalog, namespace: params.namespace, name: params.view };
}

export async function listViewsHandler({ url, params, ctx }: RouteContext): Promise<Response> {
  const page = await listViewsPage(ctx, { catalog: params.catalog, namespace: params.namespace }, pageRequestOf(url));
  return listResponse(params.namespace, page);
}

export async function createViewHandler(route: RouteContext): Promise<Response> {
  const request = createViewRequestFromJson(route.body());
  const version = request.viewVersion;
  const ident = { catalog: route.params.catalog, namespace: route.params.namespace, name: request.name };
  const created = await createView(route.ctx, ident, {
    schema: request.schema,
    representations: version.representations,
    defaultNamespace: version.defaultNamespace,
    defaultCatalog: version.defaultCatalog,
    summary: version.summary,
    properties: request.properties,
    location: request.location,
  });
  return viewResponse(created);
}

export async function loadViewHandler(route: RouteContext): Promise<Response> {
  return viewResponse(await loadView(route.ctx, viewIdent(route)));
}

export async function viewExistsHandler(route: RouteContext): Promise<Response> {
  return (await viewExists(route.ctx, viewIdent(route))) ? noContent() : new Response(null, { status: 404 });
}

/** `POST …/views/{view}`: the spec's "replace view" is a view commit (requirements + updates). */
export async function replaceViewHandler(route: RouteContext): Promise<Response> {
  const ident = viewIdent(route);
  const request = viewCommitFromJson(route.body());
  if (request.identifier && (request.identifier.name !== ident.name || request.identifier.namespace.join("\u001f") !== ident.namespace.join("\u001f"))) {
    throw badRequest(`The body's identifier ${stringifyJson(request.identifier as unknown as JsonValue)} is not the view in the path.`);
  }
  const result = await commitView(route.ctx, ident, { requirements: request.requirements, updates: request.updates });
  return viewBody(result.metadataLocation, result.metadata);
}

export async function dropViewHandler(route: RouteContext): Promise<Response> {
  await dropView(route.ctx, viewIdent(route), { purge: booleanParam(route.url, "purgeRequested") });
  return noContent();
}

export async function renameViewHandler(route: RouteContext): Promise<Response> {
  const { source, destination } = parseRequest(renameRequest, route.body());
  const catalog = route.params.catalog;
  await renameView(route.ctx, { catalog, ...source }, { catalog, ...destination });
  return noContent();
}

export async function registerViewHandler(route: RouteContext): Promise<Response> {
  const request = parseRequest(registerViewRequest, route.body());
  const ident = { catalog: route.params.catalog, namespace: route.params.namespace, name: request.name };
  return viewResponse(await registerView(route.ctx, ident, request["metadata-location"]));
}

function viewResponse(view: LoadedView): Response {
  return viewBody(view.metadataLocation, view.metadata);
}

function viewBody(metadataLocation: string, metadata: ViewMetadata): Response {
  return jsonTextResponse(stringifyJson({ "metadata-location": metadataLocation, metadata: viewMetadataToJson(metadata) }));
}
