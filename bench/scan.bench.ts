/**
 * Scan of a 10M-row table through Tarn's scan planning vs DuckDB reading the same Parquet
 * files directly (goal: ratio ≤ 1.05).
 */
import { appendRows, createTable, scanTable } from "@/lib/catalog";
import { quoteString } from "@/lib/iceberg/scan";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog } from "@/tests/support/catalog";
import { report, round, summarize, time } from "./harness";

const ROWS = Number(process.env.BENCH_SCAN_ROWS ?? 10_000_000);
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "k", type: "int", required: false },
    { id: 3, name: "v", type: "double", required: false },
    { id: 4, name: "s", type: "string", required: false },
  ],
};

export async function run(): Promise<void> {
  const t = await testCatalog();
  try {
    const ident = { catalog: "lake", namespace: ["db"], name: "big" };
    await createTable(t.ctx, ident, { schema });
    const written = performance.now();
    await appendRows(t.ctx, ident, t.duck, `SELECT range AS id, (range % 1000)::INTEGER AS k, (range % 7919) / 7.0 AS v, 's' || (range % 100) AS s FROM range(${ROWS})`);
    const writeMs = performance.now() - written;
    const query = (relation: string) => `SELECT count(*) AS n, sum(k) AS k, sum(v) AS v, count(DISTINCT s) AS s FROM ${relation} t`;

    const files = (await scanTable(t.ctx, ident)).plan.tasks.map((task) => task.dataFile.localPath);
    const tarnRun = async () => t.rows(query((await scanTable(t.ctx, ident)).sql));
    const directRun = () => t.rows(query(`read_parquet([${files.map(quoteString).join(", ")}])`));
    // Alternate the two, so a busy moment on this shared machine hits both alike.
    const tarnMs: number[] = [];
    const directMs: number[] = [];
    for (let i = 0; i < 9; i++) {
      tarnMs.push((await time(tarnRun, { warmup: i === 0 ? 1 : 0, runs: 1 })).medianMs);
      directMs.push((await time(directRun, { warmup: i === 0 ? 1 : 0, runs: 1 })).medianMs);
    }
    const tarn = summarize(tarnMs);
    const direct = summarize(directMs);
    report("scan: 10M rows through Tarn vs DuckDB on the same files", {
      rows: ROWS,
      files: files.length,
      "write (append) ms": round(writeMs, 0),
      "tarn plan+scan median ms": tarn.medianMs,
      "duckdb direct median ms": direct.medianMs,
      "ratio tarn/direct": round(tarn.medianMs / direct.medianMs, 3),
    }, { "ratio tarn/direct": "≤ 1.05" });
  } finally {
    await t.close();
  }
}
