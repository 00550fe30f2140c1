/**
 * A person's query history: their own runs, newest first, optionally only those whose SQL
 * contains some text (case-insensitive), paged by a cursor (the last id of a page).
 */
import { requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { containsText } from "./records";
import type { RunReader } from "./run-access";
import type { RunStatus } from "./run-types";
import { viewOfRow } from "./run-view";

export const MAX_HISTORY_PAGE = 200;

export interface HistoryQuery {
  search?: string;
  notebookId?: string;
  limit?: number;
  /** The last id of the page before. */
  after?: string;
}

export interface HistoryPage {
  runs: RunStatus[];
  /** Pass as `after` for the next page; null at the end. */
  next: string | null;
}

export async function listRuns(reader: RunReader, query: HistoryQuery = {}): Promise<HistoryPage> {
  requireAuthorized(reader.actor, "notebooks.use");
  if (reader.actor.kind !== "user") throw new AppError("bad_request", "Query history belongs to a signed-in person.");
  const limit = Math.min(Math.max(1, query.limit ?? 50), MAX_HISTORY_PAGE);
  const search = query.search?.trim();
  const rows = await reader.db.queryRun.findMany({
    where: {
      userId: reader.actor.userId,
      ...(search ? { sql: containsText(reader.db, search) } : {}),
      ...(query.notebookId ? { notebookId: query.notebookId } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    ...(query.after ? { cursor: { id: query.after }, skip: 1 } : {}),
  });
  const page = rows.slice(0, limit);
  return { runs: page.map((row) => viewOfRow(row)), next: rows.length > limit ? page[page.length - 1].id : null };
}
