/**
 * The one error type of `values/`: a value, a type string or an encoding that does not fit.
 * `kind` says which, so callers (metadata readers, the REST layer) can map it without
 * parsing the message.
 */
export type ValueErrorKind =
  /** The type string is not an Iceberg primitive type we know. */
  | "invalid-type"
  /** The JS value does not have the in-memory representation the type asks for. */
  | "invalid-value"
  /** A serialized form (binary, JSON, text) could not be read as the type. */
  | "invalid-encoding"
  /** The type exists but has no such encoding or operation (struct in binary, variant…). */
  | "unsupported";

export class ValueError extends Error {
  readonly kind: ValueErrorKind;
  readonly type: string | undefined;

  constructor(kind: ValueErrorKind, message: string, type?: string) {
    super(message);
    this.name = "ValueError";
    this.kind = kind;
    this.type = type;
  }
}
