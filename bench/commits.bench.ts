/**
 * Commit latency and throughput on one table with 4 concurrent writers, on SQLite
 * metadata (goal ≥ 50 commits/s, and no commit lost — counted). Two workloads:
 * metadata-only commits (the compare-and-swap protocol alone) and one-row appends (a
 * Parquet file, manifest, manifest list and metadata file per commit).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { appendRows, commitTable, createTable, loadTable, scanTable } from "@/lib/catalog";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { report, round, summarize } from "./harness";

const WRITERS = 4;
const PER_WRITER = Number(process.env.BENCH_COMMITS_PER_WRITER ?? 50);
const schema: Schema = { type: "struct", schemaId: 0, fields: [{ id: 1, name: "id", type: "long", required: true }, { id: 2, name: "writer", type: "int", required: false }] };

async function contend(label: string, commitOnce: (writer: number, i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < PER_WRITER; i++) {
        const t0 = performance.now();
        await commitOnce(w, i);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { label, commits: latencies.length, perSecond: round(latencies.length / seconds, 1), ...summarize(latencies) };
}

async function metadataOnly(t: TestCatalog) {
  const ident = { catalog: "lake", namespace: ["db"], name: "props" };
  await createTable(t.ctx, ident, { schema });
  const result = await contend("metadata-only", (w, i) =>
    commitTable(t.ctx, ident, () => ({ requirements: [], updates: [{ action: "set-properties", updates: { [`w${w}.${i}`]: "x" } }] })),
  );
  const landed = Object.keys((await loadTable(t.ctx, ident)).metadata.properties).filter((k) => /^w\d+\.\d+$/.test(k)).length;
  return { ...result, landed };
}

async function appends(t: TestCatalog) {
  const ident = { catalog: "lake", namespace: ["db"], name: "appends" };
  await createTable(t.ctx, ident, { schema });
  const instance = await DuckDBInstance.create(":memory:");
  const connections = await Promise.all(Array.from({ length: WRITERS }, () => instance.connect()));
  const result = await contend("one-row appends", (w, i) => appendRows(t.ctx, ident, connections[w], `SELECT ${w * 100_000 + i} AS id, ${w} AS writer`));
  const table = await loadTable(t.ctx, ident);
  const { sql } = await scanTable(t.ctx, ident);
  const rows = Number((await t.rows(`SELECT count(*) AS n FROM ${sql} s`))[0].n);
  return { ...result, landed: table.metadata.snapshots.length, rows };
}

export async function run(): Promise<void> {
  const t = await testCatalog();
  try {
    const meta = await metadataOnly(t);
    const app = await appends(t);
    report(`commits: ${WRITERS} concurrent writers on one table, ${t.provider} metadata`, {
      "metadata-only commits": meta.commits,
      "metadata-only landed": meta.landed,
      "metadata-only commits/s": meta.perSecond,
      "metadata-only p50 ms": meta.medianMs,
      "metadata-only p95 ms": meta.p95Ms,
      "append commits": app.commits,
      "append snapshots landed": app.landed,
      "append rows read back": app.rows,
      "append commits/s": app.perSecond,
      "append p50 ms": app.medianMs,
      "append p95 ms": app.p95Ms,
    }, { "metadata-only commits/s": "≥ 50", "append commits/s": "≥ 50", "append snapshots landed": `= ${WRITERS * PER_WRITER}` });
  } finally {
    await t.close();
  }
}
