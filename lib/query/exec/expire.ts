/**
 * Kept results expire: past its `resultExpiresAt` a result file is deleted and its row
 * forgets the path (the history entry stays). Export files and half-written results left
 * by a crash are removed too, and runs a stopped server left "running" are closed. Runs the engine's sweep at most once a minute, as
 * statements are submitted; tests and an admin task call `sweepResults` directly.
 */
import { type Dirent, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { viewsDirOf } from "./result-views";
import { RunStopped } from "./stop";

/** Leftovers (exports, `.partial` files) older than this are removed. */
const LEFTOVER_MS = 60 * 60_000;

export interface SweepOutcome {
  expired: number;
  leftovers: number;
}

export async function sweepResults(db: Db, resultsDir: string, now = new Date()): Promise<SweepOutcome> {
  const due = await db.queryRun.findMany({
    where: { resultExpiresAt: { lte: now }, resultPath: { not: null } },
    select: { id: true, resultPath: true },
    take: 1_000,
  });
  for (const run of due) {
    if (run.resultPath && isInside(resultsDir, run.resultPath)) {
      rmSync(run.resultPath, { force: true });
      rmSync(viewsDirOf(run.resultPath), { recursive: true, force: true });
    }
    await db.queryRun.update({ where: { id: run.id }, data: { resultPath: null } });
  }
  const leftovers = removeLeftovers(resultsDir, now.getTime() - LEFTOVER_MS);
  if (due.length > 0 || leftovers > 0) log.info("query.results.swept", { expired: due.length, leftovers });
  return { expired: due.length, leftovers };
}

/**
 * Runs left queued or running by a server process that stopped (this one was started
 * after them, so nothing is running them any more) are recorded as failed.
 */
export async function failOrphanedRuns(db: Db, startedBefore: Date): Promise<number> {
  const { count } = await db.queryRun.updateMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: startedBefore } },
    data: { status: "failed", finishedAt: new Date(), error: JSON.stringify({ message: RunStopped.shutdown().message }) },
  });
  if (count > 0) log.warn("query.runs.orphaned", { count });
  return count;
}

function removeLeftovers(resultsDir: string, before: number): number {
  let removed = 0;
  for (const file of walk(resultsDir)) {
    const leftover = file.endsWith(".partial") || path.basename(path.dirname(file)) === "exports";
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (leftover && modified !== undefined && modified < before) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  return removed;
}

function* walk(dir: string): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(path.resolve(dir), path.resolve(file));
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}
