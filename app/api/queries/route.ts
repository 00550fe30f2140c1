import { catalogContext } from "@/app/_server/catalog-context";
import { route } from "@/app/_server/route-handler";
import { parseInput } from "@/lib/errors";
import { listRuns, runStatements } from "@/lib/query/exec";
import { historyQuery, runRequest, searchOf } from "./schemas";

export const dynamic = "force-dynamic";

/** Runs a cell's text: one run per statement, answered at once (they run in the background). */
export const POST = route({ name: "queries.run", operation: "notebooks.use" }, async (request, { principal, db }) => {
  const input = parseInput(runRequest, await request.json().catch(() => null));
  const session = { catalog: input.catalog ?? undefined, namespace: input.namespace ?? undefined };
  const ctx = { ...catalogContext(principal, db), session, params: input.params };
  const batch = await runStatements(ctx, input.sql, { notebookId: input.notebookId, cellId: input.cellId });
  batch.done.catch(() => {});
  return { batchId: batch.batchId, runs: batch.runs };
});

/** The person's query history, newest first; `search` matches the SQL. */
export const GET = route({ name: "queries.history", operation: "notebooks.use" }, async (request, { principal, db }) => {
  return listRuns({ db, actor: principal }, parseInput(historyQuery, searchOf(request)));
});
