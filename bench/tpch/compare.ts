/**
 * Comparing two query results. Values are compared as JSON (DuckDB's `getRowsJson`):
 * numbers and numeric strings as numbers within a relative 1e-9 (a DOUBLE aggregate's
 * last bits depend on how threads split the rows; a HUGEINT kept in Parquet comes back
 * as a number), everything else exactly. Rows are compared in order; when that fails
 * but the same rows come out in another order, the difference is among ties of the
 * ORDER BY and is reported as such.
 */

export interface Result {
  columns: string[];
  rows: unknown[][];
}

export interface Comparison {
  equal: boolean;
  /** Equal only as multisets (rows ordered differently among ties). */
  reordered: boolean;
  /** What differs, for a failure message. */
  detail?: string;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

function numberOf(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && NUMERIC.test(v)) return Number(v);
  return undefined;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = numberOf(a);
  const y = numberOf(b);
  if (x !== undefined && y !== undefined) return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameRow(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
}

function sortKey(row: unknown[]): string {
  return JSON.stringify(row.map((v) => {
    const n = numberOf(v);
    return n === undefined ? v : Number(n.toPrecision(8));
  }));
}

function sorted(rows: unknown[][]): unknown[][] {
  return rows.map((r) => [sortKey(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
}

function firstDifference(a: unknown[][], b: unknown[][]): number {
  return a.findIndex((row, i) => !sameRow(row, b[i]));
}

export function compareResults(actual: Result, expected: Result): Comparison {
  if (JSON.stringify(actual.columns) !== JSON.stringify(expected.columns)) {
    return { equal: false, reordered: false, detail: `columns ${JSON.stringify(actual.columns)} vs ${JSON.stringify(expected.columns)}` };
  }
  if (actual.rows.length !== expected.rows.length) {
    return { equal: false, reordered: false, detail: `${actual.rows.length} rows vs ${expected.rows.length}` };
  }
  if (firstDifference(actual.rows, expected.rows) < 0) return { equal: true, reordered: false };
  const a = sorted(actual.rows);
  const b = sorted(expected.rows);
  const at = firstDifference(a, b);
  if (at < 0) return { equal: true, reordered: true };
  return { equal: false, reordered: false, detail: `row ${JSON.stringify(a[at])} vs ${JSON.stringify(b[at])}` };
}
