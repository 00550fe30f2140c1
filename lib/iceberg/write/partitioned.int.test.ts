/**
 * Partitioned appends, one table per transform: rows come back equal, every row of each
 * file transforms to that file's partition tuple (by `lib/iceberg/transforms`), and the
 * file sits under the transforms module's partition path.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWhere } from "@/tests/support/requires";
import { readManifest, readManifestList } from "../manifest";
import { pythonAvroAvailable, readWithPythonAvro } from "../manifest/testing/python-avro";
import { findFieldById, snapshotForRef } from "../spec";
import type { PartitionField } from "../spec/types";
import { applyTransform, partitionPathForSpec } from "../transforms";
import { fromDuckValue } from "./duck/values";
import { prepareAppend } from "./index";
import { columnSql } from "./sql/columns";
import { type Engine, openEngine, tempFolder } from "./testing/duckdb";
import { TestTable } from "./testing/harness";
import { WIDE_SCHEMA, wideRowsSql } from "./testing/wide-table";

let engine: Engine;
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
  await engine.connection.run(`CREATE TEMP TABLE src AS ${wideRowsSql(240)}`);
});
afterAll(() => {
  engine.close();
  for (const f of folders) f.remove();
});

type Spec = Omit<PartitionField, "fieldId">[];
const by = (sourceId: number, transform: string, name: string): Spec[number] => ({
  sourceId,
  transform,
  name,
});

const CASES: [string, Spec][] = [
  ["identity string (with nulls)", [by(2, "identity", "name")]],
  ["identity date", [by(5, "identity", "day")]],
  ["identity boolean", [by(12, "identity", "flag")]],
  ["identity of a struct field", [by(17, "identity", "s_a")]],
  ["bucket long", [by(1, "bucket[8]", "id_bucket")]],
  ["bucket string", [by(2, "bucket[4]", "name_bucket")]],
  ["bucket uuid", [by(7, "bucket[4]", "u_bucket")]],
  ["bucket decimal", [by(3, "bucket[3]", "price_bucket")]],
  ["bucket binary", [by(10, "bucket[5]", "b_bucket")]],
  ["bucket timestamptz", [by(4, "bucket[6]", "ts_bucket")]],
  ["truncate long", [by(1, "truncate[50]", "id_trunc")]],
  ["truncate string", [by(24, "truncate[3]", "note_trunc")]],
  ["truncate decimal", [by(3, "truncate[1000]", "price_trunc")]],
  ["truncate binary", [by(10, "truncate[1]", "b_trunc")]],
  ["year timestamptz", [by(4, "year", "ts_year")]],
  ["month timestamptz", [by(4, "month", "ts_month")]],
  ["day timestamptz", [by(4, "day", "ts_day")]],
  ["hour timestamptz", [by(4, "hour", "ts_hour")]],
  ["day timestamp before 1970", [by(13, "day", "local_day")]],
  ["month date", [by(5, "month", "day_month")]],
  ["void", [by(2, "void", "name_null")]],
  ["day and bucket together", [by(4, "day", "ts_day"), by(1, "bucket[4]", "id_bucket")]],
];

async function appendPartitioned(fields: Spec): Promise<TestTable> {
  const tmp = tempFolder();
  folders.push(tmp);
  const table = new TestTable(engine.connection, {
    folder: tmp.dir,
    schema: WIDE_SCHEMA,
    partitionFields: fields,
  });
  await table.commit(await prepareAppend({ ...table.target(), sourceSql: "SELECT * FROM src" }));
  return table;
}

async function manifestEntries(table: TestTable) {
  const snapshot = snapshotForRef(table.metadata)!;
  const list = readManifestList(await table.io.read(snapshot.manifestList!), 2);
  const manifest = readManifest(await table.io.read(list.manifests[0].path));
  return { list, manifest };
}

describe("partitioned append", () => {
  for (const [name, fields] of CASES) {
    it(name, async () => {
      const table = await appendPartitioned(fields);
      expect(await table.difference("SELECT * FROM src")).toBe(0);
      const spec = table.metadata.partitionSpecs[0];
      const { manifest } = await manifestEntries(table);
      const tuples = new Set<string>();
      for (const { dataFile } of manifest.entries) {
        const values = spec.fields.map((f) => dataFile.partition.get(f.fieldId) ?? null);
        tuples.add(JSON.stringify(values, (_, v) => (typeof v === "bigint" ? `${v}n` : v)));
        const folder = partitionPathForSpec(spec, WIDE_SCHEMA, values);
        expect(dataFile.filePath).toContain(`/data/${folder}/00`);
        for (const [i, field] of spec.fields.entries()) {
          const type = findFieldById(WIDE_SCHEMA, field.sourceId)!.type as string;
          const column = columnSql(WIDE_SCHEMA, field.sourceId);
          const reader = await engine.connection.runAndReadAll(
            `SELECT ${column} FROM read_parquet('${table.io.localPath(dataFile.filePath)}', hive_partitioning = false)`,
          );
          const got = reader
            .getRows()
            .map(([v]) => applyTransform(field.transform, type, fromDuckValue(type, v)));
          expect(new Set(got.map(String))).toEqual(new Set([String(values[i])]));
        }
      }
      const summary = snapshotForRef(table.metadata)!.summary;
      expect(summary["changed-partition-count"]).toBe(String(tuples.size));
      expect(Number(summary["added-data-files"])).toBe(manifest.entries.length);
    });
  }
});

const python = pythonAvroAvailable();
describeWhere(
  { ok: python.ok, missing: `${python.reason} (.ci/run installs python3-avro)` },
  "Apache's Python Avro reader on a partitioned manifest",
  () => {
    it("sees the partition tuple and the list's partition summaries", async () => {
      const table = await appendPartitioned([
        by(4, "day", "ts_day"),
        by(1, "bucket[4]", "id_bucket"),
      ]);
      const { list, manifest } = await manifestEntries(table);
      const read = readWithPythonAvro(await table.io.read(list.manifests[0].path));
      const partitions = read.records.map(
        (r) => (r.data_file as { partition: Record<string, unknown> }).partition,
      );
      const ours = manifest.entries.map((e) => e.dataFile.partition.get(1001));
      expect(partitions.map((p) => p.id_bucket)).toEqual(ours);
      expect(partitions[0].ts_day).toHaveProperty("iso");
      const listRead = readWithPythonAvro(
        await table.io.read(snapshotForRef(table.metadata)!.manifestList!),
      );
      const summaries = listRead.records[0].partitions as { contains_null: boolean }[];
      expect(summaries).toHaveLength(2);
    });
  },
);

describe("session settings", () => {
  it("the session time zone does not move timestamptz partitions", async () => {
    const utc = await appendPartitioned([by(4, "hour", "ts_hour"), by(4, "month", "ts_month")]);
    await engine.connection.run("SET TimeZone = 'Asia/Kathmandu'");
    try {
      const shifted = await appendPartitioned([
        by(4, "hour", "ts_hour"),
        by(4, "month", "ts_month"),
      ]);
      const paths = async (t: TestTable) =>
        (await manifestEntries(t)).manifest.entries
          .map((e) => e.dataFile.filePath.split("/data/")[1].split("/00")[0])
          .sort();
      expect(await paths(shifted)).toEqual(await paths(utc));
    } finally {
      await engine.connection.run("RESET TimeZone");
    }
  });
});
