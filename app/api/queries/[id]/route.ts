import { route } from "@/app/_server/route-handler";
import { parseInput } from "@/lib/errors";
import { getRun, queryEngine } from "@/lib/query/exec";
import { runParams, searchOf, statusQuery } from "../schemas";

export const dynamic = "force-dynamic";

/** A run's state; with `since` (a version), waits up to `wait` ms for the next change. */
export const GET = route<{ id: string }>({ name: "queries.status", operation: "notebooks.use" }, async (request, { principal, db, params }) => {
  const { id } = parseInput(runParams, params);
  const { since, wait } = parseInput(statusQuery, searchOf(request));
  return getRun({ db, actor: principal }, queryEngine(), id, { since, waitMs: wait });
});
