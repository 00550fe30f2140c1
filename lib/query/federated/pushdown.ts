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
import type { ColumnKind, ColumnType } from "./column-types";
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
  real: NUMERIC,
  boolean: ["boolean"],
  text: ["string"],
  bpchar: ["string"],
  date: DATE_LIKE,
  timestamp: DATE_LIKE,
  timestamptz: ["timestamptz"],
  uuid: ["string"],
  other: [],
};

/** How faithfully `predicate` on a column of `column`'s type may be applied by a `type` source. */
export function fidelity(
  type: FederatedType,
  column: Pick<ColumnType, "kind" | "lossy">,
  predicate: SimplePredicate,
): Fidelity {
  const { kind } = column;
  if (predicate.op === "IS NULL" || predicate.op === "IS NOT NULL")
    return nullFidelity(column, predicate.op);
  // A 4-byte float compares as FLOAT in DuckDB, as double precision at the source.
  if (kind === "real" || kind === "other") return "none";
  const values = valuesOf(predicate);
  if (predicate.op !== "LIKE" && !values.every((v) => COMPATIBLE[kind].includes(v.type)))
    return "none";
  // MySQL keeps at most 30 decimal places: a finer literal would be rounded there.
  if (type === "mysql" && values.some((v) => v.type === "decimal" && decimalScale(v.value) > 30))
    return "none";
  return type === "postgresql" ? postgresFidelity(kind, predicate) : mysqlFidelity(kind, predicate);
}

/**
 * Where some of the source's values read as NULL here (MySQL's zero dates), the source's
 * IS NOT NULL keeps a superset, and its IS NULL would lose rows.
 */
function nullFidelity(column: Pick<ColumnType, "lossy">, op: "IS NULL" | "IS NOT NULL"): Fidelity {
  if (!column.lossy) return "exact";
  return op === "IS NOT NULL" ? "superset" : "none";
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
