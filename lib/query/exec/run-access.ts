/**
 * Finding a run for someone: the live one of this process, else its QueryRun row. Only
 * its author and admins may see it (`authorizeQueryRun`); a refusal is answered exactly
 * like a missing run, so run ids cannot be probed.
 */
import { authorizeQueryRun, type Principal, type QueryRunAccess } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { QueryEngine } from "./engine";
import type { LiveRun } from "./live-run";
import type { QueryRunRow } from "./records";

export interface RunReader {
  db: Db;
  actor: Principal;
}

export type FoundRun = { live: LiveRun; row?: undefined } | { live?: undefined; row: QueryRunRow };

export const NO_SUCH_RUN = "That query run does not exist, or is not yours.";

export async function findRun(reader: RunReader, engine: QueryEngine, id: string, access: QueryRunAccess): Promise<FoundRun> {
  const live = engine.runs.get(id);
  const found: FoundRun | undefined = live ? { live } : await fromRow(reader.db, id);
  const userId = found?.live ? found.live.origin.userId : found?.row?.userId;
  if (!found || !userId || !authorizeQueryRun(reader.actor, { userId }, access).allowed) throw new AppError("not_found", NO_SUCH_RUN);
  return found;
}

async function fromRow(db: Db, id: string): Promise<FoundRun | undefined> {
  const row = await db.queryRun.findUnique({ where: { id } });
  return row ? { row } : undefined;
}
