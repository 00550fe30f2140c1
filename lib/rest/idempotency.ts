/**
 * `Idempotency-Key` on mutations: a client that retries a request (after a timeout, a
 * dropped connection) with the same key gets the answer of the first attempt instead
 * of a second effect.
 *
 * Each key is claimed before the request runs — a row (scope = the principal, key,
 * fingerprint = method + path + SHA-256 of the body) in `IdempotencyRecord` — so two
 * concurrent attempts cannot both run. The final answer is stored on the row: 2xx and
 * 4xx are final and replayed; a 5xx is not (the row is released and a retry runs again,
 * as the spec asks). Rules for the rest follow the IETF Idempotency-Key draft:
 * - the same key with a different request → 422, nothing runs;
 * - the same key while the first attempt still runs → 409, try again later.
 * Keys are kept for a day (advertised as `idempotency-key-lifetime`); an attempt that
 * never finished (the process died) frees its key after ten minutes.
 */
import { createHash } from "node:crypto";
import type { UserPrincipal } from "@/lib/access";
import type { Db } from "@/lib/db";
import { badRequest, RestError } from "./errors";

export const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** ISO-8601 form of KEY_LIFETIME_MS, for `/v1/config`. */
export const KEY_LIFETIME = "PT24H";
const ABANDONED_MS = 10 * 60 * 1000;
const PURGE_EVERY_MS = 10 * 60 * 1000;
/** `status` of a claimed key whose request has not finished. */
const PENDING = 0;

export interface IdempotencyClaim {
  scope: string;
  key: string;
  fingerprint: string;
}

/** The claim a request makes, or null when it carries no key. */
export function claimOf(request: Request, principal: UserPrincipal, bodyText: string): IdempotencyClaim | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key.trim())) {
    throw badRequest("The Idempotency-Key header must be a UUID (36 characters, UUIDv7 recommended).");
  }
  const url = new URL(request.url);
  const bodyHash = createHash("sha256").update(bodyText).digest("hex");
  const fingerprint = createHash("sha256").update(`${request.method}\n${url.pathname}${url.search}\n${bodyHash}`).digest("hex");
  return { scope: `user:${principal.userId}`, key: key.trim().toLowerCase(), fingerprint };
}

/** Runs `respond` once per key; a repeat gets the stored answer. */
export async function withIdempotency(db: Db, claim: IdempotencyClaim, respond: () => Promise<Response>): Promise<Response> {
  await purgeExpired(db);
  const replay = await claimKey(db, claim);
  if (replay) return replay;
  let response: Response;
  try {
    response = await respond();
  } catch (error) {
    await release(db, claim);
    throw error;
  }
  if (response.status >= 500) await release(db, claim);
  else await finalize(db, claim, response);
  return response;
}

/** Claims the key; returns the stored answer instead when this request was answered before. */
async function claimKey(db: Db, claim: IdempotencyClaim, attempt = 1): Promise<Response | null> {
  try {
    await db.idempotencyRecord.create({ data: { scope: claim.scope, key: claim.key, fingerprint: claim.fingerprint, status: PENDING, body: "" } });
    return null;
  } catch (error) {
    if ((error as { code?: string }).code !== "P2002" || attempt > 3) throw error;
  }
  const existing = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope: claim.scope, key: claim.key } } });
  if (!existing) return claimKey(db, claim, attempt + 1);
  const age = Date.now() - existing.createdAt.getTime();
  if (age > KEY_LIFETIME_MS || (existing.status === PENDING && age > ABANDONED_MS)) {
    await db.idempotencyRecord.deleteMany({ where: { id: existing.id } });
    return claimKey(db, claim, attempt + 1);
  }
  if (existing.fingerprint !== claim.fingerprint) {
    throw new RestError(422, "UnprocessableEntityException", "This Idempotency-Key was already used for a different request; use a new key for a new operation.");
  }
  if (existing.status === PENDING) throw new RestError(409, "ConflictException", "A request with this Idempotency-Key is still running; retry it in a moment.");
  return stored(existing.status, existing.body);
}

async function finalize(db: Db, claim: IdempotencyClaim, response: Response): Promise<void> {
  const body = await response.clone().text();
  await db.idempotencyRecord.updateMany({ where: { scope: claim.scope, key: claim.key }, data: { status: response.status, body } });
}

async function release(db: Db, claim: IdempotencyClaim): Promise<void> {
  await db.idempotencyRecord.deleteMany({ where: { scope: claim.scope, key: claim.key, status: PENDING } });
}

function stored(status: number, body: string): Response {
  const headers: Record<string, string> = { "idempotency-replayed": "true" };
  if (body !== "") headers["content-type"] = "application/json";
  return new Response(body === "" ? null : body, { status, headers });
}

let lastPurge = 0;

/** Expired keys go at most every few minutes, by whichever request comes first. */
async function purgeExpired(db: Db): Promise<void> {
  const now = Date.now();
  if (now - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now;
  await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - KEY_LIFETIME_MS) } } });
}
