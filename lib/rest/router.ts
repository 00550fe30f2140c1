/**
 * A small router: a route is a method and a spec path ("/v1/{prefix}/namespaces/{namespace}");
 * a request matches when its segments match the literals, each `{param}` taking one
 * segment. Routes are data, so the same table drives dispatch and the `endpoints` that
 * `/v1/config` advertises.
 */
import type { CatalogContext } from "@/lib/catalog";
import type { JsonValue } from "@/lib/iceberg/spec";
import type { ErrorProfile } from "./errors";
import { decodeSegment, namespaceLevels, plainName } from "./identifiers";

export type Method = "GET" | "POST" | "HEAD" | "DELETE";

export interface RouteParams {
  /** The catalog path, from `{prefix}`. */
  catalog: string;
  namespace: string[];
  table: string;
  view: string;
}

export interface RouteContext {
  request: Request;
  url: URL;
  params: RouteParams;
  ctx: CatalogContext;
  /** The JSON body, parsed exactly; a missing or malformed body is a 400. */
  body(): JsonValue;
}

export interface Route {
  /** The spec's operationId, for logs. */
  name: string;
  method: Method;
  path: string;
  errors: ErrorProfile;
  /** A mutation that honours `Idempotency-Key`. */
  idempotent?: boolean;
  handle(route: RouteContext): Promise<Response>;
}

interface Compiled {
  route: Route;
  segments: string[];
}

export type Match = { kind: "route"; route: Route; params: RouteParams } | { kind: "method-not-allowed"; allowed: Method[] } | { kind: "none" };

export class Router {
  private readonly compiled: Compiled[];

  constructor(readonly routes: Route[]) {
    this.compiled = routes.map((route) => ({ route, segments: route.path.split("/").slice(1) }));
  }

  /** `segments` are the raw (still encoded) path segments after the base path. */
  match(method: string, segments: string[]): Match {
    const fitting = this.compiled.filter((c) => fits(c.segments, segments));
    if (fitting.length === 0) return { kind: "none" };
    const hit = fitting.find((c) => c.route.method === method);
    if (!hit) return { kind: "method-not-allowed", allowed: [...new Set(fitting.map((c) => c.route.method))] };
    return { kind: "route", route: hit.route, params: paramsOf(hit.segments, segments) };
  }
}

function fits(pattern: string[], segments: string[]): boolean {
  if (pattern.length !== segments.length) return false;
  return pattern.every((p, i) => isParam(p) || p === segments[i]);
}

function isParam(segment: string): boolean {
  return segment.startsWith("{") && segment.endsWith("}");
}

const EMPTY: RouteParams = { catalog: "", namespace: [], table: "", view: "" };

function paramsOf(pattern: string[], segments: string[]): RouteParams {
  const params = { ...EMPTY };
  pattern.forEach((p, i) => {
    if (p === "{prefix}") params.catalog = plainName(decodeSegment(segments[i]));
    if (p === "{namespace}") params.namespace = namespaceLevels(decodeSegment(segments[i]));
    if (p === "{table}") params.table = plainName(decodeSegment(segments[i]));
    if (p === "{view}") params.view = plainName(decodeSegment(segments[i]));
  });
  return params;
}
