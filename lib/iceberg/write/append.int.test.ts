/**
 * Appending: rows come back equal, files carry field ids, manifests decode (ours and
 * Apache's Python reader), metrics equal a brute-force computation over the rows, and
 * every commit's metadata validates against the REST spec.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWhere } from "@/tests/support/requires";
import { readManifest, readManifestList } from "../manifest";
import { pythonAvroAvailable, readWithPythonAvro } from "../manifest/testing/python-avro";
import { allFields, snapshotForRef } from "../spec";
import { prepareAppend } from "./index";
import { bruteMetrics } from "./testing/brute-metrics";
import { type Engine, openEngine, tempFolder } from "./testing/duckdb";
import { TestTable } from "./testing/harness";
import { WIDE_SCHEMA, wideRowsSql } from "./testing/wide-table";

let engine: Engine;
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
  await engine.connection.run(`CREATE TEMP TABLE wide_src AS ${wideRowsSql(300)}`);
});
afterAll(() => {
  engine.close();
  for (const f of folders) f.remove();
});

function wideTable(properties: Record<string, string> = {}): TestTable {
  const tmp = tempFolder();
  folders.push(tmp);
  return new TestTable(engine.connection, { folder: tmp.dir, schema: WIDE_SCHEMA, properties });
}

async function dataFiles(table: TestTable) {
  const snapshot = snapshotForRef(table.metadata)!;
  const list = readManifestList(await table.io.read(snapshot.manifestList!), 2);
  const out = [];
  for (const m of list.manifests)
    out.push(...readManifest(await table.io.read(m.path)).entries.map((e) => e.dataFile));
  return out;
}

describe("append to an unpartitioned table", () => {
  it("reads back the same rows", async () => {
    const table = wideTable();
    await table.commit(
      await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM wide_src" }),
    );
    expect(await table.difference("SELECT * FROM wide_src")).toBe(0);
    expect(await table.count()).toBe(300);
  });

  it("writes every column with its field id, nested ones included", async () => {
    const table = wideTable();
    await table.commit(
      await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM wide_src" }),
    );
    const [file] = await dataFiles(table);
    const reader = await engine.connection.runAndReadAll(
      `SELECT field_id FROM parquet_schema('${table.io.localPath(file.filePath)}') WHERE field_id IS NOT NULL`,
    );
    expect(reader.getRows().map(([id]) => Number(id))).toEqual(
      allFields(WIDE_SCHEMA).map((f) => f.id),
    );
  });

  it("records metrics equal to a brute-force pass over the written rows", async () => {
    const table = wideTable();
    await table.commit(
      await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM wide_src" }),
    );
    const [file] = await dataFiles(table);
    const brute = await bruteMetrics(
      engine.connection,
      table.io.localPath(file.filePath),
      WIDE_SCHEMA,
    );
    expect(file.recordCount).toBe(300);
    expect(file.valueCounts).toEqual(brute.valueCounts);
    expect(file.nullValueCounts).toEqual(brute.nullValueCounts);
    expect(file.nanValueCounts).toEqual(brute.nanValueCounts);
    expect(file.lowerBounds).toEqual(brute.lowerBounds);
    expect(file.upperBounds).toEqual(brute.upperBounds);
    expect([...(file.columnSizes?.keys() ?? [])]).toEqual([...brute.valueCounts.keys()]);
    expect(file.fileSizeInBytes).toBe(await table.io.size(file.filePath));
  });

  it("keeps the parent's manifests and adds up the summary totals", async () => {
    const table = wideTable();
    await table.commit(
      await prepareAppend({
        ...table.target(),
        sourceSql: "SELECT * FROM wide_src WHERE id < 100",
      }),
    );
    const first = snapshotForRef(table.metadata)!;
    await table.commit(
      await prepareAppend({
        ...table.target(),
        sourceSql: "SELECT * FROM wide_src WHERE id >= 100",
      }),
    );
    const second = snapshotForRef(table.metadata)!;
    expect(second.parentSnapshotId).toBe(first.snapshotId);
    expect(second.sequenceNumber).toBe(2);
    expect(second.snapshotId < 2n ** 53n && second.snapshotId > 0n).toBe(true);
    const list = readManifestList(await table.io.read(second.manifestList!), 2);
    expect(list.manifests.map((m) => m.sequenceNumber)).toEqual([2, 1]);
    expect(second.summary).toMatchObject({
      operation: "append",
      "added-data-files": "1",
      "added-records": "200",
      "total-records": "300",
      "total-data-files": "2",
      "total-delete-files": "0",
      "changed-partition-count": "1",
    });
    expect(await table.difference("SELECT * FROM wide_src")).toBe(0);
  });

  it("rolls over to several files at the target file size, with unique names", async () => {
    // DuckDB rolls over between row groups (122,880 rows): 500k rows make several
    const tmp = tempFolder();
    folders.push(tmp);
    const schema = { type: "struct" as const, schemaId: 0, fields: WIDE_SCHEMA.fields.slice(0, 2) };
    const table = new TestTable(engine.connection, {
      folder: tmp.dir,
      schema,
      properties: { "write.target-file-size-bytes": "65536" },
    });
    await engine.connection.run(
      "CREATE OR REPLACE TEMP TABLE many AS SELECT range AS id, 'n' || range AS name FROM range(500000)",
    );
    await table.commit(await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM many" }));
    const files = await dataFiles(table);
    expect(files.length).toBeGreaterThan(1);
    expect(new Set(files.map((f) => f.filePath)).size).toBe(files.length);
    for (const f of files)
      expect(f.filePath).toMatch(/\/data\/00000-0-[0-9a-f-]{36}-[0-9a-f-]{36}\.parquet$/);
    expect(files.reduce((n, f) => n + f.recordCount, 0)).toBe(500_000);
    expect(await table.difference("SELECT * FROM many")).toBe(0);
  });
});

describe("append edge cases", () => {
  it("an append of no rows commits a snapshot without files", async () => {
    const table = wideTable();
    const prepared = await prepareAppend({
      ...table.target(),
      sourceSql: "SELECT * FROM wide_src WHERE false",
    });
    expect(prepared.files).toEqual([]);
    await table.commit(prepared);
    expect(snapshotForRef(table.metadata)!.summary).toMatchObject({
      "total-records": "0",
      "total-data-files": "0",
    });
    expect(await table.count()).toBe(0);
  });

  it("honours write.data.path", async () => {
    const elsewhere = tempFolder();
    folders.push(elsewhere);
    const table = wideTable({ "write.data.path": `file://${elsewhere.dir}/files` });
    await table.commit(
      await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM wide_src" }),
    );
    const [file] = await dataFiles(table);
    expect(file.filePath.startsWith(`file://${elsewhere.dir}/files/00000-0-`)).toBe(true);
    expect(await table.difference("SELECT * FROM wide_src")).toBe(0);
  });
});

const python = pythonAvroAvailable();
describeWhere(
  { ok: python.ok, missing: `${python.reason} (.ci/run installs python3-avro)` },
  "Apache's Python Avro reader",
  () => {
    it("decodes the manifest list and manifest of an append", async () => {
      const table = wideTable();
      await table.commit(
        await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM wide_src" }),
      );
      const snapshot = snapshotForRef(table.metadata)!;
      const list = readWithPythonAvro(await table.io.read(snapshot.manifestList!));
      expect(list.meta).toMatchObject({
        "snapshot-id": String(snapshot.snapshotId),
        "format-version": "2",
      });
      expect(list.records[0]).toMatchObject({
        added_files_count: 1,
        added_rows_count: 300,
        sequence_number: 1,
      });
      const manifest = readWithPythonAvro(
        await table.io.read(String(list.records[0].manifest_path)),
      );
      const dataFile = manifest.records[0].data_file as Record<string, unknown>;
      expect(manifest.records[0].status).toBe(1);
      expect(dataFile).toMatchObject({ content: 0, file_format: "PARQUET", record_count: 300 });
      expect((dataFile.lower_bounds as { key: number }[]).map((b) => b.key)).toContain(17);
    });
  },
);
