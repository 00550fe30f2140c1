/**
 * The process's query engine: the slot pool over sandboxed instances, the result store,
 * the live runs, and the planner. One per server process (`queryEngine()`); tests and
 * benchmarks install their own with `useQueryEngine()`.
 */
import path from "node:path";
import type { Db } from "@/lib/db";
import { log } from "@/lib/log";
import { RunRegistry } from "./live-run";
import { failOrphanedRuns, sweepResults } from "./expire";
import { knownLocations } from "./locations";
import { type ExecOptions, readExecOptions } from "./options";
import { defaultPlanner, type Planner } from "./planner";
import { ResultStore } from "./result-store";
import { ResultViews } from "./result-views";
import { SlotPool } from "./slot-pool";
import { RunStopped } from "./stop";

/** How stale the engine's list of catalog folders may be before a statement re-reads it. */
const LOCATIONS_TTL_MS = 2_000;
/** How often expired results are looked for (as statements are submitted). */
const SWEEP_EVERY_MS = 60_000;

export class QueryEngine {
  readonly pool: SlotPool;
  readonly store: ResultStore;
  readonly runs = new RunRegistry();
  readonly views: ResultViews;
  private locationsReadAt = Number.NEGATIVE_INFINITY;
  private locationsRead?: Promise<boolean>;
  private sweptAt = Number.NEGATIVE_INFINITY;
  private orphansClosed = false;
  readonly createdAt = new Date();

  constructor(
    readonly options: ExecOptions,
    readonly planner: Planner = defaultPlanner,
  ) {
    this.pool = new SlotPool({
      size: options.slots,
      queueMax: options.queueMax,
      memoryLimit: options.memoryLimit,
      threads: options.threads,
      tempDir: options.tempDir,
      allowed: [options.warehouseDir],
    });
    this.store = new ResultStore({
      resultsDir: options.resultsDir,
      tempDir: options.tempDir,
      memoryLimit: options.resultsMemoryLimit,
      threads: options.threads,
    });
    this.views = new ResultViews(this.store);
  }

  /**
   * Makes the sandbox cover every folder the catalog knows: re-read at most every couple
   * of seconds, or now with `force` (a statement was refused a file). True when new
   * instances were needed.
   */
  coverCatalogFolders(db: Db, force = false): Promise<boolean> {
    if (this.locationsRead) return this.locationsRead;
    const stale = performance.now() - this.locationsReadAt >= LOCATIONS_TTL_MS;
    if (!stale && !force) return Promise.resolve(false);
    this.locationsRead = knownLocations(db, this.options.warehouseDir)
      .then((folders) => this.pool.widen(folders))
      .finally(() => {
        this.locationsReadAt = performance.now();
        this.locationsRead = undefined;
      });
    return this.locationsRead;
  }

  /** Removes expired results in the background, at most once a minute (and, the first time, closes runs of a server that stopped). */
  sweepSoon(db: Db): void {
    if (performance.now() - this.sweptAt < SWEEP_EVERY_MS) return;
    this.sweptAt = performance.now();
    const orphans = this.orphansClosed ? Promise.resolve(0) : failOrphanedRuns(db, this.createdAt);
    this.orphansClosed = true;
    Promise.all([orphans, sweepResults(db, this.options.resultsDir)]).catch((error: unknown) => log.warn("query.results.sweep", { error }));
  }

  /** Stops every live run and closes the instances. */
  close(): void {
    for (const run of this.runs.active()) run.controller.abort(RunStopped.shutdown());
    this.pool.close();
    this.store.close();
  }
}

const holder = globalThis as unknown as { __tarnQueryEngine?: QueryEngine };

export function queryEngine(): QueryEngine {
  holder.__tarnQueryEngine ??= new QueryEngine(readExecOptions());
  return holder.__tarnQueryEngine;
}

/** Closes the process's engine if one was started (server shutdown). */
export function closeQueryEngine(): void {
  holder.__tarnQueryEngine?.close();
  holder.__tarnQueryEngine = undefined;
}

/** Installs an engine of given options (closing the one before): tests and benchmarks. */
export function useQueryEngine(options: Partial<ExecOptions> & { dataDir?: string; planner?: Planner } = {}): QueryEngine {
  holder.__tarnQueryEngine?.close();
  const { dataDir, planner, ...rest } = options;
  const base = readExecOptions();
  const dirs = dataDir
    ? { warehouseDir: path.join(dataDir, "warehouse"), resultsDir: path.join(dataDir, "results"), tempDir: path.join(dataDir, "tmp", "duckdb") }
    : {};
  holder.__tarnQueryEngine = new QueryEngine({ ...base, ...dirs, ...rest }, planner);
  log.debug("query.engine", { slots: holder.__tarnQueryEngine.options.slots });
  return holder.__tarnQueryEngine;
}
