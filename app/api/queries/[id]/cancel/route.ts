import { route } from "@/app/_server/route-handler";
import { parseInput } from "@/lib/errors";
import { cancelRun, queryEngine } from "@/lib/query/exec";
import { runParams } from "../../schemas";

export const dynamic = "force-dynamic";

/** Stops the run and the statements after it in its batch; answers with its state. */
export const POST = route<{ id: string }>({ name: "queries.cancel", operation: "notebooks.use" }, async (_request, { principal, db, params }) => {
  const { id } = parseInput(runParams, params);
  return cancelRun({ db, actor: principal }, queryEngine(), id);
});
