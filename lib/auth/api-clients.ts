/**
 * API clients: OAuth2 client-credentials identities for engines (Spark, Trino, PyIceberg)
 * using the Iceberg REST catalog. A client acts with the access of the user who owns it.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./passwords";
import { CLIENT_TOKEN_PREFIX, hashToken, newToken } from "./tokens";

export const CLIENT_TOKEN_TTL_S = 3600;

export const createApiClientInput = z.object({
  name: z
    .string()
    .trim()
    .min(2, "A client name needs at least 2 characters.")
    .max(64, "A client name can have at most 64 characters.")
    .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "Use letters, digits, space, dot, dash or underscore."),
  /** The user whose access the client has; default: the admin creating it. */
  ownerId: z.string().min(1).max(64).optional(),
});

export interface ApiClientSummary {
  id: string;
  name: string;
  clientId: string;
  owner: string;
  disabled: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listApiClients(db: Db, actor: Principal): Promise<ApiClientSummary[]> {
  requireAuthorized(actor, "admin.apiClients.manage");
  const rows = await db.apiClient.findMany({ orderBy: { name: "asc" }, include: { owner: { select: { username: true } } } });
  return rows.map((r) => ({ id: r.id, name: r.name, clientId: r.clientId, owner: r.owner.username, disabled: r.disabled, createdAt: r.createdAt, lastUsedAt: r.lastUsedAt }));
}

/** Creates a client; the secret is returned once and stored only as an argon2id hash. */
export async function createApiClient(db: Db, actor: Principal, raw: z.input<typeof createApiClientInput>): Promise<{ id: string; clientId: string; clientSecret: string }> {
  requireAuthorized(actor, "admin.apiClients.manage");
  const input = parseInput(createApiClientInput, raw);
  const ownerId = input.ownerId ?? actor.userId;
  if (!ownerId) throw new AppError("bad_request", "Choose the user whose access the client will have.");
  const owner = await db.user.findUnique({ where: { id: ownerId } });
  if (!owner) throw new AppError("bad_request", "That user does not exist.");
  if (await db.apiClient.findUnique({ where: { name: input.name } })) throw new AppError("conflict", `An API client named "${input.name}" already exists.`);
  const clientId = `tarn_${randomBytes(9).toString("hex")}`;
  const clientSecret = randomBytes(24).toString("base64url");
  const secretHash = await hashPassword(clientSecret);
  const id = await db.$transaction(async (tx) => {
    const client = await tx.apiClient.create({ data: { name: input.name, clientId, secretHash, ownerId } });
    await recordAudit(tx, actor, { action: "apiClient.create", targetType: "apiClient", targetId: client.id, details: { name: input.name, owner: owner.username } });
    return client.id;
  });
  return { id, clientId, clientSecret };
}

export async function setApiClientDisabled(db: Db, actor: Principal, id: string, disabled: boolean): Promise<void> {
  requireAuthorized(actor, "admin.apiClients.manage");
  await db.$transaction(async (tx) => {
    const client = await tx.apiClient.findUnique({ where: { id } });
    if (!client) throw new AppError("not_found", "That API client no longer exists.");
    await tx.apiClient.update({ where: { id }, data: { disabled } });
    // Disabling also ends the tokens it holds.
    if (disabled) await tx.accessToken.updateMany({ where: { apiClientId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: disabled ? "apiClient.disable" : "apiClient.enable", targetType: "apiClient", targetId: id, details: { name: client.name } });
  });
}

export async function deleteApiClient(db: Db, actor: Principal, id: string): Promise<void> {
  requireAuthorized(actor, "admin.apiClients.manage");
  await db.$transaction(async (tx) => {
    const client = await tx.apiClient.findUnique({ where: { id } });
    if (!client) throw new AppError("not_found", "That API client no longer exists.");
    await tx.apiClient.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "apiClient.delete", targetType: "apiClient", targetId: id, details: { name: client.name } });
  });
}

export const INVALID_CLIENT = "The client id or secret is not right, or the client is disabled.";

/**
 * The OAuth2 client-credentials grant: checks the client's secret and issues a bearer
 * token valid for an hour. Failure messages do not tell which part was wrong.
 */
export async function issueClientToken(db: Db, clientId: string, clientSecret: string): Promise<{ accessToken: string; expiresIn: number }> {
  const client = await db.apiClient.findUnique({ where: { clientId }, include: { owner: true } });
  const ok = client ? await verifyPassword(clientSecret, client.secretHash) : false;
  if (!client || !ok || client.disabled || client.owner.disabled) {
    await recordAudit(db, { username: clientId.slice(0, 64), userId: null }, { action: "oauth.token", outcome: "denied", details: { reason: !client ? "unknown client" : !ok ? "wrong secret" : "disabled" } });
    throw new AppError("unauthenticated", INVALID_CLIENT);
  }
  const { token, hash, display } = newToken(CLIENT_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + CLIENT_TOKEN_TTL_S * 1000);
  await db.$transaction([
    db.accessToken.create({ data: { tokenHash: hash, kind: "client", prefix: display, userId: client.ownerId, apiClientId: client.id, expiresAt } }),
    db.apiClient.update({ where: { id: client.id }, data: { lastUsedAt: new Date() } }),
  ]);
  return { accessToken: token, expiresIn: CLIENT_TOKEN_TTL_S };
}

/**
 * Token exchange (RFC 8693), as Java's REST client uses it to refresh: a client token that
 * is still valid buys a fresh one for the same client. Anything else is refused.
 */
export async function refreshClientToken(db: Db, subjectToken: string): Promise<{ accessToken: string; expiresIn: number }> {
  const row = await db.accessToken.findUnique({ where: { tokenHash: hashToken(subjectToken) }, include: { apiClient: { include: { owner: true } } } });
  const client = row?.apiClient;
  const valid = row && client && row.kind === "client" && !row.revokedAt && (!row.expiresAt || row.expiresAt > new Date()) && !client.disabled && !client.owner.disabled;
  if (!valid) throw new AppError("unauthenticated", "That token cannot be exchanged: it is not a valid client token.");
  const { token, hash, display } = newToken(CLIENT_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + CLIENT_TOKEN_TTL_S * 1000);
  await db.accessToken.create({ data: { tokenHash: hash, kind: "client", prefix: display, userId: client.ownerId, apiClientId: client.id, expiresAt } });
  return { accessToken: token, expiresIn: CLIENT_TOKEN_TTL_S };
}
