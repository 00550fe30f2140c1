/**
 * Running a planned (secured) SELECT into a temporary table on the statement's
 * connection: setup steps first, parameters bound. Commands then read the temporary
 * table — the person's query runs once, and what is written is exactly what it gave.
 */
import { randomUUID } from "node:crypto";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { EngineConnection, PreparedQuery } from "../../types";

export interface Materialized {
  /** The quoted name of the temporary table. */
  table: string;
  columns: { name: string; type: string }[];
  drop(): Promise<void>;
}

export async function materialize(connection: EngineConnection, query: PreparedQuery, signal: AbortSignal): Promise<Materialized> {
  for (const step of query.setup) await step.run(connection, signal);
  const table = quoteIdent(`__tarn_command_${randomUUID().replaceAll("-", "")}`);
  await connection.run(`CREATE TEMP TABLE ${table} AS ${query.sql}`, query.params);
  const drop = () => connection.run(`DROP TABLE IF EXISTS ${table}`);
  try {
    const described = await connection.rows(`DESCRIBE ${table}`);
    const columns = described.map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    return { table, columns, drop };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}

/** Runs `work` with the query materialized, dropping the temporary table afterwards. */
export async function withMaterialized<T>(connection: EngineConnection, query: PreparedQuery, signal: AbortSignal, work: (m: Materialized) => Promise<T>): Promise<T> {
  const materialized = await materialize(connection, query, signal);
  try {
    return await work(materialized);
  } finally {
    await materialized.drop().catch(() => {});
  }
}

export async function countRows(connection: EngineConnection, sql: string): Promise<number> {
  const [row] = await connection.rows(`SELECT count(*) AS n FROM (${sql}) AS counted`);
  return Number(row.n);
}
