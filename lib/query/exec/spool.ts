/**
 * A result as it streams in: rows are appended to a staging table of the results
 * instance (memory first, spilled to its temp folder beyond its limit), where pages can
 * be read at once, and written to the run's Parquet file when the query ends.
 *
 * Appends are made visible in batches (the first chunk at once, then every
 * FLUSH_ROWS rows or FLUSH_MS): each flush is a commit, and readers see committed rows.
 */
import { renameSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type DuckDBAppender, type DuckDBConnection, type DuckDBDataChunk, type DuckDBType, DuckDBTypeId } from "@duckdb/node-api";
import { quoteIdent, quoteString } from "@/lib/iceberg/duckdb";
import type { ResultStore } from "./result-store";
import type { ResultColumn } from "./run-types";

const FLUSH_ROWS = 100_000;
const FLUSH_MS = 150;
const ROW_GROUP_SIZE = 100_000;

/** Types Parquet cannot hold faithfully (DuckDB would write HUGEINT as DOUBLE): kept as text. */
const AS_TEXT = new Set([
  DuckDBTypeId.HUGEINT,
  DuckDBTypeId.UHUGEINT,
  DuckDBTypeId.UNION,
  DuckDBTypeId.BIT,
  DuckDBTypeId.BIGNUM,
  DuckDBTypeId.VARIANT,
  DuckDBTypeId.GEOMETRY,
  DuckDBTypeId.TIME_NS,
]);

/** Types that come back from Parquet exactly as they went in (nested and rarer ones are looked up in the file). */
const KEPT_AS_IS = new Set([
  DuckDBTypeId.BOOLEAN,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.BIGINT,
  DuckDBTypeId.UTINYINT,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.UBIGINT,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.DECIMAL,
  DuckDBTypeId.VARCHAR,
  DuckDBTypeId.BLOB,
  DuckDBTypeId.DATE,
  DuckDBTypeId.TIME,
  DuckDBTypeId.TIMESTAMP,
  DuckDBTypeId.TIMESTAMP_TZ,
]);

/** A result could not be staged or written (disk full…): Tarn's fault, not the SQL's. */
export class ResultKeepError extends Error {
  override name = "ResultKeepError";
}

function keepError(error: unknown): ResultKeepError {
  return error instanceof ResultKeepError ? error : new ResultKeepError("Could not keep the result", { cause: error });
}

/** Cleans up after a failed write without hiding its error behind another (ENOTDIR, EACCES…). */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // Nothing was written there, or it cannot be removed: the write's own error says more.
  }
}

export interface SpoolColumn {
  name: string;
  type: DuckDBType;
}

/** The columns a result of these columns has once written to Parquet, when known without reading the file. */
export function fileColumnsOf(of: readonly SpoolColumn[]): ResultColumn[] | undefined {
  const columns: ResultColumn[] = [];
  for (const c of of) {
    if (AS_TEXT.has(c.type.typeId)) columns.push({ name: c.name, type: "VARCHAR" });
    else if (KEPT_AS_IS.has(c.type.typeId)) columns.push({ name: c.name, type: c.type.toString() });
    else return undefined;
  }
  return columns;
}

export class Spool {
  private rows = 0;
  private flushedRows = 0;
  private lastFlush = 0;
  private finished = false;

  private constructor(
    readonly table: string,
    private readonly columns: SpoolColumn[],
    private readonly writer: DuckDBConnection,
    private readonly appender: DuckDBAppender,
  ) {}

  static async open(store: ResultStore, runId: string, columns: SpoolColumn[]): Promise<Spool> {
    const table = `spool_${runId}`;
    const writer = await store.connect();
    try {
      const definitions = columns.map((c) => `${quoteIdent(c.name)} ${c.type.toString()}`);
      await writer.run(`CREATE TABLE ${quoteIdent(table)} (${definitions.join(", ")})`);
      const appender = await writer.createAppender(table);
      return new Spool(table, columns, writer, appender);
    } catch (error) {
      writer.closeSync();
      throw keepError(error);
    }
  }

  /** A spool of rows already at hand (a held result being kept), every row visible. */
  static async of(store: ResultStore, runId: string, columns: readonly SpoolColumn[], chunks: readonly DuckDBDataChunk[]): Promise<Spool> {
    const spool = await Spool.open(store, runId, [...columns]);
    try {
      for (const chunk of chunks) spool.append(chunk);
      spool.flush();
      return spool;
    } catch (error) {
      await spool.drop().catch(() => {});
      throw error;
    }
  }

  /** Rows readers can see now. */
  get visibleRows(): number {
    return this.flushedRows;
  }

  /** Appends a chunk; true when this made more rows visible. */
  append(chunk: DuckDBDataChunk): boolean {
    try {
      this.appender.appendDataChunk(chunk);
    } catch (error) {
      throw keepError(error);
    }
    this.rows += chunk.rowCount;
    const due = this.flushedRows === 0 || this.rows - this.flushedRows >= FLUSH_ROWS || performance.now() - this.lastFlush >= FLUSH_MS;
    return due ? this.flush() : false;
  }

  flush(): boolean {
    if (this.rows === this.flushedRows) return false;
    try {
      this.appender.flushSync();
    } catch (error) {
      throw keepError(error);
    }
    this.flushedRows = this.rows;
    this.lastFlush = performance.now();
    return true;
  }

  /**
   * Writes every row to `file` (through a temporary name, so a half-written file is never
   * read as a result). The staging table stays until `drop()`, so readers can switch over.
   */
  async writeParquet(file: string, signal: AbortSignal): Promise<void> {
    this.flush();
    this.closeAppender();
    const partial = `${file}.partial`;
    const stop = () => this.writer.interrupt();
    signal.addEventListener("abort", stop, { once: true });
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await this.writer.run(`COPY (SELECT ${this.parquetColumns()} FROM ${quoteIdent(this.table)}) TO ${quoteString(partial)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`);
      signal.throwIfAborted();
      renameSync(partial, file);
    } catch (error) {
      removeQuietly(partial);
      throw signal.aborted ? signal.reason : keepError(error);
    } finally {
      signal.removeEventListener("abort", stop);
    }
  }

  /**
   * The columns the written file has, as DESCRIBE would give them — known without reading
   * the file when every type is one Parquet keeps as it is (or one kept as text); else undefined.
   */
  fileColumns(): ResultColumn[] | undefined {
    return fileColumnsOf(this.columns);
  }

  /** Drops the staging table and closes the writer. Idempotent. */
  async drop(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.closeAppender();
    try {
      await this.writer.run(`DROP TABLE IF EXISTS ${quoteIdent(this.table)}`);
    } finally {
      this.writer.closeSync();
    }
  }

  private closeAppender(): void {
    try {
      this.appender.closeSync();
    } catch {
      // Already closed: closing twice is harmless here.
    }
  }

  private parquetColumns(): string {
    return this.columns
      .map((c) => (AS_TEXT.has(c.type.typeId) ? `CAST(${quoteIdent(c.name)} AS VARCHAR) AS ${quoteIdent(c.name)}` : quoteIdent(c.name)))
      .join(", ");
  }
}
