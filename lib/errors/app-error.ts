/**
 * One error type that knows its audience.
 *
 *   throw new AppError("conflict", `A user named "${name}" already exists.`);
 *
 * `code` comes from a closed set and decides the HTTP status in one table; `message` is
 * safe to show a person; `internal` (optional) is for the log only. Anything that is not
 * an AppError reaching a boundary becomes a vague "internal" error and a log line.
 */
export const ERROR_CODES = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Field name → messages, for forms. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = "AppError";
  readonly code: ErrorCode;
  readonly fieldErrors?: FieldErrors;
  readonly internal?: string;

  constructor(code: ErrorCode, message: string, opts: { fieldErrors?: FieldErrors; internal?: string; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.code = code;
    this.fieldErrors = opts.fieldErrors;
    this.internal = opts.internal;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. The error was logged; please try again.";

/** What a person may be shown for any error: its own message if it is ours, else a vague one. */
export function toPublicError(error: unknown): { code: ErrorCode; message: string; fieldErrors?: FieldErrors } {
  if (isAppError(error)) return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  return { code: "internal", message: INTERNAL_ERROR_MESSAGE };
}

export function statusOf(code: ErrorCode): number {
  return ERROR_CODES[code];
}
