/** Small helpers over a DuckDB connection: rows as arrays or as objects of DuckDB values. */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";

export async function queryRows(
  connection: DuckDBConnection,
  sql: string,
): Promise<DuckDBValue[][]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows();
}

export async function queryObjects(
  connection: DuckDBConnection,
  sql: string,
): Promise<Record<string, DuckDBValue>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjects();
}

/** A bigint or number column value as a number (counts and sizes stay far below 2^53). */
export function asNumber(value: DuckDBValue): number {
  return value === null ? 0 : Number(value as number | bigint);
}
