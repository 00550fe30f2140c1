/**
 * The query API's inputs (bodies and search params), checked at the boundary. Shapes of
 * the answers are lib/query/exec's (`RunStatus`, `RowsPage`, `HistoryPage`).
 */
import { z } from "zod";
import { EXPORT_FORMATS, filterModelSchema, MAX_HISTORY_PAGE, MAX_PAGE_ROWS, MAX_WAIT_MS } from "@/lib/query/exec";
import { parameters } from "@/lib/notebooks/types";

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Not a query run id.");
const name = z.string().min(1).max(255);

export const runRequest = z.object({
  sql: z.string().min(1, "There is no statement to run.").max(1_000_000, "A cell may hold at most 1,000,000 characters."),
  catalog: name.nullish(),
  namespace: z.array(name).max(16).nullish(),
  params: parameters.optional(),
  notebookId: id.optional(),
  cellId: id.optional(),
});

export const runParams = z.object({ id });

const count = (max: number) => z.coerce.number().int().min(0).max(max);

export const statusQuery = z.object({
  since: count(Number.MAX_SAFE_INTEGER).optional(),
  wait: count(MAX_WAIT_MS).optional(),
});

export const rowsQuery = z.object({
  offset: count(Number.MAX_SAFE_INTEGER).default(0),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_ROWS).default(100),
  sort: z.string().max(10_000).optional(),
  filter: z
    .string()
    .max(100_000)
    .optional()
    .transform((text, ctx) => {
      if (!text) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "filter is not JSON." });
        return z.NEVER;
      }
    })
    .pipe(filterModelSchema.optional()),
});

export const exportQuery = z.object({ format: z.enum(EXPORT_FORMATS, "use csv, json or parquet.") });

export const historyQuery = z.object({
  search: z.string().max(1_000).optional(),
  notebookId: id.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).optional(),
  after: id.optional(),
});

/** Search params as a plain object for zod. */
export function searchOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
