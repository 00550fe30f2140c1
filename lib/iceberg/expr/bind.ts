import type { StructType } from "../spec/types";
import { and, not, or } from "./build";
import { bindPredicate } from "./literal";
import { indexSchema, type SchemaIndex } from "./schema-index";
import type { BoundExpr, UnboundExpr } from "./types";

export interface BindOptions {
  /** Match column names exactly (default) or ignoring case, as SQL engines often do. */
  caseSensitive?: boolean;
}

/**
 * Resolves every column name of an expression against a schema (or a prebuilt index of
 * one) and converts its literals to the column type. Throws `BindError` for an unknown
 * column, a non-primitive column, or a literal that cannot be a value of the type.
 */
export function bind(
  schema: StructType | SchemaIndex,
  expr: UnboundExpr,
  options: BindOptions = {},
): BoundExpr {
  const index = "lookup" in schema ? schema : indexSchema(schema);
  const caseSensitive = options.caseSensitive ?? true;
  const visit = (e: UnboundExpr): BoundExpr => {
    switch (e.kind) {
      case "true":
      case "false":
        return e;
      case "and":
        return and(...e.children.map(visit));
      case "or":
        return or(...e.children.map(visit));
      case "not":
        return not(visit(e.child));
      default:
        return bindPredicate(index.lookup(e.ref, caseSensitive), e);
    }
  };
  return visit(expr);
}
