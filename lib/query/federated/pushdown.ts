/**
 * Which predicates may be sent to the source database, and how faithfully.
 *
 * - "exact": the source keeps exactly the rows DuckDB would keep; nothing more to do.
 * - "superset": the source may keep more rows (MySQL's case-insensitive, space-padding
 *   string equality; MySQL zero dates), never fewer; DuckDB checks again.
 * - "none": not sent; DuckDB alone applies it.
 *
 * The rule is never to lose a row DuckDB would keep: string order differs between
 * collations, so ranges on strings are pushed only where a byte-order collation can be
 * asked for (PostgreSQL's "C"), and literal types must belong with the column's kind.
 */
import type { FederatedType } from "@/lib/catalog/federated";
import type { ColumnKind } from "./column-types";
import { type PredicateValue, type SimplePredicate, valuesOf } from "./predicates";
import { decimalScale } from "./source-sql";

export type Fidelity = "exact" | "superset" | "none";

type ValueType = PredicateValue["type"];

const NUMERIC: readonly ValueType[] = ["integer", "decimal", "double"];
const DATE_LIKE: readonly ValueType[] = ["date", "timestamp"];

/** Literal types that compare with a column of each kind as they would in DuckDB. */
const COMPATIBLE: Record<ColumnKind, readonly ValueType[]> = {
  integer: NUMERIC,
  decimal: NUMERIC,
  float: NUMERIC,
  boolean: ["boolean"],
  text: ["string"],
  bpchar: ["string"],
  date: DATE_LIKE,
  timestamp: DATE_LIKE,
  timestamptz: ["timestamptz"],
  uuid: ["string"],
  other: [],
};

export function fidelity(
  type: FederatedType,
  kind: ColumnKind,
  predicate: SimplePredicate,
): Fidelity {
  if (predicate.op === "IS NULL" || predicate.op === "IS NOT NULL") return nullFidelity(type, kind);
  const values = valuesOf(predicate);
  if (predicate.op !== "LIKE" && !values.every((v) => COMPATIBLE[kind].includes(v.type)))
    return "none";
  // MySQL keeps at most 30 decimal places: a finer literal would be rounded there.
  if (type === "mysql" && values.some((v) => v.type === "decimal" && decimalScale(v.value) > 30))
    return "none";
  return type === "postgresql" ? postgresFidelity(kind, predicate) : mysqlFidelity(kind, predicate);
}

function nullFidelity(type: FederatedType, kind: ColumnKind): Fidelity {
  // MySQL zero dates are not NULL there, but NULL once read (TRY_CAST).
  if (type === "mysql" && (kind === "date" || kind === "timestamp" || kind === "timestamptz"))
    return "superset";
  return "exact";
}

function postgresFidelity(kind: ColumnKind, predicate: SimplePredicate): Fidelity {
  switch (kind) {
    case "text":
      // Ranges compare under COLLATE "C" (byte order, as DuckDB); LIKE is case-sensitive.
      return "exact";
    case "bpchar":
      // character(n) ignores trailing blanks: equal there is equal-or-padded here.
      return predicate.op === "=" || predicate.op === "IN" ? "superset" : "none";
    case "uuid":
    case "boolean":
      return predicate.op === "=" || predicate.op === "IN" || predicate.op === "<>"
        ? "exact"
        : "none";
    case "other":
      return "none";
    default:
      return predicate.op === "LIKE" ? "none" : "exact";
  }
}

function mysqlFidelity(kind: ColumnKind, predicate: SimplePredicate): Fidelity {
  switch (kind) {
    case "text":
      // Case-insensitive, space-padding collations: equal and LIKE keep a superset;
      // <> and ranges could drop rows DuckDB keeps.
      return predicate.op === "=" || predicate.op === "IN" || predicate.op === "LIKE"
        ? "superset"
        : "none";
    case "uuid":
      return predicate.op === "=" || predicate.op === "IN" ? "exact" : "none";
    case "date":
    case "timestamp":
      return predicate.op === "LIKE" ? "none" : "superset";
    case "integer":
    case "decimal":
    case "float":
      return predicate.op === "LIKE" ? "none" : "exact";
    default:
      // Booleans are tinyint(1) holding any number; timestamps with zones depend on the session.
      return "none";
  }
}
