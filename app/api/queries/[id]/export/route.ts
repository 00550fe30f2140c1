import { route } from "@/app/_server/route-handler";
import { parseInput } from "@/lib/errors";
import { exportResult, queryEngine } from "@/lib/query/exec";
import { exportQuery, runParams, searchOf } from "../../schemas";

export const dynamic = "force-dynamic";

/** The whole kept result as a download, streamed. */
export const GET = route<{ id: string }>({ name: "queries.export", operation: "notebooks.use" }, async (request, { principal, db, params }) => {
  const { id } = parseInput(runParams, params);
  const { format } = parseInput(exportQuery, searchOf(request));
  const file = await exportResult({ db, actor: principal }, queryEngine(), id, format);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-length": String(file.size),
      // Next.js drops Content-Length from route handler responses; the download's progress reads this one.
      "x-content-length": String(file.size),
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
