/**
 * Who is calling: `Authorization: Bearer <token>`, where the token is one the OAuth2
 * endpoint issued to an API client (`tarn_at_…`) or a person's access token
 * (`tarn_pat_…`). Both resolve through lib/auth to the principal whose grants apply;
 * a missing, unknown, expired or revoked token is the same 401.
 */
import type { UserPrincipal } from "@/lib/access";
import { principalForBearer } from "@/lib/auth";
import type { Db } from "@/lib/db";
import { RestError } from "./errors";

const CHALLENGE = { "www-authenticate": 'Bearer realm="iceberg"' };

export async function authenticate(db: Db, request: Request): Promise<UserPrincipal> {
  const token = bearerToken(request.headers.get("authorization"));
  if (!token) throw new RestError(401, "NotAuthorizedException", "Send a bearer token: Authorization: Bearer <token>.", CHALLENGE);
  const principal = await principalForBearer(db, token);
  if (!principal) throw new RestError(401, "NotAuthorizedException", "The bearer token is not valid, has expired or was revoked.", CHALLENGE);
  return principal;
}

export function bearerToken(header: string | null): string | null {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}
