/**
 * next-auth configuration: credentials (username or e-mail + password) and, when
 * configured, OIDC single sign-on; JWT sessions that carry only the user id and the
 * session version (everything else is read fresh per request by principalForSession).
 */
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers/index";
import type { Env } from "@/lib/config";
import type { Db } from "@/lib/db";
import { isAppError, INTERNAL_ERROR_MESSAGE } from "@/lib/errors";
import { log } from "@/lib/log";
import { authenticate } from "./credentials";
import { type OidcSettings, readOidcSettings, upsertOidcUser } from "./oidc";

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

export function buildAuthOptions(getDb: () => Db, env: Env = process.env): NextAuthOptions {
  const oidc = readOidcSettings(env);
  const providers: Provider[] = [credentialsProvider(getDb)];
  if (oidc) providers.push(oidcProvider(oidc));
  return {
    providers,
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: "/signin", error: "/signin" },
    logger: {
      error: (code, meta) => log.error("nextauth", { code, meta }),
      warn: (code) => log.warn("nextauth", { code }),
      debug: () => {},
    },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== "oidc" || !oidc) return true;
        const claims = profile as Record<string, string | undefined> | undefined;
        const user = await upsertOidcUser(
          getDb(),
          { issuer: oidc.issuer, subject: account.providerAccountId, email: claims?.email, name: claims?.name, preferredUsername: claims?.preferred_username },
          oidc.defaultRole,
        );
        return user ? true : "/signin?error=AccountDisabled";
      },
      async jwt({ token, user, account }) {
        if (account?.provider === "oidc" && oidc) {
          const row = await getDb().user.findUnique({ where: { externalId: `${oidc.issuer}|${account.providerAccountId}` } });
          if (row) Object.assign(token, { sub: row.id, sv: row.sessionVersion, name: row.username });
        } else if (user) {
          const u = user as unknown as { id: string; sessionVersion: number; username: string };
          Object.assign(token, { sub: u.id, sv: u.sessionVersion, name: u.username });
        }
        return token;
      },
      async session({ session, token }) {
        // Server code reads `tarn` through claimsFromToken; the browser only needs the name.
        session.user = { name: token.name ?? null, email: null, image: null };
        return Object.assign(session, { tarn: { sub: token.sub, sv: token.sv } });
      },
    },
  };
}

function credentialsProvider(getDb: () => Db): Provider {
  return CredentialsProvider({
    id: "credentials",
    name: "Password",
    credentials: { login: { label: "Username or e-mail", type: "text" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, req) {
      try {
        const user = await authenticate(getDb(), {
          login: String(credentials?.login ?? ""),
          password: String(credentials?.password ?? ""),
          address: clientAddress(req?.headers),
        });
        return { id: user.id, name: user.username, email: user.email, sessionVersion: user.sessionVersion, username: user.username };
      } catch (error) {
        if (isAppError(error)) throw new Error(error.message);
        log.error("signin.failed", { error });
        throw new Error(INTERNAL_ERROR_MESSAGE);
      }
    },
  });
}

function oidcProvider(settings: OidcSettings): Provider {
  return {
    id: "oidc",
    name: settings.name,
    type: "oauth",
    wellKnown: `${settings.issuer}/.well-known/openid-configuration`,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile(profile: Record<string, string>) {
      return { id: profile.sub, name: profile.name ?? profile.preferred_username, email: profile.email };
    },
  };
}

function clientAddress(headers: Record<string, unknown> | undefined): string | undefined {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : undefined);
}

/** Reads the session claims Tarn put in the JWT (see the jwt callback above). */
export function claimsFromToken(token: { sub?: string; sv?: unknown } | null): { userId: string; sessionVersion: number } | null {
  if (!token?.sub || typeof token.sv !== "number") return null;
  return { userId: token.sub, sessionVersion: token.sv };
}
