/**
 * Optional single sign-on through any OpenID Connect provider (Keycloak, Okta, Entra ID,
 * Google, Authentik…), turned on by environment variables:
 *
 *   TARN_OIDC_ISSUER         https://idp.example.com/realms/acme   (required to enable)
 *   TARN_OIDC_CLIENT_ID      tarn                                   (required)
 *   TARN_OIDC_CLIENT_SECRET  …                                      (required)
 *   TARN_OIDC_NAME           label on the sign-in button (default "Single sign-on")
 *   TARN_OIDC_DEFAULT_ROLE   role of users created on first sign-in (default analyst)
 *
 * The provider's redirect URI is <NEXTAUTH_URL>/api/auth/callback/oidc.
 */
import { isRole, recordAudit, type Role, SYSTEM } from "@/lib/access";
import type { Db } from "@/lib/db";
import { ConfigError, type Env } from "@/lib/config";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  name: string;
  defaultRole: Role;
}

export function readOidcSettings(env: Env = process.env): OidcSettings | null {
  const issuer = env.TARN_OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.TARN_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.TARN_OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) {
    throw new ConfigError("TARN_OIDC_ISSUER is set, so TARN_OIDC_CLIENT_ID and TARN_OIDC_CLIENT_SECRET must be set too.");
  }
  const defaultRole = env.TARN_OIDC_DEFAULT_ROLE?.trim() || "analyst";
  if (!isRole(defaultRole)) throw new ConfigError(`TARN_OIDC_DEFAULT_ROLE must be admin, steward or analyst, not "${defaultRole}".`);
  return { issuer: issuer.replace(/\/+$/, ""), clientId, clientSecret, name: env.TARN_OIDC_NAME?.trim() || "Single sign-on", defaultRole };
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email?: string | null;
  name?: string | null;
  preferredUsername?: string | null;
}

/**
 * Finds the Tarn user for an OIDC identity, creating one on first sign-in. Returns null
 * when that user is disabled. Usernames come from the identity and get a numeric suffix
 * when taken, so a local account is never taken over.
 */
export async function upsertOidcUser(db: Db, identity: OidcIdentity, defaultRole: Role): Promise<{ id: string; sessionVersion: number } | null> {
  const externalId = `${identity.issuer}|${identity.subject}`;
  const existing = await db.user.findUnique({ where: { externalId } });
  if (existing) {
    if (existing.disabled) return null;
    await db.user.update({ where: { id: existing.id }, data: { lastLoginAt: new Date() } });
    return { id: existing.id, sessionVersion: existing.sessionVersion };
  }
  const username = await freeUsername(db, identity);
  const email = identity.email?.toLowerCase() ?? null;
  const emailTaken = email ? await db.user.findUnique({ where: { email }, select: { id: true } }) : null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: { username, email: emailTaken ? null : email, displayName: identity.name ?? null, role: defaultRole, authProvider: "oidc", externalId, lastLoginAt: new Date() },
    });
    await recordAudit(tx, SYSTEM, { action: "user.create", targetType: "user", targetId: user.id, details: { username, role: defaultRole, via: "oidc", issuer: identity.issuer } });
    return { id: user.id, sessionVersion: user.sessionVersion };
  });
}

async function freeUsername(db: Db, identity: OidcIdentity): Promise<string> {
  const raw = identity.preferredUsername || identity.email?.split("@")[0] || `user-${identity.subject}`;
  const base = raw.toLowerCase().replace(/[^a-z0-9._-]/g, "-").replace(/^[^a-z0-9]+/, "").slice(0, 32) || "user";
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n + 1}`;
    if (!(await db.user.findUnique({ where: { username: candidate }, select: { id: true } }))) return candidate;
  }
}
