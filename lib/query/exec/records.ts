/**
 * QueryRun rows: one per statement, written when the batch is accepted (queued), when the
 * statement has been running a while (run-statement.ts), and when it ends. The error column holds the person-facing error as
 * JSON (`{ message, line?, column? }`); tablesRead a JSON array of names.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db";
import type { StatementText } from "../types";
import type { QueryError, RunStatusName } from "./run-types";

/** Int columns are 32-bit on PostgreSQL; a larger figure is stored as the largest one. */
const INT_MAX = 2 ** 31 - 1;

export type QueryRunRow = NonNullable<Awaited<ReturnType<Db["queryRun"]["findUnique"]>>>;

export interface NewRuns {
  userId: string;
  notebookId: string | null;
  cellId: string | null;
  statements: StatementText[];
}

export async function createRunRows(db: Db, input: NewRuns): Promise<QueryRunRow[]> {
  const createdAt = new Date();
  const rows = input.statements.map((statement) => newRow(input, statement, createdAt));
  // One statement (most cells) is one insert: no transaction around it.
  if (rows.length === 1) await insertRow(db, rows[0]);
  else await db.$transaction(rows.map((row) => insertRow(db, row)));
  return rows;
}

let lastMs = 0;
let sequence = 0;

/**
 * A new run id: `r`, the time, a counter within the millisecond, then random. Ids sort in
 * the order they were made, as history breaks ties of createdAt by id (the statements of
 * one cell share it), and are safe as file names (results are kept under them).
 */
export function runId(): string {
  const ms = Date.now();
  sequence = ms === lastMs ? sequence + 1 : 0;
  lastMs = ms;
  return `r${ms.toString(36).padStart(9, "0")}${sequence.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

function newRow(input: NewRuns, statement: StatementText, createdAt: Date): QueryRunRow {
  return {
    id: runId(),
    userId: input.userId,
    notebookId: input.notebookId,
    cellId: input.cellId,
    sql: statement.sql,
    status: "queued",
    error: null,
    createdAt,
    startedAt: null,
    finishedAt: null,
    durationMs: null,
    rowCount: null,
    bytesScanned: null,
    tablesRead: "[]",
    resultPath: null,
    resultExpiresAt: null,
  };
}

// The writes of every statement run are plain SQL: Prisma's query compiler costs about
// 1 ms a call, as much again as the write itself (SQLite), on every statement a person runs.
function insertRow(db: Db, row: QueryRunRow) {
  return db.$executeRaw`INSERT INTO "QueryRun" ("id", "userId", "notebookId", "cellId", "sql", "status", "createdAt", "tablesRead")
    VALUES (${row.id}, ${row.userId}, ${row.notebookId}, ${row.cellId}, ${row.sql}, ${row.status}, ${row.createdAt}, ${row.tablesRead})`;
}

export async function recordStarted(db: Db, id: string, startedAt: Date): Promise<void> {
  await db.$executeRaw`UPDATE "QueryRun" SET "status" = 'running', "startedAt" = ${startedAt} WHERE "id" = ${id}`;
}

export interface RunOutcome {
  status: RunStatusName;
  startedAt?: Date;
  finishedAt: Date;
  rowCount?: number;
  bytesScanned?: number;
  tablesRead: string[];
  error?: QueryError;
  resultPath?: string;
  resultExpiresAt?: Date;
}

export async function recordFinished(db: Db, id: string, outcome: RunOutcome): Promise<void> {
  const durationMs = outcome.startedAt
    ? outcome.finishedAt.getTime() - outcome.startedAt.getTime()
    : null;
  await db.$executeRaw`UPDATE "QueryRun" SET
      "status" = ${outcome.status},
      "startedAt" = ${outcome.startedAt ?? null},
      "finishedAt" = ${outcome.finishedAt},
      "durationMs" = ${clampInt(durationMs ?? undefined)},
      "rowCount" = ${clampInt(outcome.rowCount)},
      "bytesScanned" = ${clampInt(outcome.bytesScanned)},
      "tablesRead" = ${JSON.stringify(outcome.tablesRead)},
      "error" = ${outcome.error ? JSON.stringify(outcome.error) : null},
      "resultPath" = ${outcome.resultPath ?? null},
      "resultExpiresAt" = ${outcome.resultExpiresAt ?? null}
    WHERE "id" = ${id}`;
}

export function parseError(stored: string | null): QueryError | null {
  if (!stored) return null;
  try {
    const parsed = JSON.parse(stored) as QueryError;
    if (typeof parsed?.message === "string") return parsed;
  } catch {
    // Written by something else than this module: the text is the message.
  }
  return { message: stored };
}

export function parseTables(stored: string): string[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
}

function clampInt(value: number | undefined): number | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  return Math.min(Math.max(0, Math.round(value)), INT_MAX);
}

/** SQLite's LIKE ignores ASCII case; PostgreSQL needs mode "insensitive" (ILIKE). */
export function containsText(db: Db, text: string): { contains: string } {
  const postgres = (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
  return (postgres ? { contains: text, mode: "insensitive" } : { contains: text }) as {
    contains: string;
  };
}
