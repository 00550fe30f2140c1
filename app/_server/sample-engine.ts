import "server-only";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";

/**
 * A small in-process DuckDB for the catalog's Sample tab. It only ever runs SQL that the
 * server built from a scan plan (`scanTable(...).sql`) — never text from a person — so it
 * needs no sandbox; it is kept apart from the query engine's instance and kept small.
 */
let engine: Promise<DuckDBConnection> | undefined;

function connection(): Promise<DuckDBConnection> {
  engine ??= (async () => {
    const instance = await DuckDBInstance.create(":memory:", { threads: "2", memory_limit: "512MB" });
    return instance.connect();
  })().catch((error: unknown) => {
    engine = undefined;
    throw error;
  });
  return engine;
}

export interface SampleRows {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

const MAX_TEXT = 500;

/** The first `limit` rows of a relation, JSON-safe (64-bit integers as text, long text cut). */
export async function sampleRelation(relationSql: string, limit: number): Promise<SampleRows> {
  const reader = await (await connection()).runAndReadAll(`SELECT * FROM ${relationSql} AS sample LIMIT ${Math.max(1, Math.min(limit, 1000))}`);
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const rows = reader.getRowsJson().map((row) => row.map(clip));
  return { columns: names.map((name, i) => ({ name, type: types[i] })), rows };
}

function clip(value: unknown): unknown {
  if (typeof value === "string" && value.length > MAX_TEXT) return `${value.slice(0, MAX_TEXT)}…`;
  if (value !== null && typeof value === "object") {
    const text = JSON.stringify(value);
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : value;
  }
  return value;
}
