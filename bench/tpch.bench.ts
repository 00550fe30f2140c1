/**
 * The 22 TPC-H queries at scale factor 1 (BENCH_TPCH_SF) through Tarn — as an analyst
 * whose read policy hides a column (lineitem.l_comment) and filters rows (lineitem by
 * ship date, keeping every row so answers stay comparable) — vs raw DuckDB on the same
 * Parquet files, same threads and memory limit. Goal: median ratio ≤ 1.10.
 *
 * Generated files are cached under data/bench/tpch-sf<SF>; loading them into Iceberg
 * tables (Tarn's writer) happens each run.
 */
import path from "node:path";
import { compareResults } from "./tpch/compare";
import { tpchFixture } from "./tpch/fixture";
import { runRaw } from "./tpch/load";
import { BENCH_POLICY } from "./tpch/policy";
import { report, round, summarize } from "./harness";

const SF = Number(process.env.BENCH_TPCH_SF ?? 1);
const RUNS = Number(process.env.BENCH_TPCH_RUNS ?? 5);
const MEMORY = process.env.BENCH_TPCH_MEMORY ?? "4GB";
const ONLY = process.env.BENCH_TPCH_QUERIES?.split(",").map(Number);

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const cacheDir = path.join(import.meta.dirname, "..", "data", "bench", `tpch-sf${SF}`);
  const t = await tpchFixture({ sf: SF, cacheDir, policy: BENCH_POLICY, engine: { memoryLimit: MEMORY } });
  try {
    const figures: Record<string, number | string> = {
      "scale factor": SF,
      "generate ms (0: cached)": round(t.timings.generateMs, 0),
      "load into Iceberg ms": round(t.timings.loadMs, 0),
      "runs per query": RUNS,
    };
    const ratios: number[] = [];
    let tarnTotal = 0;
    let rawTotal = 0;
    for (const q of t.queries.filter((q) => !ONLY || ONLY.includes(q.n))) {
      const first = compareResults(await t.tarn(q.sql), await runRaw(t.raw.connection, q.sql));
      if (!first.equal) throw new Error(`Q${q.n} differs through Tarn: ${first.detail}`);
      const tarnMs: number[] = [];
      const rawMs: number[] = [];
      // Alternate the two, so a busy moment on this shared machine hits both alike.
      for (let i = 0; i < RUNS; i++) {
        tarnMs.push(await timed(() => t.tarn(q.sql)));
        rawMs.push(await timed(() => runRaw(t.raw.connection, q.sql)));
      }
      const tarn = summarize(tarnMs).medianMs;
      const raw = summarize(rawMs).medianMs;
      ratios.push(tarn / raw);
      tarnTotal += tarn;
      rawTotal += raw;
      figures[`Q${q.n} tarn / raw ms`] = `${round(tarn, 0)} / ${round(raw, 0)}`;
      figures[`Q${q.n} ratio`] = round(tarn / raw, 3);
    }
    const sortedRatios = [...ratios].sort((a, b) => a - b);
    figures["sum of medians tarn ms"] = round(tarnTotal, 0);
    figures["sum of medians raw ms"] = round(rawTotal, 0);
    figures["geometric mean ratio"] = round(Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length), 3);
    figures["median ratio tarn/raw"] = round(summarize(sortedRatios).medianMs, 3);
    report(`tpch: 22 queries at SF ${SF} through Tarn (row filter + hidden column) vs raw DuckDB`, figures, { "median ratio tarn/raw": "≤ 1.10" });
  } finally {
    await t.close();
  }
}
