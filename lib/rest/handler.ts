/**
 * One REST request, start to end: the token endpoint (public) or authentication, the
 * route, the body, Idempotency-Key, the handler, and errors in the spec's shape. Never
 * throws: whatever goes wrong becomes a response, and the outcome says what to log.
 */
import type { UserPrincipal } from "@/lib/access";
import type { Db } from "@/lib/db";
import type { JsonValue } from "@/lib/iceberg/spec";
import type { FileIO } from "@/lib/iceberg/io";
import { authenticate } from "./auth";
import { type ErrorProfile, mapError, RestError } from "./errors";
import { jsonResponse, parseBody, readBodyText } from "./http";
import { claimOf, withIdempotency } from "./idempotency";
import { segmentsUnder } from "./identifiers";
import { tokenEndpoint } from "./oauth";
import type { Route, RouteContext, RouteParams } from "./router";
import { router, TOKEN_PATH } from "./routes";

export interface RestDeps {
  db: Db;
  io: FileIO;
  /** Where the REST catalog is mounted; default "/iceberg" (so the spec's /v1/… is /iceberg/v1/…). */
  basePath?: string;
}

export interface RestOutcome {
  response: Response;
  /** The spec's operationId ("loadTable"), or what kind of miss it was. */
  operation: string;
  user: string | null;
  /** The original error of a 5xx, for the log; never shown to the caller. */
  error?: unknown;
}

const DEFAULT_PROFILE: ErrorProfile = { notFound: "namespace", conflict: "ConflictException" };

export async function handleRestRequest(request: Request, deps: RestDeps): Promise<RestOutcome> {
  const outcome: RestOutcome = { response: new Response(null, { status: 500 }), operation: "unknown", user: null };
  try {
    outcome.response = await dispatch(request, deps, outcome);
  } catch (error) {
    outcome.response = errorResponse(error, DEFAULT_PROFILE, outcome);
  }
  if (request.method === "HEAD") outcome.response = withoutBody(outcome.response);
  return outcome;
}

async function dispatch(request: Request, deps: RestDeps, outcome: RestOutcome): Promise<Response> {
  const url = new URL(request.url);
  const segments = segmentsUnder(url.pathname, deps.basePath ?? "/iceberg");
  if (!segments) throw new RestError(404, "NotFoundException", "This is not an Iceberg REST path.");
  if (isTokenPath(segments)) {
    if (request.method !== "POST") throw new RestError(405, "MethodNotAllowedException", "The token endpoint takes POST.", { allow: "POST" });
    outcome.operation = "getToken";
    return tokenEndpoint(deps.db, request);
  }
  const principal = await authenticate(deps.db, request);
  outcome.user = principal.username;
  const match = router.match(request.method, segments);
  if (match.kind === "none") throw new RestError(404, "NotFoundException", `There is no Iceberg REST endpoint at ${request.method} /${segments.join("/")}.`);
  if (match.kind === "method-not-allowed") {
    throw new RestError(405, "MethodNotAllowedException", `${request.method} is not allowed here; use ${match.allowed.join(" or ")}.`, { allow: match.allowed.join(", ") });
  }
  outcome.operation = match.route.name;
  return run(match.route, match.params, request, url, deps, principal, outcome);
}

async function run(route: Route, params: RouteParams, request: Request, url: URL, deps: RestDeps, principal: UserPrincipal, outcome: RestOutcome): Promise<Response> {
  const bodyText = request.method === "POST" ? await readBodyText(request) : "";
  let parsed: JsonValue | undefined;
  const context: RouteContext = {
    request,
    url,
    params,
    ctx: { db: deps.db, io: deps.io, actor: principal },
    body: () => {
      parsed ??= parseBody(bodyText);
      return parsed;
    },
  };
  const respond = async () => {
    try {
      return await route.handle(context);
    } catch (error) {
      return errorResponse(error, route.errors, outcome);
    }
  };
  const claim = route.idempotent ? claimOf(request, principal, bodyText) : null;
  return claim ? withIdempotency(deps.db, claim, respond) : respond();
}

function errorResponse(error: unknown, profile: ErrorProfile, outcome: RestOutcome): Response {
  const mapped = mapError(error, profile);
  if (mapped.internal) outcome.error = error;
  return jsonResponse(mapped.body, { status: mapped.status, headers: mapped.headers });
}

function isTokenPath(segments: string[]): boolean {
  return segments.length === TOKEN_PATH.length && segments.every((s, i) => s === TOKEN_PATH[i]);
}

function withoutBody(response: Response): Response {
  if (response.body === null) return response;
  return new Response(null, { status: response.status, headers: response.headers });
}
