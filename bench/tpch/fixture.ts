/**
 * For the TPC-H test and benchmark: a test catalog with `lake.tpch` loaded at a scale
 * factor, a query engine (the app's composed planner unless another is given), a
 * signed-in analyst whose session is `lake.tpch`, and raw DuckDB over the same data files.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ExecOptions } from "@/lib/query/exec";
import type { QueryEngine } from "@/lib/query/exec/engine";
import type { Planner } from "@/lib/query/exec/planner";
import { type ExecFixture, execFixture } from "@/lib/query/exec/testing/exec-fixture";
import { tarnPlanner } from "@/lib/query/planner";
import type { QueryContext } from "@/lib/query/types";
import { generateTpch, type TpchFiles } from "./generate";
import { loadTpch, type RawDuck, rawDuck, snapshotFiles, type TpchPlace } from "./load";
import { type TpchQuery, tpchQueries } from "./queries";
import { allKept, type QueryResult, runThroughTarn } from "./through-tarn";

export const TPCH_PLACE: TpchPlace = { catalog: "lake", namespace: ["tpch"] };

export interface TpchFixtureOptions {
  sf: number;
  /** Where generated Parquet files are kept between runs; a temporary folder when absent. */
  cacheDir?: string;
  /** The engine's planner; the app's composed planner by default. */
  planner?: Planner;
  engine?: Partial<ExecOptions>;
}

export interface TpchFixture {
  f: ExecFixture;
  data: TpchFiles;
  engine: QueryEngine;
  ctx: QueryContext;
  raw: RawDuck;
  queries: TpchQuery[];
  /** Milliseconds spent generating (0 when cached) and loading through Tarn's writer. */
  timings: { generateMs: number; loadMs: number };
  tarn: (sql: string) => Promise<QueryResult>;
  close: () => Promise<void>;
}

export async function tpchFixture(opts: TpchFixtureOptions): Promise<TpchFixture> {
  const f = await execFixture({ rows: 1 });
  const scratch = opts.cacheDir ? undefined : mkdtempSync(path.join(tmpdir(), "tarn-tpch-"));
  try {
    const started = performance.now();
    const data = await generateTpch(f.t.duck, opts.sf, opts.cacheDir ?? (scratch as string));
    const generated = performance.now();
    await loadTpch(f.t.ctx, f.t.duck, data, TPCH_PLACE);
    const loaded = performance.now();
    const engine = f.engine({ slots: 1, ...opts.engine }, opts.planner ?? tarnPlanner);
    const options = engine.options;
    const raw = await rawDuck(await snapshotFiles(f.t.ctx, TPCH_PLACE), { threads: options.threads, memoryLimit: options.memoryLimit });
    const ctx: QueryContext = { ...f.ctx(), session: { catalog: TPCH_PLACE.catalog, namespace: TPCH_PLACE.namespace } };
    return {
      f,
      data,
      engine,
      ctx,
      raw,
      queries: tpchQueries(opts.sf),
      timings: { generateMs: generated - started, loadMs: loaded - generated },
      tarn: (sql) => runThroughTarn(engine, ctx, sql),
      close: async () => {
        await allKept();
        raw.close();
        await f.close();
        if (scratch) rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await f.close();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}
