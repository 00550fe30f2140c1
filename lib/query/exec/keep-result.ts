/**
 * Keeping a query's result in its Parquet file (expired after the configured time), from
 * where it is held or staged. A held result is answered first and kept after; a spooled
 * one is kept before its run ends. Either stays readable from memory a while after, when
 * small: the grid reads the first page at once.
 */
import { statSync } from "node:fs";
import { log } from "@/lib/log";
import type { QueryEngine } from "./engine";
import type { HeldResult } from "./held-result";
import type { LiveRun, RunChange } from "./live-run";
import { fileColumnsOf, Spool } from "./spool";

/**
 * A small result: the person is answered at once, from memory, and the result is then
 * kept in its file like any other. Its rows are served from memory a while longer when
 * the file is small (the grid reads the first page at once); else the file serves them.
 */
export async function answerHeld(engine: QueryEngine, run: LiveRun, held: HeldResult, bytes: Promise<number | undefined>, answer: (change: RunChange) => void): Promise<void> {
  answer({ held, complete: true, bytesScanned: await bytes });
  const file = engine.store.filePath(run.origin.userId, run.id);
  try {
    const spool = await Spool.of(engine.store, run.id, held.columns, held.chunks);
    try {
      await spool.writeParquet(file, run.signal);
    } finally {
      await spool.drop().catch((error: unknown) => log.warn("query.spool.drop", { run: run.id, error }));
    }
  } catch (error) {
    run.update({ held: undefined });
    throw error;
  }
  const columns = fileColumnsOf(held.columns);
  if (columns) engine.store.knowColumns(file, columns);
  run.update({ resultPath: file, expiresAt: new Date(Date.now() + engine.options.resultTtlMs) });
  const release = () => {
    if (run.held === held) run.update({ held: undefined });
  };
  // Its rows stay in memory a while only if they read back from the file just the same.
  const size = columns ? sizeOf(file) : undefined;
  if (size !== undefined && heldBudget.take(size)) {
    setTimeout(() => {
      heldBudget.give(size);
      release();
    }, KEEP_SMALL_MS).unref();
  } else release();
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined; // expired and swept already: nothing to keep in memory for
  }
}

/**
 * Held results kept in memory after their file is written, by the size of their files:
 * each at most 1 MB, together at most 32 MB (their rows take several times that in memory).
 */
const heldBudget = {
  left: 32 << 20,
  take(bytes: number): boolean {
    if (bytes > 1 << 20 || bytes > this.left) return false;
    this.left -= bytes;
    return true;
  },
  give(bytes: number): void {
    this.left += bytes;
  },
};

/** A streamed (or large) result: written from its staging table to its file before the run ends. */
export async function keepSpooled(engine: QueryEngine, run: LiveRun, spool: Spool, bytes: Promise<number | undefined>): Promise<void> {
  const file = engine.store.filePath(run.origin.userId, run.id);
  try {
    await spool.writeParquet(file, run.signal);
  } catch (error) {
    run.update({ spool: undefined });
    await spool.drop().catch(() => {});
    throw error;
  }
  const columns = spool.fileColumns();
  if (columns) engine.store.knowColumns(file, columns);
  const expiresAt = new Date(Date.now() + engine.options.resultTtlMs);
  run.update({ resultPath: file, expiresAt, complete: true, rowCount: spool.visibleRows, bytesScanned: await bytes });
  const release = () => {
    // Readers use the file from now on: the staging table goes in the background.
    if (run.spool === spool) run.update({ spool: undefined });
    void spool.drop().catch((error: unknown) => log.warn("query.spool.drop", { run: run.id, error }));
  };
  // A small result whose file reads back exactly as staged is paged from memory a while
  // (the grid reads its first page at once), then from its file like any other.
  if (columns && spool.visibleRows <= SMALL_RESULT_ROWS) setTimeout(release, KEEP_SMALL_MS).unref();
  else release();
}

/** Results of at most this many rows keep their staging table a while after the file is written. */
export const SMALL_RESULT_ROWS = 10_000;
const KEEP_SMALL_MS = 30_000;
