/**
 * Quoting for the SQL Tarn generates. Every identifier and string that reaches DuckDB goes
 * through these two functions: paths and column names come from table metadata, which
 * anyone who can write to the lake controls, so a quote in them must not end the literal.
 */

/** `"name"`, with embedded double quotes doubled. */
export function quoteIdent(name: string): string {
  rejectNul(name);
  return `"${name.replaceAll('"', '""')}"`;
}

/** `'text'`, with embedded single quotes doubled (DuckDB strings have no backslash escapes). */
export function quoteString(text: string): string {
  rejectNul(text);
  return `'${text.replaceAll("'", "''")}'`;
}

/** `"a"."b"."c"`: a struct field reached through its parents. */
export function quotePath(names: readonly string[]): string {
  return names.map(quoteIdent).join(".");
}

/** A DuckDB list literal of strings: `['a', 'b']`. */
export function stringList(items: readonly string[]): string {
  return `[${items.map(quoteString).join(", ")}]`;
}

function rejectNul(text: string): void {
  if (text.includes("\u0000")) throw new Error("SQL text cannot hold a NUL character");
}
