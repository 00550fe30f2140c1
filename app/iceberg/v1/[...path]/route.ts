import { getDb } from "@/lib/db";
import { LocalFileIO } from "@/lib/iceberg/io";
import { log } from "@/lib/log";
import { handleRestRequest } from "@/lib/rest";

export const dynamic = "force-dynamic";

// One FileIO per server process: it holds no per-request state.
const io = new LocalFileIO();

/**
 * The Iceberg REST catalog (lib/rest does the work): every method hands the request
 * over and logs one line. Tarn's own server (scripts/server.ts) answers /iceberg paths
 * before Next.js routes them (scripts/rest-direct.ts, the same handler, for speed); this
 * route serves them wherever the app runs under `next` alone. Authentication is lib/rest's (bearer tokens, not sessions),
 * so this route is in the anonymous-access test's list of its own kind.
 */
async function handle(request: Request): Promise<Response> {
  const started = performance.now();
  const outcome = await handleRestRequest(request, { db: getDb(), io });
  const fields = { operation: outcome.operation, method: request.method, user: outcome.user, status: outcome.response.status, ms: Math.round(performance.now() - started) };
  if (outcome.error) log.error("iceberg.request", { ...fields, error: outcome.error });
  else log.info("iceberg.request", fields);
  return outcome.response;
}

export { handle as DELETE, handle as GET, handle as HEAD, handle as POST };
