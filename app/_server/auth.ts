import "server-only";
import { getServerSession } from "next-auth";
import type { Principal } from "@/lib/access";
import { buildAuthOptions, claimsFromToken, principalForSession } from "@/lib/auth";
import { getDb } from "@/lib/db";

/** next-auth's options, built once per server process. */
export const authOptions = buildAuthOptions(getDb);

/**
 * The principal behind the current request's session cookie, or null. The one shared
 * session check: pages, server actions and route handlers all come through here.
 */
export async function currentPrincipal(): Promise<Principal | null> {
  const session = await getServerSession(authOptions);
  const claims = claimsFromToken((session as { tarn?: { sub?: string; sv?: unknown } } | null)?.tarn ?? null);
  return claims ? principalForSession(getDb(), claims) : null;
}
