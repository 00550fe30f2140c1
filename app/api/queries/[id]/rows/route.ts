import { route } from "@/app/_server/route-handler";
import { parseInput } from "@/lib/errors";
import { parseSort, queryEngine, readRows } from "@/lib/query/exec";
import { rowsQuery, runParams, searchOf } from "../../schemas";

export const dynamic = "force-dynamic";

/** A page of the run's result (streaming or kept), sorted and filtered like the grid asks. */
export const GET = route<{ id: string }>({ name: "queries.rows", operation: "notebooks.use" }, async (request, { principal, db, params }) => {
  const { id } = parseInput(runParams, params);
  const query = parseInput(rowsQuery, searchOf(request));
  return readRows({ db, actor: principal }, queryEngine(), id, { offset: query.offset, limit: query.limit, sort: parseSort(query.sort), filter: query.filter });
});
