/**
 * Errors of `write/`. `WriteError` has a `kind` from a closed set; `WriteConflictError`
 * says whether re-running the commit build against fresher metadata can succeed.
 */
export type WriteErrorKind =
  /** The caller asked for something that cannot be written (unknown column, bad SQL). */
  | "invalid-input"
  /** A row holds NULL in a required column (or a fixed[L] value of another length). */
  | "invalid-row"
  /** A table or file feature this writer does not handle (v3 tables, deletion vectors). */
  | "unsupported";

export class WriteError extends Error {
  readonly kind: WriteErrorKind;
  readonly context: Record<string, unknown>;

  constructor(kind: WriteErrorKind, message: string, context: Record<string, unknown> = {}) {
    super(message);
    this.name = "WriteError";
    this.kind = kind;
    this.context = context;
  }
}

/**
 * A concurrent commit changed what this operation relied on. `retryable: false` means a
 * rebuild cannot fix it (a file we read was removed, deletes were added to a file we
 * rewrote, new rows match our filter): the operation must be prepared again from scratch.
 */
export class WriteConflictError extends Error {
  readonly retryable: boolean;
  readonly context: Record<string, unknown>;

  constructor(message: string, retryable: boolean, context: Record<string, unknown> = {}) {
    super(message);
    this.name = "WriteConflictError";
    this.retryable = retryable;
    this.context = context;
  }
}
