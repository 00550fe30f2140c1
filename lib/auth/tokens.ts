/**
 * Bearer tokens for the Iceberg REST catalog. Random, shown once, stored only as a
 * SHA-256 (tokens are long random strings, so a fast hash is enough — unlike passwords).
 */
import { createHash, randomBytes } from "node:crypto";

export const PERSONAL_TOKEN_PREFIX = "tarn_pat_";
export const CLIENT_TOKEN_PREFIX = "tarn_at_";

export function newToken(prefix: string): { token: string; hash: string; display: string } {
  const token = `${prefix}${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashToken(token), display: `${token.slice(0, prefix.length + 4)}…` };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
