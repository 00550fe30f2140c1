/**
 * Why a connection to a federated database failed, in words an admin can act on. Driver
 * errors are sorted into a few reasons; the password is never part of a message (and is
 * scrubbed from the driver's text kept for the log).
 */
import { AppError, type ErrorCode } from "@/lib/errors";
import { type FederatedConnection, TYPE_LABELS } from "./connection";

export type ConnectionProblemReason =
  | "unreachable"
  | "timeout"
  | "auth"
  | "database"
  | "ssl"
  | "other";

export class ConnectionProblem extends Error {
  override name = "ConnectionProblem";
  constructor(
    readonly reason: ConnectionProblemReason,
    message: string,
    /** The driver's own text, password scrubbed: for the log only. */
    readonly internal: string,
  ) {
    super(message);
  }

  toAppError(code: ErrorCode = "bad_request"): AppError {
    return new AppError(code, this.message, { internal: this.internal });
  }
}

export const CONNECT_TIMEOUT_MS = 5_000;

const UNREACHABLE = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET", "EPIPE"]);
const NOT_FOUND = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME"]);
const CERTIFICATE = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

/** Error codes meaning "who you are was refused", per database. */
const AUTH_CODES = new Set([
  "28P01",
  "28000",
  "ER_ACCESS_DENIED_ERROR",
  "ER_DBACCESS_DENIED_ERROR",
  "ER_ACCESS_DENIED_NO_PASSWORD_ERROR",
]);
const UNKNOWN_DATABASE_CODES = new Set(["3D000", "ER_BAD_DB_ERROR"]);

export function connectionProblem(c: FederatedConnection, error: unknown): ConnectionProblem {
  if (error instanceof ConnectionProblem) return error;
  const code = String((error as { code?: unknown }).code ?? "");
  const raw = scrub(c, (error as Error)?.message ?? String(error));
  const internal = `${code} ${raw}`.trim();
  const label = TYPE_LABELS[c.type];
  const where = `${c.host}:${c.port}`;
  if (NOT_FOUND.has(code))
    return new ConnectionProblem(
      "unreachable",
      `The host "${c.host}" could not be found; check its name.`,
      internal,
    );
  if (UNREACHABLE.has(code))
    return new ConnectionProblem(
      "unreachable",
      `Cannot reach the ${label} server at ${where}: check the host and port, and that the server accepts connections from Tarn.`,
      internal,
    );
  if (code === "ETIMEDOUT" || /timeout/i.test(raw))
    return new ConnectionProblem(
      "timeout",
      `The ${label} server at ${where} did not answer within ${CONNECT_TIMEOUT_MS / 1000} seconds.`,
      internal,
    );
  if (AUTH_CODES.has(code))
    return new ConnectionProblem(
      "auth",
      `The ${label} server refused user "${c.user}": check the user name and password, and that this user may connect to ${c.database}.`,
      internal,
    );
  if (UNKNOWN_DATABASE_CODES.has(code))
    return new ConnectionProblem(
      "database",
      `There is no database "${c.database}" on the ${label} server at ${where}.`,
      internal,
    );
  if (CERTIFICATE.test(code) || /ssl|tls|certificate/i.test(raw))
    return new ConnectionProblem("ssl", sslMessage(c, raw), internal);
  return new ConnectionProblem(
    "other",
    `The ${label} server at ${where} answered with an error${code ? ` (${code})` : ""}: ${firstLine(raw)}`,
    internal,
  );
}

function sslMessage(c: FederatedConnection, raw: string): string {
  if (/does not support ssl|no ssl support|HANDSHAKE_NO_SSL/i.test(raw))
    return `The server at ${c.host}:${c.port} does not accept SSL; set SSL to "disable", or enable SSL on the server.`;
  if (c.ssl === "verify-full")
    return `The server's certificate could not be verified (${firstLine(raw)}); install a trusted certificate, or use SSL "require".`;
  return `The SSL connection to ${c.host}:${c.port} failed: ${firstLine(raw)}`;
}

/** The password, wherever a driver might echo it, replaced. */
export function scrub(c: Pick<FederatedConnection, "password">, text: string): string {
  return c.password ? text.replaceAll(c.password, "***") : text;
}

function firstLine(text: string): string {
  return text.split("\n")[0].slice(0, 300);
}
