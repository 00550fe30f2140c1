/** Errors of `transforms/`, with a `kind` a caller can switch on. */
export type TransformErrorKind =
  /** The transform string is malformed (`bucket[0]`, `truncate[x]`). */
  | "invalid-transform"
  /** A transform this code does not implement: metadata may hold it, nothing may apply it. */
  | "unknown-transform"
  /** The transform cannot take values of the source type (`hour` of a date, `bucket` of a double). */
  | "unsupported-type";

export class TransformError extends Error {
  readonly kind: TransformErrorKind;
  readonly transform: string;

  constructor(kind: TransformErrorKind, transform: string, message: string) {
    super(message);
    this.name = "TransformError";
    this.kind = kind;
    this.transform = transform;
  }
}
