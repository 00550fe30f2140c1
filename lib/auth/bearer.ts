/**
 * Bearer token → principal, for the Iceberg REST catalog. Checked on every request, so
 * recent answers are remembered for a few seconds; a revoked token or disabled user is
 * refused within that time.
 */
import { isRole, type UserPrincipal } from "@/lib/access";
import type { Db } from "@/lib/db";
import { hashToken } from "./tokens";

const REMEMBER_MS = 5_000;
const recent = new Map<string, { principal: UserPrincipal | null; until: number }>();

export async function principalForBearer(db: Db, token: string, now = Date.now()): Promise<UserPrincipal | null> {
  const hash = hashToken(token);
  const hit = recent.get(hash);
  if (hit && hit.until > now) return hit.principal;
  const principal = await lookUp(db, hash, now);
  if (recent.size > 10_000) recent.clear();
  recent.set(hash, { principal, until: now + REMEMBER_MS });
  return principal;
}

/** Forgets remembered answers (tests, and right after a revoke in this process). */
export function forgetBearerTokens(): void {
  recent.clear();
}

async function lookUp(db: Db, hash: string, now: number): Promise<UserPrincipal | null> {
  const row = await db.accessToken.findUnique({
    where: { tokenHash: hash },
    include: { user: { include: { memberships: { select: { groupId: true } } } }, apiClient: { select: { disabled: true } } },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= now)) return null;
  if (row.user.disabled || row.apiClient?.disabled || !isRole(row.user.role)) return null;
  // Usage is recorded at most once a minute per token: a write per request would cost more than the request.
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return {
    kind: "user",
    userId: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role: row.user.role,
    groupIds: row.user.memberships.map((m) => m.groupId),
  };
}
