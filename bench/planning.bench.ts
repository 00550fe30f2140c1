/**
 * Scan planning time for a table with 10,000 data files (goal < 100 ms): the whole table,
 * and with a filter that prunes by partition and by column bounds, each planned afresh
 * (and, apart, the same scan again, which lib/catalog answers from the plan it remembers). The files are real
 * (copies of one small Parquet file) and are listed in 10 manifests of 1,000 entries.
 */
import { copyFileSync } from "node:fs";
import path from "node:path";
import { appendRows, commitTable, createTable, loadTable, scanTable } from "@/lib/catalog";
import { and, eq, gt, type UnboundExpr } from "@/lib/iceberg/expr";
import {
  type DataFile,
  type ManifestFileToWrite,
  summarizeManifest,
  writeManifest,
  writeManifestList,
} from "@/lib/iceberg/manifest";
import type { Schema } from "@/lib/iceberg/spec";
import { planScan, scanToSql } from "@/lib/iceberg/scan";
import { toBinary } from "@/lib/iceberg/values";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { report, round, time } from "./harness";

const FILES = Number(process.env.BENCH_PLANNING_FILES ?? 10_000);
const PER_MANIFEST = 1_000;
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "region", type: "int", required: false },
  ],
};
const ident = { catalog: "lake", namespace: ["db"], name: "many_files" };

/** File i holds ids [i*100, i*100+99] in region i % 50. */
function syntheticFile(template: DataFile, location: string, i: number): DataFile {
  return {
    ...template,
    filePath: location,
    partition: new Map([[1000, i % 50]]),
    recordCount: 100,
    lowerBounds: new Map([
      [1, toBinary("long", BigInt(i * 100))],
      [2, toBinary("int", i % 50)],
    ]),
    upperBounds: new Map([
      [1, toBinary("long", BigInt(i * 100 + 99))],
      [2, toBinary("int", i % 50)],
    ]),
  };
}

async function buildTable(t: TestCatalog): Promise<void> {
  await createTable(t.ctx, ident, {
    schema,
    partitionBy: [{ column: "region", transform: "identity" }],
  });
  await appendRows(t.ctx, ident, t.duck, "SELECT 0::BIGINT AS id, 0 AS region");
  const seed = await scanTable(t.ctx, ident);
  const template = seed.plan.tasks[0].dataFile;
  const { metadata } = await loadTable(t.ctx, ident);
  const spec = metadata.partitionSpecs[0];
  const partitionType = [{ fieldId: 1000, name: "region", type: "int" }];
  const snapshotId = BigInt(Math.floor(Math.random() * 2 ** 50));
  const dataDir = path.dirname(template.localPath);
  const manifests: ManifestFileToWrite[] = [];
  for (let m = 0; m * PER_MANIFEST < FILES; m++) {
    const entries = [];
    for (let i = m * PER_MANIFEST; i < Math.min(FILES, (m + 1) * PER_MANIFEST); i++) {
      const file = path.join(dataDir, `bench-${i}.parquet`);
      copyFileSync(template.localPath, file);
      entries.push({ status: "added" as const, dataFile: syntheticFile(template, file, i) });
    }
    const bytes = writeManifest({
      formatVersion: 2,
      schema,
      partitionSpec: spec,
      partitionType,
      content: "data",
      entries,
      snapshotId,
    });
    const location = `${metadata.location}/metadata/bench-m${m}.avro`;
    await t.ctx.io.writeNew(location, bytes);
    manifests.push(
      summarizeManifest({
        path: location,
        length: bytes.length,
        partitionSpecId: spec.specId,
        content: "data",
        addedSnapshotId: snapshotId,
        partitionType,
        entries,
      }),
    );
  }
  const sequenceNumber = metadata.lastSequenceNumber + 1;
  const list = writeManifestList({
    formatVersion: 2,
    snapshotId,
    parentSnapshotId: metadata.currentSnapshotId,
    sequenceNumber,
    manifests,
  });
  const manifestList = `${metadata.location}/metadata/snap-${snapshotId}-bench.avro`;
  await t.ctx.io.writeNew(manifestList, list);
  await commitTable(t.ctx, ident, () => ({
    requirements: [],
    updates: [
      {
        action: "add-snapshot",
        snapshot: {
          snapshotId,
          parentSnapshotId: metadata.currentSnapshotId,
          sequenceNumber,
          timestampMs: Date.now(),
          manifestList,
          summary: { operation: "overwrite" },
          schemaId: 0,
        },
      },
      { action: "set-snapshot-ref", refName: "main", type: "branch", snapshotId },
    ],
  }));
}

/** Catalog lookup, metadata, planning and the SQL text, as scanTable does them on a plan it has not seen. */
async function planAfresh(t: TestCatalog, filter?: UnboundExpr) {
  const table = await loadTable(t.ctx, ident);
  const plan = await planScan({
    io: t.ctx.io,
    metadata: table.metadata,
    ...(filter ? { filter } : {}),
  });
  scanToSql(plan);
  return plan;
}

/** Where the unfiltered time goes: catalog lookup and metadata, planning, the SQL text. */
async function timePhases(t: TestCatalog): Promise<{ load: number; plan: number; sql: number }> {
  const load: number[] = [];
  const plan: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = performance.now();
    const table = await loadTable(t.ctx, ident);
    const t1 = performance.now();
    const planned = await planScan({ io: t.ctx.io, metadata: table.metadata });
    const t2 = performance.now();
    scanToSql(planned);
    const t3 = performance.now();
    if (i === 0) continue;
    load.push(t1 - t0);
    plan.push(t2 - t1);
    sql.push(t3 - t2);
  }
  const median = (xs: number[]) => round(xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]);
  return { load: median(load), plan: median(plan), sql: median(sql) };
}

export async function run(): Promise<void> {
  const t = await testCatalog();
  try {
    await buildTable(t);
    // Planned afresh each time (lib/catalog's scanTable remembers a plan per metadata file: timed apart).
    let planned = 0;
    const full = await time(
      async () => {
        planned = (await planAfresh(t)).tasks.length;
      },
      { warmup: 1, runs: 7 },
    );
    const phases = await timePhases(t);
    let pruned = 0;
    const filtered = await time(
      async () => {
        pruned = (await planAfresh(t, and(eq("region", 7), gt("id", 500_000)))).tasks.length;
      },
      { warmup: 1, runs: 7 },
    );
    const again = await time(() => scanTable(t.ctx, ident), { warmup: 1, runs: 7 });
    report(
      `planning: a table with ${FILES} data files in ${Math.ceil(FILES / PER_MANIFEST)} manifests`,
      {
        "files planned (no filter)": planned,
        "plan all files median ms": full.medianMs,
        "plan all files p95 ms": full.p95Ms,
        "files planned (filter)": pruned,
        "plan with filter median ms": filtered.medianMs,
        "plan with filter p95 ms": filtered.p95Ms,
        "same scan again (remembered plan) median ms": again.medianMs,
        "  of which: load metadata median ms": phases.load,
        "  of which: plan files median ms": phases.plan,
        "  of which: build SQL median ms": phases.sql,
      },
      { "plan all files median ms": "< 100", "plan with filter median ms": "< 100" },
    );
  } finally {
    await t.close();
  }
}
