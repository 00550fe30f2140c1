/** Errors of binding an expression to a schema, with a `kind` a caller can switch on. */
export type BindErrorKind =
  /** No column of that name in the schema. */
  | "unknown-column"
  /** The name is a struct, list or map, or lies inside a list or map: predicates take primitives. */
  | "not-primitive"
  /** The literal cannot be a value of the column's type (or is null/NaN where that makes no sense). */
  | "invalid-literal"
  /** The operation does not apply to the column's type (`startsWith` on an int). */
  | "invalid-predicate";

export class BindError extends Error {
  readonly kind: BindErrorKind;
  readonly column: string;

  constructor(kind: BindErrorKind, column: string, message: string) {
    super(message);
    this.name = "BindError";
    this.kind = kind;
    this.column = column;
  }
}
