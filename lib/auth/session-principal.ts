/** The session → principal mapping: a signed session token is only as good as the user behind it now. */
import { isRole, type UserPrincipal } from "@/lib/access";
import type { Db } from "@/lib/db";

export interface SessionClaims {
  userId: string;
  sessionVersion: number;
}

/** The principal for a session, or null when the user is gone, disabled, or signed out everywhere. */
export async function principalForSession(db: Db, claims: SessionClaims): Promise<UserPrincipal | null> {
  const user = await db.user.findUnique({
    where: { id: claims.userId },
    include: { memberships: { select: { groupId: true } } },
  });
  if (!user || user.disabled || user.sessionVersion !== claims.sessionVersion || !isRole(user.role)) return null;
  return {
    kind: "user",
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    groupIds: user.memberships.map((m) => m.groupId),
  };
}
