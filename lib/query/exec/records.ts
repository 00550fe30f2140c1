/**
 * QueryRun rows: one per statement, written when the batch is accepted (queued), when the
 * statement has been running a while (run-statement.ts), and when it ends. The error column holds the person-facing error as
 * JSON (`{ message, line?, column? }`); tablesRead a JSON array of names.
 */
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
  const create = (statement: StatementText) =>
    db.queryRun.create({
      data: { userId: input.userId, notebookId: input.notebookId, cellId: input.cellId, sql: statement.sql, status: "queued" },
    });
  // One statement (most cells) is one insert: no transaction around it.
  if (input.statements.length === 1) return [await create(input.statements[0])];
  return db.$transaction(input.statements.map(create));
}

export async function recordStarted(db: Db, id: string, startedAt: Date): Promise<void> {
  await db.queryRun.update({ where: { id }, data: { status: "running", startedAt } });
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
  const durationMs = outcome.startedAt ? outcome.finishedAt.getTime() - outcome.startedAt.getTime() : null;
  await db.queryRun.update({
    where: { id },
    data: {
      status: outcome.status,
      startedAt: outcome.startedAt ?? null,
      finishedAt: outcome.finishedAt,
      durationMs,
      rowCount: clampInt(outcome.rowCount),
      bytesScanned: clampInt(outcome.bytesScanned),
      tablesRead: JSON.stringify(outcome.tablesRead),
      error: outcome.error ? JSON.stringify(outcome.error) : null,
      resultPath: outcome.resultPath ?? null,
      resultExpiresAt: outcome.resultExpiresAt ?? null,
    },
  });
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
  return (postgres ? { contains: text, mode: "insensitive" } : { contains: text }) as { contains: string };
}
