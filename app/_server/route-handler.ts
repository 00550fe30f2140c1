import "server-only";
import { authorize, type Operation, type Principal, recordAudit } from "@/lib/access";
import { type Db, getDb } from "@/lib/db";
import { AppError, statusOf, toPublicError } from "@/lib/errors";
import { log } from "@/lib/log";
import { currentPrincipal } from "./auth";

export interface RouteContext<P> {
  principal: Principal;
  db: Db;
  params: P;
}

interface RouteDefinition {
  name: string;
  operation: Operation;
}

/**
 * The one route-handler wrapper for session-authenticated JSON endpoints: session →
 * principal, authorize, run, map errors to `{ error: { code, message } }` with the right
 * status, log one line. Handlers return data (serialised as JSON) or a Response.
 */
export function route<P = Record<string, string>>(
  def: RouteDefinition,
  handler: (request: Request, ctx: RouteContext<P>) => Promise<unknown>,
): (request: Request, segment: { params: Promise<P> }) => Promise<Response> {
  return async (request, segment) => {
    const started = performance.now();
    let principal: Principal | null = null;
    try {
      principal = await currentPrincipal();
      if (!principal) throw new AppError("unauthenticated", "Sign in first.");
      const decision = authorize(principal, def.operation);
      if (!decision.allowed) {
        await recordAudit(getDb(), principal, { action: def.name, outcome: "denied", details: { reasons: decision.reasons } });
        throw new AppError("forbidden", "You do not have permission to do that.");
      }
      const result = await handler(request, { principal, db: getDb(), params: await segment.params });
      logRoute(def.name, principal, started, 200);
      return result instanceof Response ? result : Response.json(result ?? null);
    } catch (error) {
      const pub = toPublicError(error);
      logRoute(def.name, principal, started, statusOf(pub.code), pub.code === "internal" ? error : undefined);
      return Response.json({ error: pub }, { status: statusOf(pub.code) });
    }
  };
}

function logRoute(name: string, principal: Principal | null, started: number, status: number, error?: unknown): void {
  const fields = { name, user: principal?.username ?? null, ms: Math.round(performance.now() - started), status };
  if (error) log.error("route", { ...fields, error });
  else log.info("route", fields);
}

/**
 * For the few endpoints that must answer without a session (health checks). Same error
 * mapping and logging as `route`; listed in the anonymous-access test's allow-list.
 */
export function publicRoute(name: string, handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    const started = performance.now();
    try {
      const response = await handler(request);
      logRoute(name, null, started, response.status);
      return response;
    } catch (error) {
      const pub = toPublicError(error);
      logRoute(name, null, started, statusOf(pub.code), pub.code === "internal" ? error : undefined);
      return Response.json({ error: pub }, { status: statusOf(pub.code) });
    }
  };
}
