/**
 * Errors as the Iceberg REST spec has them: `{ "error": { "message", "type", "code" } }`
 * (`IcebergErrorResponse`), `type` named as Java names its exceptions, because Java
 * clients pick the exception they throw by status and type.
 *
 * One table maps what the core throws (an `AppError` code, or a lib error class) to a
 * status and type. What a 404 or 409 means depends on the endpoint — a missing table is
 * `NoSuchTableException` when loading it but the namespace is what is missing when
 * creating in it — so each route names its `ErrorProfile`. Anything unknown is a 500 with
 * a vague message; the true error goes to the log only.
 */
import { AppError, type ErrorCode, INTERNAL_ERROR_MESSAGE } from "@/lib/errors";
import { CommitConflictError, CommitValidationError } from "@/lib/iceberg/commit";
import { FileNotFoundError, UnsupportedLocationError } from "@/lib/iceberg/io";
import { ViewConflictError } from "@/lib/iceberg/views";

/** What a missing object is, on this endpoint. "by-message" tells a namespace from a table or view by the core's message. */
export type NotFoundSubject = "namespace" | "table" | "view" | "warehouse" | "table-or-namespace" | "view-or-namespace";
export type ConflictType = "AlreadyExistsException" | "CommitFailedException" | "NamespaceNotEmptyException" | "ConflictException";

export interface ErrorProfile {
  notFound: NotFoundSubject;
  conflict: ConflictType;
  /** Commit endpoints: a server fault leaves the commit's outcome unknown, and clients must be told so. */
  commit?: boolean;
}

/** An error the REST layer raises itself, with its final status and type. */
export class RestError extends Error {
  override name = "RestError";
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string) => new RestError(400, "BadRequestException", message);

export interface ErrorBody {
  error: { message: string; type: string; code: number };
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** True when this is our fault: the caller logs the original error. */
  internal: boolean;
}

const BY_CODE: Record<ErrorCode, { status: number; type: string }> = {
  bad_request: { status: 400, type: "BadRequestException" },
  unauthenticated: { status: 401, type: "NotAuthorizedException" },
  forbidden: { status: 403, type: "ForbiddenException" },
  not_found: { status: 404, type: "NotFoundException" },
  conflict: { status: 409, type: "ConflictException" },
  too_many_requests: { status: 429, type: "TooManyRequestsException" },
  internal: { status: 500, type: "InternalServerError" },
  unavailable: { status: 503, type: "ServiceUnavailableException" },
};

export function mapError(error: unknown, profile: ErrorProfile): MappedError {
  if (error instanceof RestError) return mapped(error.status, error.type, error.message, false, error.headers);
  if (error instanceof AppError) return mapAppError(error, profile);
  if (error instanceof CommitValidationError) return mapped(400, "BadRequestException", error.message);
  if (error instanceof UnsupportedLocationError) return mapped(400, "BadRequestException", error.message);
  if (error instanceof CommitConflictError || error instanceof ViewConflictError) return mapped(409, "CommitFailedException", `Requirement failed: ${error.message}`);
  if (error instanceof FileNotFoundError) return mapped(404, "NotFoundException", `Failed to open input stream for file: ${error.location}`);
  if (isRefusedText(error)) return mapped(400, "BadRequestException", "The request contains text the metadata store cannot hold (a NUL character).");
  return mapped(500, profile.commit ? "CommitStateUnknownException" : "InternalServerError", INTERNAL_ERROR_MESSAGE, true);
}

function mapAppError(error: AppError, profile: ErrorProfile): MappedError {
  const { status } = BY_CODE[error.code];
  switch (error.code) {
    case "not_found":
      return mapped(status, notFoundType(profile.notFound, error.message), error.message);
    case "conflict":
      return mapped(status, profile.conflict, error.message);
    case "internal":
      return mapped(status, profile.commit ? "CommitStateUnknownException" : BY_CODE.internal.type, INTERNAL_ERROR_MESSAGE, true);
    default:
      return mapped(status, BY_CODE[error.code].type, error.message);
  }
}

const NOT_FOUND_TYPES: Record<"namespace" | "table" | "view" | "warehouse", string> = {
  namespace: "NoSuchNamespaceException",
  table: "NoSuchTableException",
  view: "NoSuchViewException",
  warehouse: "NoSuchWarehouseException",
};

/**
 * On endpoints where either may be missing (a rename's source table, or its target
 * namespace), the core's message says which: its not-found messages start with the kind
 * of object ("Namespace sales does not exist."). errors.test.ts pins that format.
 */
function notFoundType(subject: NotFoundSubject, message: string): string {
  if (subject === "table-or-namespace" || subject === "view-or-namespace") {
    if (/^(Namespace|Catalog) /.test(message)) return NOT_FOUND_TYPES.namespace;
    return subject === "table-or-namespace" ? NOT_FOUND_TYPES.table : NOT_FOUND_TYPES.view;
  }
  return NOT_FOUND_TYPES[subject];
}

/**
 * PostgreSQL refuses a NUL character even in a lookup. Stored names never hold one, so
 * when one reaches the database (inside an opaque page token, say) the input was bad.
 */
function isRefusedText(error: unknown): boolean {
  return error instanceof Error && /invalid byte sequence for encoding/.test(error.message);
}

function mapped(status: number, type: string, message: string, internal = false, headers: Record<string, string> = {}): MappedError {
  return { status, body: { error: { message, type, code: status } }, headers, internal };
}
