/**
 * Checks on the rows of a written file that DuckDB's casts do not make: no NULL where
 * the schema says required (at any depth: a required struct field only counts when its
 * struct is present, a required list element or map value in every list or map), and
 * every fixed[L] value exactly L bytes. Each check is one `count_if` in the aggregate
 * query over the file; a non-zero count fails the write, naming the column.
 */
import type { DuckDBValue } from "@duckdb/node-api";
import type { IcebergType, StructType } from "../../spec/types";
import { parsePrimitive } from "../../values";
import type { Aggregate } from "../metrics/aggregate";
import { quoteIdent } from "../../duckdb/quote";

export interface RowCheck extends Aggregate {
  /** What a failure says: `column "id" is required but 3 rows hold NULL`. */
  describe(count: number): string;
}

/** Builds a row-level condition from a condition on the values at some nested position. */
type At = (onValue: (valueSql: string) => string) => string;

let lambdaCount = 0;

export function rowChecks(schema: StructType): RowCheck[] {
  const checks: RowCheck[] = [];
  for (const field of schema.fields) {
    const at: At = (onValue) => onValue(`t.${quoteIdent(field.name)}`);
    if (field.required) checks.push(nullCheck(field.name, at));
    visitType(field.type, field.name, at, checks);
  }
  return checks;
}

function visitType(type: IcebergType, name: string, at: At, checks: RowCheck[]): void {
  if (typeof type === "string") {
    const p = parsePrimitive(type);
    if (p.kind === "fixed") checks.push(lengthCheck(name, at, p.length));
    return;
  }
  if (type.type === "struct") {
    for (const child of type.fields) {
      const childName = `${name}.${child.name}`;
      const childAt: At = (onValue) =>
        at((v) => `(${v} IS NOT NULL AND ${onValue(`${v}.${quoteIdent(child.name)}`)})`);
      if (child.required) checks.push(nullCheck(childName, childAt));
      visitType(child.type, childName, childAt, checks);
    }
    return;
  }
  const [items, childName, childType, required] =
    type.type === "list"
      ? [(v: string) => v, `${name}.element`, type.element, type.elementRequired]
      : [(v: string) => `map_values(${v})`, `${name}.value`, type.value, type.valueRequired];
  const childAt: At = (onValue) => at((v) => anyItem(items(v), onValue));
  if (required) checks.push(nullCheck(childName, childAt));
  visitType(childType, childName, childAt, checks);
  if (type.type === "map")
    visitType(type.key, `${name}.key`, (f) => at((v) => anyItem(`map_keys(${v})`, f)), checks);
}

/** True when some item of the list satisfies the condition; never NULL. */
function anyItem(listSql: string, onValue: (valueSql: string) => string): string {
  const x = `tarn_c${lambdaCount++ % 1_000_000}`;
  return `coalesce(list_bool_or(list_transform(${listSql}, lambda ${x}: ${onValue(x)})), FALSE)`;
}

function nullCheck(name: string, at: At): RowCheck {
  return {
    alias: `required_${name}`,
    sql: `count_if(${at((v) => `${v} IS NULL`)})`,
    describe: (n) =>
      `Column "${name}" is required, but ${n} row${n === 1 ? "" : "s"} would hold NULL in it`,
  };
}

function lengthCheck(name: string, at: At, length: number): RowCheck {
  return {
    alias: `length_${name}`,
    sql: `count_if(${at((v) => `coalesce(octet_length(${v}) <> ${length}, FALSE)`)})`,
    describe: (n) =>
      `Column "${name}" is fixed[${length}], but ${n} row${n === 1 ? "" : "s"} hold another length`,
  };
}

/** Failure messages of the checks that found rows, for one file's aggregate row. */
export function failedChecks(
  checks: readonly RowCheck[],
  row: Record<string, DuckDBValue>,
): string[] {
  return checks
    .map((check) => ({ check, count: Number(row[check.alias] ?? 0) }))
    .filter(({ count }) => count > 0)
    .map(({ check, count }) => check.describe(count));
}
