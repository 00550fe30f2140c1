/**
 * Test support: DuckDB results as sqllogictest prints them (tab-separated text, NULL for
 * null) and comparing them with expected rows the way DuckDB's test runner does.
 */
import type { DuckDBConnection } from "@duckdb/node-api";

export interface TextResult {
  rows: string[];
  types: string[];
}

/** Runs a query and prints every value through DuckDB's own VARCHAR cast. */
export async function runAsText(connection: DuckDBConnection, sql: string): Promise<TextResult> {
  const query = sql.trim().replace(/;\s*$/, "");
  if (/^explain\b/i.test(query)) {
    const reader = await connection.runAndReadAll(query);
    return { rows: reader.getRowsJS().map((row) => row.map(String).join("\t")), types: [] };
  }
  const typed = await connection.runAndReadAll(`SELECT * FROM (${query}) LIMIT 0`);
  const types = typed.columnTypes().map(String);
  const reader = await connection.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM (${query})`);
  const rows = reader.getRowsJS().map((row) => row.map(printValue).join("\t"));
  return { rows, types };
}

function printValue(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  return value === "" ? "(empty)" : String(value);
}

/** Whether the SQL orders its final result (an ORDER BY outside parentheses). */
export function ordersResult(sql: string): boolean {
  let depth = 0;
  let tail = "";
  for (const ch of sql) {
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0) tail += ch;
  }
  return /\border\s+by\b/i.test(tail);
}

/**
 * Compares rows. Without an ORDER BY the order of rows is unspecified in SQL, so rows are
 * compared as sorted lists. A cell that differs as text is compared again after casting
 * the expected text to the result column's type (DuckDB's runner does the same: `1`
 * matches `true` in a BOOLEAN column); `<REGEX>:` cells are regular expressions.
 */
export async function rowsMatch(
  connection: DuckDBConnection,
  actual: TextResult,
  expected: string[],
  ordered: boolean,
): Promise<string | undefined> {
  const got = ordered ? actual.rows : [...actual.rows].sort();
  const want = ordered ? expected : [...expected].sort();
  if (got.length !== want.length)
    return `expected ${want.length} rows, got ${got.length}: ${got.slice(0, 5).join(" | ")}`;
  for (let r = 0; r < got.length; r++) {
    const problem = await rowMatches(
      connection,
      got[r].split("\t"),
      want[r].split("\t"),
      actual.types,
    );
    if (problem) {
      if (!ordered) return unorderedMatch(connection, actual, expected);
      return `row ${r}: ${problem}\n  got:  ${got[r]}\n  want: ${want[r]}`;
    }
  }
  return undefined;
}

/** Sorting text may pair rows differently than cast-aware equality: match greedily. */
async function unorderedMatch(
  connection: DuckDBConnection,
  actual: TextResult,
  expected: string[],
): Promise<string | undefined> {
  const left = [...actual.rows];
  for (const want of expected) {
    let found = -1;
    for (let i = 0; i < left.length && found < 0; i++) {
      const problem = await rowMatches(
        connection,
        left[i].split("\t"),
        want.split("\t"),
        actual.types,
      );
      if (!problem) found = i;
    }
    if (found < 0) return `no row matches ${want}; got ${actual.rows.slice(0, 5).join(" | ")}`;
    left.splice(found, 1);
  }
  return undefined;
}

async function rowMatches(
  connection: DuckDBConnection,
  got: string[],
  want: string[],
  types: string[],
): Promise<string | undefined> {
  if (got.length !== want.length) return `expected ${want.length} columns, got ${got.length}`;
  for (let c = 0; c < got.length; c++) {
    if (await cellMatches(connection, got[c], want[c], types[c])) continue;
    return `column ${c}: ${got[c]} ≠ ${want[c]}`;
  }
  return undefined;
}

async function cellMatches(
  connection: DuckDBConnection,
  got: string,
  want: string,
  type: string | undefined,
): Promise<boolean> {
  if (got === want) return true;
  if (want.startsWith("<REGEX>:")) return new RegExp(want.slice(8), "s").test(got);
  if (!type || want === "NULL" || got === "NULL") return false;
  const escaped = want.replaceAll("'", "''");
  const reader = await connection.runAndReadAll(
    `SELECT TRY_CAST('${escaped}' AS ${type})::VARCHAR`,
  );
  return reader.getRowsJS()[0][0] === got;
}
