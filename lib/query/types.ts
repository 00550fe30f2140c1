/**
 * The contracts between the parts of the query engine (`lib/query`). Each part owns a
 * folder; these types are how they meet.
 *
 *   text ──split──▶ statements ──plan──▶ StatementPlan ──exec──▶ rows / a command result
 *            plan/              plan/ (SELECT, USE, EXPLAIN…)     exec/ (pool, limits,
 *                               commands/ (DDL and DML)           results, history)
 *
 * - `plan/` parses with DuckDB's own parser, resolves names against the session's
 *   catalog and namespace, asks lib/access, and rewrites every table reference into its
 *   secured relation. What it hands on is safe to run in the sandbox as is.
 * - `commands/` turns DDL and DML into catalog calls and Iceberg commits.
 * - `exec/` owns DuckDB: sandboxed instances, the bounded pool and its queue, time and
 *   memory limits, cancel, streaming, kept results, export, and the query history.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Principal } from "@/lib/access";
import type { Db } from "@/lib/db";
import type { FileIO } from "@/lib/iceberg/io";

/** Where unqualified names resolve; `USE` changes it. */
export interface SessionState {
  catalog?: string;
  namespace?: string[];
}

/** A parameter value bound to a `:name` placeholder (never spliced into SQL text). */
export type ParamValue = string | number | bigint | boolean | null;

export interface QueryContext {
  db: Db;
  io: FileIO;
  actor: Principal;
  session: SessionState;
  params?: Record<string, ParamValue>;
}

/** One statement of a cell, with where it sits in the text the person typed. */
export interface StatementText {
  sql: string;
  /** Offsets into the original text, for mapping errors and markers back. */
  start: number;
  end: number;
}

/** Maps a position in generated SQL back to the person's text (null: no good match). */
export type PositionMapper = (generatedOffset: number) => number | null;

/** A SELECT (or EXPLAIN, SHOW, DESCRIBE…) ready to run in the sandbox. */
export interface PreparedQuery {
  kind: "query";
  /** DuckDB SQL over secured relations; `$1, $2…` placeholders for `params`. */
  sql: string;
  params: ParamValue[];
  /** "catalog.namespace.table" of every table read, for history and audit. */
  tablesRead: string[];
  /** Work before the query runs on the same connection (e.g. fetching federated rows into temp tables). */
  setup: SetupStep[];
  mapPosition: PositionMapper;
  /** The most rows the result can have, when the planner can tell (a LIMIT, a lone aggregate). */
  rowBound?: number;
  /** GROUP BY at the top level: no row exists before all input is read. */
  grouped?: boolean;
}

export interface SetupStep {
  describe: string;
  run(connection: EngineConnection, signal: AbortSignal): Promise<void>;
}

/** DDL, DML, USE…: something that changes state and answers with a message. */
export interface PreparedCommand {
  kind: "command";
  /** "INSERT INTO demo.sales.orders", for history. */
  describe: string;
  tablesRead: string[];
  tablesWritten: string[];
  execute(connection: EngineConnection, signal: AbortSignal): Promise<CommandResult>;
}

export interface CommandResult {
  message: string;
  rowsAffected?: number;
  /** Set by USE: the session's new catalog/namespace. */
  session?: SessionState;
}

export type StatementPlan = PreparedQuery | PreparedCommand;

/** A connection lent by the engine pool for one statement. */
export interface EngineConnection {
  /** The DuckDB connection (sandboxed: external access off, only Tarn's folders allowed). */
  duck: DuckDBConnection;
  run(sql: string, params?: ParamValue[]): Promise<void>;
  rows(sql: string, params?: ParamValue[]): Promise<Record<string, unknown>[]>;
}
