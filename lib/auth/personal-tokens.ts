/** Personal access tokens: a person's own bearer tokens for engines, revocable, shown once. */
import { z } from "zod";
import { type Principal, recordAudit } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { newToken, PERSONAL_TOKEN_PREFIX } from "./tokens";

export const createPersonalTokenInput = z.object({
  name: z.string().trim().min(1, "Give the token a name, like “spark laptop”.").max(64, "A token name can have at most 64 characters."),
  /** Days until it expires; 0 = never. */
  expiresInDays: z.number().int().min(0).max(3650).default(90),
});

export interface PersonalTokenSummary {
  id: string;
  name: string | null;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

function requireUser(actor: Principal): string {
  if (actor.kind !== "user") throw new AppError("bad_request", "Only people have personal access tokens.");
  return actor.userId;
}

export async function createPersonalToken(db: Db, actor: Principal, raw: z.input<typeof createPersonalTokenInput>): Promise<{ id: string; token: string }> {
  const userId = requireUser(actor);
  const input = parseInput(createPersonalTokenInput, raw);
  const { token, hash, display } = newToken(PERSONAL_TOKEN_PREFIX);
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.$transaction(async (tx) => {
    const created = await tx.accessToken.create({ data: { tokenHash: hash, kind: "personal", prefix: display, name: input.name, userId, expiresAt } });
    await recordAudit(tx, actor, { action: "token.create", targetType: "accessToken", targetId: created.id, details: { name: input.name, expiresAt } });
    return created;
  });
  return { id: row.id, token };
}

export async function listPersonalTokens(db: Db, actor: Principal): Promise<PersonalTokenSummary[]> {
  const userId = requireUser(actor);
  const rows = await db.accessToken.findMany({ where: { userId, kind: "personal", revokedAt: null }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: r.createdAt, expiresAt: r.expiresAt, lastUsedAt: r.lastUsedAt }));
}

export async function revokePersonalToken(db: Db, actor: Principal, id: string): Promise<void> {
  const userId = requireUser(actor);
  await db.$transaction(async (tx) => {
    const row = await tx.accessToken.findFirst({ where: { id, userId, kind: "personal", revokedAt: null } });
    if (!row) throw new AppError("not_found", "That token no longer exists.");
    await tx.accessToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, { action: "token.revoke", targetType: "accessToken", targetId: id, details: { name: row.name } });
  });
}
