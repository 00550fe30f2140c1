/**
 * Background upkeep while the studio runs, at start and then every hour: the trash is
 * purged past its retention, and kept query results past theirs. Each task is
 * independent; one that fails is logged and tried again next time.
 */
import { SYSTEM } from "@/lib/access";
import { purgeTrash } from "@/lib/catalog";
import type { Db } from "@/lib/db";
import type { FileIO } from "@/lib/iceberg/io";
import { log } from "@/lib/log";
import { sweepResults } from "@/lib/query/exec";

export const MAINTENANCE_INTERVAL_MS = 60 * 60_000;

export interface MaintenanceContext {
  db: Db;
  io: FileIO;
  /** Where the query engine keeps results; swept when set. */
  resultsDir?: string;
}

/** Purges everything due, a batch at a time. */
export async function purgeDueTrash(ctx: MaintenanceContext, now = new Date()): Promise<number> {
  let purged = 0;
  for (let round = 0; round < 100; round++) {
    const result = await purgeTrash({ ...ctx, actor: SYSTEM }, now);
    purged += result.tables + result.views + result.namespaces;
    if (result.failed) log.warn("maintenance.trash", { failed: result.failed });
    if (!result.more) break;
  }
  if (purged) log.info("maintenance.trash", { purged });
  return purged;
}

/** Starts the schedule; returns a function that stops it. */
export function startMaintenance(ctx: MaintenanceContext, intervalMs = MAINTENANCE_INTERVAL_MS): () => void {
  const run = () => {
    purgeDueTrash(ctx).catch((error: unknown) => log.error("maintenance.failed", { task: "trash", error }));
    const { resultsDir } = ctx;
    if (resultsDir) sweepResults(ctx.db, resultsDir).catch((error: unknown) => log.error("maintenance.failed", { task: "results", error }));
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
