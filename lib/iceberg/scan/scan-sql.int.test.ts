/**
 * The relation SQL on tables written by the test: sequence-number rules of position and
 * equality deletes (including NULL keys), time travel, quoting of paths and names, and
 * the plans DuckDB makes of it; plus empty tables and unreachable object-store paths.
 */
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Schema, serializeTableMetadata } from "../spec";
import { loadTable, openTable } from "./load-table";
import { planTableScan } from "./plan-scan";
import { scanToSql } from "./sql/scan-sql";
import { duckDBPerFile, fixtureTable, io, planFixture, scalar } from "./testing/engine";
import { parquetFile, writeSyntheticTable } from "./testing/synthetic-table";

const duck = duckDBPerFile();
const NAME = 'o\'name "x"';
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: false, type: "long" },
    { id: 2, name: NAME, required: false, type: "string" },
  ],
};

let root: string;
let metadataLocation: string;

/** Writes Parquet through DuckDB with Iceberg field ids; the SQL text is the test's own. */
async function writeParquet(file: string, select: string, fieldIds: string): Promise<string> {
  const target = file.replaceAll("'", "''");
  await duck
    .connection()
    .run(`COPY (${select}) TO '${target}' (FORMAT PARQUET, FIELD_IDS ${fieldIds})`);
  return file;
}

const DATA_IDS = `{id: 1, "o'name ""x""": 2}`;
const rowsOf = (pairs: Array<[number, string | null]>) =>
  `SELECT * FROM (VALUES ${pairs.map(([id, n]) => `(${id}::BIGINT, ${n === null ? "NULL" : `'${n}'`}::VARCHAR)`).join(", ")}) t(id, "o'name ""x""")`;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tarn-o\'brien "scan"-'));
  const folder = path.join(root, "t");
  const data = (name: string) => path.join(folder, "data", name);
  await mkdir(path.join(folder, "data"), { recursive: true });
  const a = await writeParquet(
    data("a.parquet"),
    rowsOf([
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, "d"],
    ]),
    DATA_IDS,
  );
  const b = await writeParquet(
    data("b.parquet"),
    rowsOf([
      [5, "e"],
      [6, "f"],
      [7, "g"],
      [8, "h"],
    ]),
    DATA_IDS,
  );
  const eq = await writeParquet(
    data("eq-id.parquet"),
    "SELECT * FROM (VALUES (2::BIGINT), (6)) t(id)",
    "{id: 1}",
  );
  const pos = await writeParquet(
    data("pos.parquet"),
    `SELECT * FROM (VALUES ('${a.replaceAll("'", "''")}', 0::BIGINT), ('${b.replaceAll("'", "''")}', 0)) t(file_path, pos)`,
    "{file_path: 2147483546, pos: 2147483545}",
  );
  const c = await writeParquet(
    data("c.parquet"),
    rowsOf([
      [9, "i"],
      [2, "b again"],
      [10, null],
    ]),
    DATA_IDS,
  );
  const eqNull = await writeParquet(
    data("eq-null.parquet"),
    `SELECT NULL::VARCHAR AS "o'name ""x"""`,
    `{"o'name ""x""": 2}`,
  );
  metadataLocation = await writeSyntheticTable(folder, schema, [
    { data: [parquetFile(a, "data", 4)] },
    {
      data: [parquetFile(b, "data", 4)],
      deletes: [parquetFile(eq, "equality-deletes", 2, { equalityIds: [1] })],
    },
    { deletes: [parquetFile(pos, "position-deletes", 2)] },
    { data: [parquetFile(c, "data", 3)] },
    { deletes: [parquetFile(eqNull, "equality-deletes", 1, { equalityIds: [2] })] },
  ]);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function ids(snapshotId?: bigint): Promise<number[]> {
  const table = await loadTable(io, metadataLocation);
  const plan = await planTableScan(
    table,
    snapshotId ? { snapshot: { type: "snapshot-id", snapshotId } } : {},
  );
  const reader = await duck
    .connection()
    .runAndReadAll(`SELECT id FROM ${scanToSql(plan)} t ORDER BY id`);
  return reader.getRowsJS().map((row) => Number(row[0]));
}

describe("deletes and sequence numbers", () => {
  it("applies an equality delete only to older data files (strictly lower sequence number)", async () => {
    // seq 2 deletes id 2 from a.parquet (seq 1) but not id 6 from b.parquet (seq 2)
    expect(await ids(2n)).toEqual([1, 3, 4, 5, 6, 7, 8]);
  });

  it("applies position deletes to files with sequence numbers not above theirs", async () => {
    expect(await ids(3n)).toEqual([3, 4, 6, 7, 8]);
  });

  it("keeps rows written after a delete, and matches NULL keys as equal", async () => {
    // c.parquet (seq 4) brings id 2 back; the seq 5 delete on NULL names removes id 10
    expect(await ids(4n)).toEqual([2, 3, 4, 6, 7, 8, 9, 10]);
    expect(await ids()).toEqual([2, 3, 4, 6, 7, 8, 9]);
  });

  it("reads columns whose names hold quotes, from a folder whose path holds quotes", async () => {
    const table = await loadTable(io, metadataLocation);
    const plan = await planTableScan(table, { columns: [NAME] });
    const value = await scalar(
      duck.connection(),
      `SELECT string_agg("o'name ""x""", ',' ORDER BY "o'name ""x""") FROM ${scanToSql(plan)} t`,
    );
    expect(value).toBe("b again,c,d,f,g,h,i");
  });

  it("anti-joins the deletes (DuckDB plans hash anti joins over read_parquet)", async () => {
    const plan = await planTableScan(await loadTable(io, metadataLocation));
    const reader = await duck
      .connection()
      .runAndReadAll(`EXPLAIN SELECT count(*) FROM ${scanToSql(plan)} t`);
    const text = reader
      .getRowsJS()
      .map((row) => row.join("\n"))
      .join("\n");
    expect(text).toMatch(/ANTI/);
    expect(text).toMatch(/READ_PARQUET/);
  });
});

describe("tables with nothing to read", () => {
  it("scans a table without snapshots to zero rows with its columns", async () => {
    const { sql } = await planFixture("custom_write_paths");
    const reader = await duck.connection().runAndReadAll(`DESCRIBE SELECT * FROM ${sql} t`);
    expect(reader.getRowsJS().map((row) => [row[0], row[1]])).toEqual([
      ["id", "INTEGER"],
      ["name", "VARCHAR"],
    ]);
    expect(await scalar(duck.connection(), `SELECT count(*) FROM ${sql} t`)).toBe(0n);
  });
});

describe("object-store paths", () => {
  it("fails naming a gs:// location that has no local copy", async () => {
    const folder = path.join(root, "gs-table");
    const table = await openTable(io, fixtureTable("is_null_is_not_null"));
    const snapshot = table.metadata.snapshots.find(
      (s) => s.snapshotId === table.metadata.currentSnapshotId,
    )!;
    const metadata = {
      ...table.metadata,
      location: "gs://bucket/warehouse/gs_table",
      snapshotLog: [],
      snapshots: [
        { ...snapshot, manifestList: "gs://bucket/warehouse/gs_table/metadata/snap-missing.avro" },
      ],
    };
    await io.writeNew(
      path.join(folder, "metadata", "v1.metadata.json"),
      new TextEncoder().encode(serializeTableMetadata(metadata)),
    );
    const loaded = await loadTable(io, path.join(folder, "metadata", "v1.metadata.json"));
    await expect(planTableScan(loaded)).rejects.toThrow(
      /Cannot read gs:\/\/bucket\/warehouse\/gs_table\/metadata\/snap-missing\.avro: Tarn reads local files only/,
    );
  });
});

describe("moved tables", () => {
  it("reads a fixture table copied elsewhere, with position deletes naming the old paths", async () => {
    const copy = path.join(root, "moved", "spark_v2");
    await cp(fixtureTable("spark/2"), copy, { recursive: true });
    const original = await planFixture("spark/2");
    const moved = scanToSql(await planTableScan(await openTable(io, copy)));
    const db = duck.connection();
    expect(await scalar(db, `SELECT count(*) FROM ${moved} t`)).toBe(6592n);
    const diff = `SELECT count(*) FROM (SELECT * FROM ${moved} a EXCEPT ALL SELECT * FROM ${original.sql} b)`;
    expect(await scalar(db, diff)).toBe(0n);
  });
});
