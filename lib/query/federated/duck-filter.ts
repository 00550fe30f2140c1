/**
 * Predicates the source did not apply exactly, applied again in DuckDB while the fetched
 * rows move from the staging table into the relation's table — with bound parameters
 * (`$n`), so a literal never becomes SQL text here either.
 */
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { ParamValue } from "../types";
import type { PredicateValue, SimplePredicate } from "./predicates";
import { decimalScale } from "./source-sql";

export interface DuckFilter {
  /** "" when there is nothing to check. */
  where: string;
  params: ParamValue[];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function duckFilter(predicates: SimplePredicate[]): DuckFilter {
  const params: ParamValue[] = [];
  const bind = (value: ParamValue) => {
    params.push(value);
    return `$${params.length}`;
  };
  const terms = predicates.map((p) => predicateSql(p, bind));
  return { where: terms.length ? `WHERE ${terms.join(" AND ")}` : "", params };
}

function predicateSql(p: SimplePredicate, bind: (v: ParamValue) => string): string {
  const column = quoteIdent(p.column);
  switch (p.op) {
    case "IS NULL":
    case "IS NOT NULL":
      return `${column} ${p.op}`;
    case "IN":
      if (p.values.length === 0) return "false";
      return `${column} IN (${p.values.map((v) => literal(v, bind)).join(", ")})`;
    case "LIKE":
      return `starts_with(CAST(${column} AS VARCHAR), ${bind(p.prefix)})`;
    default:
      return `${column} ${p.op} ${literal(p.value, bind)}`;
  }
}

function literal(value: PredicateValue, bind: (v: ParamValue) => string): string {
  switch (value.type) {
    case "integer": {
      const wide = value.value < INT64_MIN || value.value > INT64_MAX;
      return wide
        ? `CAST(${bind(value.value.toString())} AS HUGEINT)`
        : `CAST(${bind(value.value)} AS BIGINT)`;
    }
    case "decimal":
      return `CAST(${bind(value.value)} AS ${decimalType(value.value)})`;
    case "double":
      return `CAST(${bind(value.value)} AS DOUBLE)`;
    case "boolean":
      return `CAST(${bind(value.value)} AS BOOLEAN)`;
    case "string":
      return `CAST(${bind(value.value)} AS VARCHAR)`;
    case "date":
      return `CAST(${bind(value.value)} AS DATE)`;
    case "timestamp":
      return `CAST(${bind(value.value)} AS TIMESTAMP)`;
    case "timestamptz":
      return `CAST(${bind(value.value)} AS TIMESTAMPTZ)`;
  }
}

/** The narrowest DECIMAL that holds the literal exactly (DOUBLE past DuckDB's 38 digits). */
function decimalType(text: string): string {
  const scale = decimalScale(text);
  const integerDigits = Math.max(
    1,
    (text.replace(/^[+-]/, "").split(".")[0] ?? "").replace(/^0+/, "").length,
  );
  const precision = integerDigits + scale;
  return precision > 38 ? "DOUBLE" : `DECIMAL(${precision}, ${scale})`;
}
