/**
 * `POST /v1/oauth/tokens`: the OAuth2 client-credentials grant (RFC 6749 §4.4), the one
 * endpoint that answers without a bearer token. Form-encoded; the client id and secret
 * come in the body or as HTTP Basic credentials. Errors use OAuth's own shape
 * (`{ error, error_description }`), not the Iceberg one, as the spec says.
 *
 * Token exchange (the spec's other grant) is offered for what Java clients use it for:
 * refreshing — a valid client token buys a fresh one.
 */
import { INVALID_CLIENT, issueClientToken, refreshClientToken } from "@/lib/auth";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readBodyText } from "./http";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const CONTROL = /[\u0000-\u001f\u007f]/;
const ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" };

type OAuthErrorCode = "invalid_request" | "invalid_client" | "invalid_grant" | "unsupported_grant_type";

export async function tokenEndpoint(db: Db, request: Request): Promise<Response> {
  const form = new URLSearchParams(await readBodyText(request));
  const grant = form.get("grant_type");
  if (!grant) return oauthError(400, "invalid_request", "grant_type is required.");
  if (grant === TOKEN_EXCHANGE) return exchange(db, form);
  if (grant !== "client_credentials") return oauthError(400, "unsupported_grant_type", `Only the client_credentials and token-exchange grants are supported, not ${grant.slice(0, 80)}.`);
  const credentials = basicCredentials(request.headers.get("authorization")) ?? bodyCredentials(form);
  if (!credentials) return oauthError(400, "invalid_request", "Send client_id and client_secret, in the body or as HTTP Basic credentials.");
  // No client id holds a control character (and PostgreSQL refuses a NUL even in a lookup).
  if (CONTROL.test(credentials.id)) return oauthError(401, "invalid_client", INVALID_CLIENT);
  try {
    return tokenResponse(await issueClientToken(db, credentials.id, credentials.secret), form);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return oauthError(401, "invalid_client", INVALID_CLIENT);
    throw error;
  }
}

async function exchange(db: Db, form: URLSearchParams): Promise<Response> {
  const subject = form.get("subject_token");
  if (!subject) return oauthError(400, "invalid_request", "subject_token is required for a token exchange.");
  if (CONTROL.test(subject)) return oauthError(400, "invalid_grant", "That token cannot be exchanged.");
  try {
    return tokenResponse(await refreshClientToken(db, subject), form);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") return oauthError(400, "invalid_grant", error.message);
    throw error;
  }
}

function tokenResponse(token: { accessToken: string; expiresIn: number }, form: URLSearchParams): Response {
  const body: Record<string, string | number> = { access_token: token.accessToken, token_type: "bearer", expires_in: token.expiresIn, issued_token_type: ACCESS_TOKEN_TYPE };
  const scope = form.get("scope");
  if (scope) body.scope = scope;
  return Response.json(body, { headers: NO_STORE });
}

interface Credentials {
  id: string;
  secret: string;
}

/** RFC 6749 §2.3.1: Basic credentials are form-encoded, then base64. */
function basicCredentials(header: string | null): Credentials | null {
  const match = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!match) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

function bodyCredentials(form: URLSearchParams): Credentials | null {
  const id = form.get("client_id");
  const secret = form.get("client_secret");
  return id && secret ? { id, secret } : null;
}

function oauthError(status: number, error: OAuthErrorCode, description: string): Response {
  const headers: Record<string, string> = { ...NO_STORE };
  if (status === 401) headers["www-authenticate"] = 'Basic realm="iceberg"';
  return Response.json({ error, error_description: description }, { status, headers });
}
