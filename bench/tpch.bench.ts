/**
 * The 22 TPC-H queries at scale factor 1 (BENCH_TPCH_SF) through Tarn — as an analyst
 * whose read policy hides a column (lineitem.l_comment) and filters rows (lineitem by
 * ship date, keeping every row so answers stay comparable) — vs raw DuckDB on the same
 * Parquet files, same threads and memory limit. Goal: median ratio ≤ 1.10. Also timed:
 * the same person through the app's composed planner, which reads whole tables today
 * ("full-read"), to show what the policy itself costs apart from the engine.
 *
 * Generated files are cached under data/bench/tpch-sf<SF>; loading them into Iceberg
 * tables (Tarn's writer) happens each run.
 */
import path from "node:path";
import { tarnPlanner } from "@/lib/query/planner";
import { compareResults } from "./tpch/compare";
import { tpchFixture } from "./tpch/fixture";
import { runRaw } from "./tpch/load";
import { BENCH_POLICY } from "./tpch/policy";
import { policyPlanner, runThroughTarn } from "./tpch/through-tarn";
import { report, round } from "./harness";

const SF = Number(process.env.BENCH_TPCH_SF ?? 1);
const RUNS = Number(process.env.BENCH_TPCH_RUNS ?? 5);
const MEMORY = process.env.BENCH_TPCH_MEMORY ?? "4GB";
const ONLY = process.env.BENCH_TPCH_QUERIES?.split(",").map(Number);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

type Contender = "tarn" | "full" | "raw";

/** The median time of each contender over RUNS rounds, taking turns so a busy moment on this shared machine hits all alike. */
async function measure(runners: Record<Contender, () => Promise<unknown>>): Promise<Record<Contender, number>> {
  const samples: Record<Contender, number[]> = { tarn: [], full: [], raw: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const who of ["tarn", "full", "raw"] as const) samples[who].push(await timed(runners[who]));
  }
  return { tarn: median(samples.tarn), full: median(samples.full), raw: median(samples.raw) };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const geomean = (values: number[]) => Math.exp(values.reduce((s, r) => s + Math.log(r), 0) / values.length);

export async function run(): Promise<void> {
  const cacheDir = path.join(import.meta.dirname, "..", "data", "bench", `tpch-sf${SF}`);
  const t = await tpchFixture({ sf: SF, cacheDir, planner: policyPlanner(BENCH_POLICY), engine: { memoryLimit: MEMORY } });
  try {
    // The same person through the app's planner, reading whole tables: what the policy itself costs.
    const fullEngine = t.f.engine({ slots: 1, memoryLimit: MEMORY }, tarnPlanner);
    const figures: Record<string, number | string> = {
      "scale factor": SF,
      "generate ms (0: cached)": round(t.timings.generateMs, 0),
      "load into Iceberg ms": round(t.timings.loadMs, 0),
      "runs per query": RUNS,
    };
    const ratios: number[] = [];
    const fullRatios: number[] = [];
    const extraMs: number[] = [];
    const totals = { tarn: 0, full: 0, raw: 0 };
    for (const q of t.queries.filter((q) => !ONLY || ONLY.includes(q.n))) {
      const first = compareResults(await t.tarn(q.sql), await runRaw(t.raw.connection, q.sql));
      if (!first.equal) throw new Error(`Q${q.n} differs through Tarn: ${first.detail}`);
      const ms = await measure({
        tarn: () => t.tarn(q.sql),
        full: () => runThroughTarn(fullEngine, t.ctx, q.sql),
        raw: () => runRaw(t.raw.connection, q.sql),
      });
      ratios.push(ms.tarn / ms.raw);
      fullRatios.push(ms.full / ms.raw);
      extraMs.push(ms.tarn - ms.raw);
      for (const who of ["tarn", "full", "raw"] as const) totals[who] += ms[who];
      figures[`Q${q.n} tarn / full-read / raw ms`] = `${round(ms.tarn, 0)} / ${round(ms.full, 0)} / ${round(ms.raw, 0)}`;
      figures[`Q${q.n} ratio tarn/raw`] = round(ms.tarn / ms.raw, 3);
    }
    figures["sum of medians tarn ms"] = round(totals.tarn, 0);
    figures["sum of medians full-read ms"] = round(totals.full, 0);
    figures["sum of medians raw ms"] = round(totals.raw, 0);
    // Tarn's cost per statement (planning, run records, the kept result) is mostly fixed: it weighs on the fast queries.
    figures["median tarn − raw ms per query"] = round(median(extraMs), 0);
    figures["ratio of sums tarn/raw"] = round(totals.tarn / totals.raw, 3);
    figures["geometric mean ratio tarn/raw"] = round(geomean(ratios), 3);
    figures["median ratio full-read/raw"] = round(median(fullRatios), 3);
    figures["median ratio tarn/raw"] = round(median(ratios), 3);
    report(`tpch: 22 queries at SF ${SF} through Tarn (row filter + hidden column) vs raw DuckDB`, figures, { "median ratio tarn/raw": "≤ 1.10" });
  } finally {
    await t.close();
  }
}
