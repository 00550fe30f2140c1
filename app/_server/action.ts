import "server-only";
import type { z } from "zod";
import { authorize, type Operation, type Principal, recordAudit } from "@/lib/access";
import { type Db, getDb } from "@/lib/db";
import { AppError, type ErrorCode, type FieldErrors, parseInput, toPublicError } from "@/lib/errors";
import { log } from "@/lib/log";
import { currentPrincipal } from "./auth";

/** What every server action returns: data, or an error a person can act on. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: { code: ErrorCode; message: string; fieldErrors?: FieldErrors } };

export interface ActionContext {
  principal: Principal;
  db: Db;
}

interface ActionDefinition<S extends z.ZodType> {
  /** Stable name for logs and the audit trail, e.g. "admin.users.create". */
  name: string;
  /** What the caller must be allowed to do (asked of lib/access before anything runs). */
  operation: Operation;
  input: S;
}

/**
 * The one action client: session → principal, authorize, parse input, run, map errors,
 * log one line. Action bodies only call lib/.
 *
 *   export const createUserAction = action({ name: "admin.users.create", operation: "admin.users.manage", input: createUserInput },
 *     ({ ...input }, { db, principal }) => createUser(db, principal, input));
 */
export function action<S extends z.ZodType, R>(
  def: ActionDefinition<S>,
  body: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    const started = performance.now();
    let principal: Principal | null = null;
    try {
      principal = await currentPrincipal();
      if (!principal) throw new AppError("unauthenticated", "Your session has ended. Please sign in again.");
      const decision = authorize(principal, def.operation);
      if (!decision.allowed) {
        await recordAudit(getDb(), principal, { action: def.name, outcome: "denied", details: { reasons: decision.reasons } });
        throw new AppError("forbidden", "You do not have permission to do that.", { internal: decision.reasons.join("; ") });
      }
      const data = await body(parseInput(def.input, raw), { principal, db: getDb() });
      logAction(def.name, principal, started, "ok");
      return { ok: true, data };
    } catch (error) {
      const pub = toPublicError(error);
      logAction(def.name, principal, started, pub.code, error);
      return { ok: false, error: pub };
    }
  };
}

function logAction(name: string, principal: Principal | null, started: number, outcome: string, error?: unknown): void {
  const fields = { name, user: principal?.username ?? null, ms: Math.round(performance.now() - started), outcome };
  if (outcome === "internal") log.error("action", { ...fields, error });
  else log.info("action", fields);
}
