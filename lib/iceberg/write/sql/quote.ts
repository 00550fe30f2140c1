/**
 * Quoting for everything we splice into DuckDB SQL: identifiers (column names come from
 * table schemas, which anyone with create rights can name) and string literals (paths).
 */
import { WriteError } from "../errors";

/** `"name"`, with embedded quotes doubled. */
export function quoteIdent(name: string): string {
  rejectNul(name, "identifier");
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'`, with embedded quotes doubled (DuckDB gives backslashes no meaning here). */
export function quoteString(text: string): string {
  rejectNul(text, "string");
  return `'${text.replaceAll("'", "''")}'`;
}

/** `"a"."b"."c"`: a struct field reached through its parents. */
export function quotePath(names: readonly string[]): string {
  return names.map(quoteIdent).join(".");
}

function rejectNul(text: string, what: string): void {
  if (text.includes("\u0000")) {
    throw new WriteError("invalid-input", `A NUL character cannot appear in an SQL ${what}`);
  }
}
