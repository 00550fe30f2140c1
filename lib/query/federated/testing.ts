/**
 * For the integration tests of federated relations: scratch databases on the local
 * PostgreSQL and MariaDB, an engine connection over a plain DuckDB connection, and a
 * recorder of what is sent to the source (a thin wrapper of the real driver connection).
 */
import { randomBytes } from "node:crypto";
import type { DuckDBConnection } from "@duckdb/node-api";
import mysql from "mysql2/promise";
import pg from "pg";
import type { CatalogContext, TableIdent } from "@/lib/catalog";
import type { EngineConnection, ParamValue } from "../types";
import { type FederatedOptions, type FederatedRequest, federatedRelation } from "./relation";
import { type OpenSource, openSource } from "./source";
import type { SourceStatement } from "./source-sql";

export function scratchName(): string {
  return `tarn_fedq_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/** Runs `setup`; if it fails, `close` cleans up what was made so far before the error goes on. */
export async function orClose<T>(close: () => Promise<void>, setup: () => Promise<T>): Promise<T> {
  try {
    return await setup();
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

export async function pgRun(
  database: string,
  ...statements: string[]
): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
  await client.connect();
  try {
    let rows: Record<string, unknown>[] = [];
    for (const sql of statements) rows = (await client.query(sql)).rows;
    return rows;
  } finally {
    await client.end();
  }
}

export async function myRun(...statements: string[]): Promise<Record<string, unknown>[]> {
  const conn = await mysql.createConnection({ host: "127.0.0.1", port: 3306, user: "root" });
  try {
    let rows: Record<string, unknown>[] = [];
    for (const sql of statements) rows = (await conn.query(sql))[0] as Record<string, unknown>[];
    return rows;
  } finally {
    await conn.end();
  }
}

/** What the production engine lends a setup step, over a test's own DuckDB connection. */
export function engineOver(duck: DuckDBConnection): EngineConnection {
  return {
    duck,
    run: async (sql: string, params?: ParamValue[]) => {
      await duck.run(sql, params as never);
    },
    rows: async (sql: string, params?: ParamValue[]) =>
      (await duck.runAndReadAll(sql, params as never)).getRowObjectsJson() as Record<
        string,
        unknown
      >[],
  };
}

/** The real source connection, noting every statement (SQL and parameters) it is asked to run. */
export function recordingSource(sent: SourceStatement[]): OpenSource {
  return async (connection) => {
    const source = await openSource(connection);
    return {
      ...source,
      stream: (statement, onRow) => {
        sent.push(statement);
        return source.stream(statement, onRow);
      },
    };
  };
}

export type ReadOptions = FederatedOptions & { table?: string; signal?: AbortSignal };

export interface ReadResult {
  /** What reached the source. */
  sent: SourceStatement[];
  relationSql: string;
  /** Rows of DuckDB SQL in which `$rel` stands for the relation. */
  rows: (sql: string) => Promise<Record<string, unknown>[]>;
}

/** Plans a federated reference and runs its setup on `duck`, as a statement would. */
export async function readFederated(
  ctx: CatalogContext,
  duck: DuckDBConnection,
  ident: TableIdent,
  request: FederatedRequest,
  options: ReadOptions = {},
): Promise<ReadResult> {
  const sent: SourceStatement[] = [];
  const relation = await federatedRelation(ctx, ident, request, {
    openSource: recordingSource(sent),
    ...options,
  });
  const engine = engineOver(duck);
  for (const step of relation.setup)
    await step.run(engine, options.signal ?? new AbortController().signal);
  const rows = (sql: string) => engine.rows(sql.replaceAll("$rel", relation.relationSql));
  return { sent, relationSql: relation.relationSql, rows };
}
