/**
 * The caller's rows, as the table's columns: `sourceSql` is any DuckDB query whose
 * output columns are named like the schema's top-level columns (matched exactly, else
 * ignoring case). Each is cast to the column's DuckDB type; an optional column the query
 * does not produce is NULL; an unknown or missing required column is an error before
 * anything is written.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { NestedField, Schema } from "../../spec/types";
import { queryObjects } from "../duck/query";
import { WriteError } from "../errors";
import { duckdbType } from "../sql/duckdb-type";
import { quoteIdent } from "../../duckdb/quote";

export async function sourceColumns(connection: DuckDBConnection, sourceSql: string): Promise<string[]> {
  try {
    const rows = await queryObjects(connection, `DESCRIBE (${sourceSql})`);
    return rows.map((row) => String(row.column_name));
  } catch (error) {
    throw new WriteError("invalid-input", `The rows to write cannot be read: ${messageOf(error)}`, {
      cause: error,
    });
  }
}

/** `SELECT CAST(src."a" AS BIGINT) AS "a", … FROM (<sourceSql>) AS src`. */
export function projectionSql(schema: Schema, sourceSql: string, columns: readonly string[]): string {
  const matched = matchColumns(schema.fields, columns);
  const selects = schema.fields.map((field) => {
    const source = matched.get(field.id);
    const value = source === undefined ? "NULL" : `src.${quoteIdent(source)}`;
    return `CAST(${value} AS ${duckdbType(field.type)}) AS ${quoteIdent(field.name)}`;
  });
  return `SELECT ${selects.join(", ")} FROM (${sourceSql}) AS src`;
}

function matchColumns(fields: readonly NestedField[], columns: readonly string[]): Map<number, string> {
  const matched = new Map<number, string>();
  const used = new Set<string>();
  for (const field of fields) {
    const exact = columns.find((c) => c === field.name);
    const loose = columns.filter((c) => c.toLowerCase() === field.name.toLowerCase());
    const column = exact ?? (loose.length === 1 ? loose[0] : undefined);
    if (column !== undefined && !used.has(column)) {
      matched.set(field.id, column);
      used.add(column);
    } else if (field.required) {
      throw new WriteError("invalid-input", `The rows to write have no column "${field.name}", which is required`);
    }
  }
  const unknown = columns.filter((c) => !used.has(c));
  if (unknown.length > 0) {
    throw new WriteError(
      "invalid-input",
      `The table has no column ${unknown.map((c) => `"${c}"`).join(", ")}`,
    );
  }
  return matched;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
