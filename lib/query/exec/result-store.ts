/**
 * Where results are kept: Parquet files `<resultsDir>/<userId>/<runId>.parquet`, and one
 * DuckDB instance of their own that stages rows as they stream in, writes the files, and
 * reads pages and exports from them.
 *
 * That instance is sandboxed to the results folder only, and the query instances never
 * see the results folder: SQL derived from a person's text cannot reach anyone's kept
 * result, even if the planner were bypassed. The only SQL run here is built by this
 * folder, with the grid's sort and filter values bound as parameters.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { quoteString } from "@/lib/iceberg/duckdb";
import type { ResultColumn } from "./run-types";
import { createSandboxedInstance } from "./sandbox";

export interface ResultStoreSpec {
  resultsDir: string;
  tempDir: string;
  memoryLimit: string;
  threads: number;
}

/** How many result files' columns are remembered. */
const COLUMNS_KEPT = 512;

export class ResultStore {
  private instance?: Promise<DuckDBInstance>;
  private readonly columns = new Map<string, ResultColumn[]>();

  constructor(readonly spec: ResultStoreSpec) {}

  /** The kept result of a run. Ids are letters and digits (records.ts runId), so they are safe as file names. */
  filePath(userId: string, runId: string): string {
    return path.join(this.spec.resultsDir, safeSegment(userId), `${safeSegment(runId)}.parquet`);
  }

  /** A folder for export files being written, removed as each download ends. */
  exportDir(userId: string): string {
    const dir = path.join(this.spec.resultsDir, safeSegment(userId), "exports");
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  async connect(): Promise<DuckDBConnection> {
    this.instance ??= this.open();
    return (await this.instance).connect();
  }

  /** Runs `fn` on a connection of its own, closed afterwards. */
  async withConnection<T>(fn: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** The columns of a kept result file (files are written once: remembered by path). */
  async columnsOf(file: string): Promise<ResultColumn[]> {
    const known = this.columns.get(file);
    if (known) return known;
    const columns = await this.withConnection((connection) => describeFile(connection, file));
    this.rememberColumns(file, columns);
    return columns;
  }

  /** Columns of a file just written, known by its writer. */
  knowColumns(file: string, columns: ResultColumn[]): void {
    this.rememberColumns(file, columns);
  }

  private rememberColumns(file: string, columns: ResultColumn[]): void {
    if (this.columns.size >= COLUMNS_KEPT) this.columns.delete(this.columns.keys().next().value as string);
    this.columns.set(file, columns);
  }

  close(): void {
    const instance = this.instance;
    this.instance = undefined;
    instance?.then((i) => i.closeSync(), () => {});
  }

  private open(): Promise<DuckDBInstance> {
    mkdirSync(this.spec.resultsDir, { recursive: true });
    const opened = createSandboxedInstance({
      allowed: [this.spec.resultsDir],
      memoryLimit: this.spec.memoryLimit,
      threads: this.spec.threads,
      tempDir: path.join(this.spec.tempDir, `results-${process.pid}`),
    });
    opened.catch(() => {
      if (this.instance === opened) this.instance = undefined;
    });
    return opened;
  }
}

async function describeFile(connection: DuckDBConnection, file: string): Promise<ResultColumn[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quoteString(file)})`);
  return reader.getRowObjectsJson().map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
}

function safeSegment(id: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`Not an id: ${JSON.stringify(id)}`);
  return id;
}
