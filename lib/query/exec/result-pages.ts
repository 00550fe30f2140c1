/**
 * Paging through a result for the grid: from memory when the result is small and held
 * (held-result.ts), from the spool while rows stream in (and a small result's for a while
 * after, see keep-result.ts), from the kept Parquet file once the query has ended,
 * until the file expires. Sort and filter
 * apply to the whole result (what has arrived so far, while streaming).
 */
import { existsSync } from "node:fs";
import { AppError } from "@/lib/errors";
import { quoteIdent, quoteString } from "@/lib/iceberg/duckdb";
import type { ParamValue } from "../types";
import { values } from "./engine-connection";
import type { QueryEngine } from "./engine";
import { type LiveRun, untilKept } from "./live-run";
import { findRun, type FoundRun, type RunReader } from "./run-access";
import { type FilterModel, orderBy, type SortKey, type WhereClause, whereOf } from "./result-filter";
import type { ResultColumn } from "./run-types";

export const MAX_PAGE_ROWS = 10_000;

export interface PageRequest {
  offset: number;
  limit: number;
  sort?: SortKey[];
  filter?: FilterModel;
}

export interface RowsPage {
  columns: ResultColumn[];
  /** Rows as arrays in column order, JSON-safe (BIGINT, DECIMAL as strings). */
  rows: unknown[][];
  /** Rows after the filter (so far, while streaming). */
  total: number;
  /** Every row has arrived. */
  complete: boolean;
}

interface Source {
  /** A FROM item of the results instance. */
  from: string;
  columns: ResultColumn[];
  complete: boolean;
  /** Rows readable now, without a filter. */
  rows: number;
  /** The kept file, when reading from it. */
  file?: string;
}

export async function readRows(reader: RunReader, engine: QueryEngine, id: string, page: PageRequest): Promise<RowsPage> {
  if (!Number.isInteger(page.offset) || page.offset < 0) throw new AppError("bad_request", "offset must be a whole number, 0 or more.");
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_ROWS) throw new AppError("bad_request", `limit must be between 1 and ${MAX_PAGE_ROWS}.`);
  const found = await findRun(reader, engine, id, "read");
  const live = found.live;
  if (live?.held) {
    const held = heldPage(live, page);
    if (held) return held;
    await untilKept(live); // sorted or filtered: from the file, written in a moment
  }
  try {
    return await readPage(engine, await sourceOf(engine, found), page);
  } catch (error) {
    // The spool was dropped between choosing it and reading it: the kept file is there now.
    if (!found.live?.resultPath || error instanceof AppError) throw error;
    return readPage(engine, await sourceOf(engine, found), page);
  }
}

/** A page of a held result in its own order, unfiltered; undefined when sorted or filtered. */
function heldPage(live: LiveRun, page: PageRequest): RowsPage | undefined {
  const held = live.held;
  const columns = live.columns;
  if (!held || !columns || whereOf(page.filter, columns).sql || orderBy(page.sort ?? [], columns)) return undefined;
  return { columns, rows: held.page(page.offset, page.limit), total: held.rowCount, complete: true };
}

async function readPage(engine: QueryEngine, source: Source, page: PageRequest): Promise<RowsPage> {
  const where = whereOf(page.filter, source.columns);
  const order = orderBy(page.sort ?? [], source.columns);
  const list = source.columns.map((c) => quoteIdent(c.name)).join(", ");
  const view = viewOf(engine, source, list, where, order);
  if (view) return readPage(engine, { ...source, file: undefined, from: `read_parquet(${quoteString(view)})`, rows: await countOf(engine, view) }, { offset: page.offset, limit: page.limit });
  const n = where.params.length;
  const sql = `SELECT ${list} FROM ${source.from}${where.sql}${order} LIMIT $${n + 1} OFFSET $${n + 2}`;
  return engine.store.withConnection(async (connection) => {
    const rows = (await connection.runAndReadAll(sql, values([...where.params, page.limit, page.offset] as ParamValue[]))).getRowsJson();
    const total = where.sql ? Number((await connection.runAndReadAll(`SELECT count(*) AS n FROM ${source.from}${where.sql}`, values(where.params))).getRowsJson()[0][0]) : source.rows;
    return { columns: source.columns, rows, total, complete: source.complete };
  });
}

/** A large kept result read in another order or filtered: its ready view, if any (see result-views.ts). */
function viewOf(engine: QueryEngine, source: Source, list: string, where: WhereClause, order: string): string | undefined {
  if (!source.file || (!where.sql && !order) || source.rows < engine.views.minRows) return undefined;
  const select = `SELECT ${list} FROM ${source.from}${where.sql}${order}`;
  return engine.views.ready({ file: source.file, key: JSON.stringify([list, where, order]), select, params: where.params });
}

async function countOf(engine: QueryEngine, file: string): Promise<number> {
  return engine.store.withConnection(async (c) => Number((await c.runAndReadAll(`SELECT count(*) FROM read_parquet(${quoteString(file)})`)).getRowsJson()[0][0]));
}

async function sourceOf(engine: QueryEngine, found: FoundRun): Promise<Source> {
  const { live, row } = found;
  if (live) {
    const spool = live.spool;
    // A small finished result still staged (keep-result.ts): the same rows and columns as its file, from memory.
    if (spool && live.complete && live.columns && live.resultPath) return { from: quoteIdent(spool.table), columns: live.columns, complete: true, rows: spool.visibleRows };
    if (live.resultPath && existsSync(live.resultPath)) return fileSource(engine, live.resultPath, live.rowCount);
    if (spool && live.columns) return { from: quoteIdent(spool.table), columns: live.columns, complete: false, rows: spool.visibleRows };
    if (live.status === "queued" || live.status === "running") return { from: "(SELECT 1 WHERE false)", columns: live.columns ?? [], complete: false, rows: 0 };
    throw live.expiresAt ? expired(engine) : noRows();
  }
  if (row.resultPath && row.resultExpiresAt && row.resultExpiresAt > new Date() && existsSync(row.resultPath)) return fileSource(engine, row.resultPath, row.rowCount ?? 0);
  throw row.resultExpiresAt ? expired(engine) : noRows();
}

function noRows(): AppError {
  return new AppError("bad_request", "This statement has no rows to show.");
}

async function fileSource(engine: QueryEngine, file: string, rows: number): Promise<Source> {
  return { from: `read_parquet(${quoteString(file)})`, file, columns: await engine.store.columnsOf(file), complete: true, rows };
}

function expired(engine: QueryEngine): AppError {
  const hours = Math.round(engine.options.resultTtlMs / 3_600_000);
  return new AppError("not_found", `This result is no longer kept (results are kept for ${hours} hour${hours === 1 ? "" : "s"}); run the statement again.`);
}
