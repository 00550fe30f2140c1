/**
 * Server memory (this process's RSS, which holds every DuckDB instance of the engine)
 * while 10 queries over a 6M-row table run at once: five `SELECT *` streamed into kept
 * results, and five aggregations and sorts. Engine limits are the defaults (or
 * TARN_QUERY_* from the environment). Goal: peak RSS < 2 GB.
 */
import type { QueryEngine } from "@/lib/query/exec/engine";
import { readExecOptions } from "@/lib/query/exec/options";
import { runStatements } from "@/lib/query/exec/run-batch";
import { getRun } from "@/lib/query/exec/run-view";
import { execFixture } from "@/lib/query/exec/testing/exec-fixture";
import { report, round } from "./harness";
import { makeLines } from "./query-first-row.bench";

const QUERIES = [
  "SELECT * FROM lines",
  "SELECT returnflag, shipmode, count(*) AS n, sum(price) AS revenue, avg(discount) AS d FROM lines GROUP BY ALL ORDER BY ALL",
  "SELECT * FROM lines WHERE shipmode = 'AIR'",
  "SELECT orderkey, sum(price * (1 - discount)) AS revenue FROM lines GROUP BY orderkey ORDER BY revenue DESC LIMIT 100",
  "SELECT * FROM lines ORDER BY comment DESC LIMIT 100000",
];

const MB = 1024 * 1024;

export async function run(): Promise<void> {
  const f = await execFixture({ rows: 10 });
  try {
    await makeLines(f);
    const { slots, queueMax, timeoutMs, memoryLimit, threads, resultsMemoryLimit } = readExecOptions();
    const engine: QueryEngine = f.engine({ slots, queueMax, timeoutMs, memoryLimit, threads, resultsMemoryLimit });
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const before = process.memoryUsage().rss;
    peak = before;
    const started = performance.now();
    const batches = await Promise.all(Array.from({ length: 10 }, (_, i) => runStatements(f.ctx(), QUERIES[i % QUERIES.length], {}, engine)));
    await Promise.all(batches.map((b) => b.done));
    const wallMs = performance.now() - started;
    clearInterval(sampler);
    const states = await Promise.all(batches.map((b) => getRun(f.reader(), engine, b.runs[0].id)));
    const failed = states.filter((s) => s.status !== "succeeded");
    for (const s of failed) console.log(`  ${s.sql}: ${s.status} ${s.error?.message ?? ""}`);
    report(
      "query: server memory with 10 concurrent queries over 6M rows",
      {
        "rss before MB": round(before / MB, 0),
        "peak rss MB": round(peak / MB, 0),
        "rss after MB": round(process.memoryUsage().rss / MB, 0),
        "succeeded of 10": states.length - failed.length,
        "rows kept": states.reduce((n, s) => n + s.rowCount, 0),
        "wall ms": round(wallMs, 0),
        "slots × memory limit": `${engine.options.slots} × ${engine.options.memoryLimit}`,
        "results instance limit": engine.options.resultsMemoryLimit,
      },
      { "peak rss MB": "< 2048" },
    );
  } finally {
    await f.close();
  }
}
