/**
 * Reading data files by name (union_by_name) or by field id: which one each situation
 * takes, and that both give the same rows. Tables are written by lib/iceberg/write and
 * evolved with UpdateSchema, one commit at a time, as a catalog would.
 */
import { cp } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UpdateSchema } from "../commit";
import { eq, lt } from "../expr";
import type { IcebergType, Schema } from "../spec";
import { prepareAppend, prepareDelete } from "../write";
import { applyCommit } from "../write/testing/apply-commit";
import { type Engine, openEngine, tempFolder } from "../write/testing/duckdb";
import { TestTable } from "../write/testing/harness";
import { BY_REGION, ORDERS_SCHEMA, ORDERS_SQL } from "../write/testing/orders";
import { openTable } from "./load-table";
import { planScan, type PlanScanInput, planTableScan } from "./plan-scan";
import type { ReadMode } from "./sql/file-read";
import { type ScanSqlOptions, scanReadModes, scanToSql } from "./sql/scan-sql";
import { fixtureTable, io } from "./testing/engine";

let engine: Engine;
const folders: { remove(): void }[] = [];
beforeAll(async () => {
  engine = await openEngine();
  await engine.connection.run("SET TimeZone = 'UTC'");
});
afterAll(() => {
  engine.close();
  for (const folder of folders) folder.remove();
});

const schemaOf = (...fields: Array<[string, IcebergType]>): Schema => ({
  type: "struct",
  schemaId: 0,
  fields: fields.map(([name, type], i) => ({ id: i + 1, name, type, required: false })),
});
const KV = schemaOf(["id", "long"], ["k", "long"]);

function newTable(
  schema: Schema,
  options: Partial<ConstructorParameters<typeof TestTable>[1]> = {},
) {
  const folder = tempFolder("tarn-name-read-");
  folders.push(folder);
  return new TestTable(engine.connection, { folder: folder.dir, schema, ...options });
}

async function append(table: TestTable, sourceSql: string): Promise<void> {
  await table.commit(await prepareAppend({ ...table.target(), sourceSql }));
}

function evolve(table: TestTable, change: (update: UpdateSchema) => UpdateSchema): void {
  table.metadata = applyCommit(table.metadata, change(new UpdateSchema(table.metadata)).commit());
}

type ScanInput = Omit<PlanScanInput, "io" | "metadata">;

/** The modes of a default scan, its rows, and how many rows a field-id-only scan differs by. */
async function readBothWays(table: TestTable, input: ScanInput = {}, options: ScanSqlOptions = {}) {
  const plan = await planScan({ io: table.io, metadata: table.metadata, ...input });
  const byName = scanToSql(plan, options);
  const byId = scanToSql(plan, { ...options, fieldIdsOnly: true });
  const differ = async (a: string, b: string) => {
    const sql = `SELECT count(*) FROM (FROM ${a} EXCEPT ALL FROM ${b})`;
    return Number((await engine.connection.runAndReadAll(sql)).getRows()[0][0]);
  };
  const rows = await engine.connection.runAndReadAll(`FROM ${byName} t ORDER BY ALL`);
  return {
    modes: [...new Set(scanReadModes(plan, options))].sort() as ReadMode[],
    rows: rows.getRowObjectsJson(),
    differences: (await differ(byName, byId)) + (await differ(byId, byName)),
  };
}

const BY_NAME: ReadMode[] = ["union-by-name"];
const BY_ID: ReadMode[] = ["field-id"];

describe("which read each situation takes, and the same rows both ways", () => {
  it("a table Tarn wrote, never evolved: by name", async () => {
    const table = newTable(KV);
    await append(table, "SELECT 1 AS id, 10 AS k");
    await append(table, "SELECT 2 AS id, 20 AS k");
    const read = await readBothWays(table);
    expect(read).toMatchObject({ modes: BY_NAME, differences: 0 });
    expect(read.rows).toEqual([
      { id: "1", k: "10" },
      { id: "2", k: "20" },
    ]);
  });

  it("a column added later: by name, NULL in files written before (even in every file)", async () => {
    const table = newTable(KV);
    await append(table, "SELECT 1 AS id, 10 AS k");
    evolve(table, (u) => u.addColumn("c", "string"));
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [{ id: "1", k: "10", c: null }],
    });
    await append(table, "SELECT 2 AS id, 20 AS k, 'x' AS c");
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [
        { id: "1", k: "10", c: null },
        { id: "2", k: "20", c: "x" },
      ],
    });
  });

  it("a column renamed: by field id, old values under the new name", async () => {
    const table = newTable(KV);
    await append(table, "SELECT 1 AS id, 10 AS k");
    evolve(table, (u) => u.renameColumn("k", "k2"));
    await append(table, "SELECT 2 AS id, 20 AS k2");
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_ID,
      differences: 0,
      rows: [
        { id: "1", k2: "10" },
        { id: "2", k2: "20" },
      ],
    });
  });

  it("time travel to before a rename: by field id", async () => {
    const table = newTable(KV);
    await append(table, "SELECT 1 AS id, 10 AS k");
    const before = table.metadata.currentSnapshotId!;
    evolve(table, (u) => u.renameColumn("k", "k2"));
    await append(table, "SELECT 2 AS id, 20 AS k2");
    const read = await readBothWays(table, {
      snapshot: { type: "snapshot-id", snapshotId: before },
    });
    expect(read).toMatchObject({ modes: BY_ID, differences: 0, rows: [{ id: "1", k: "10" }] });
  });

  it("dropped and re-added under the same name: by field id, NULL in old files", async () => {
    const table = newTable(KV);
    await append(table, "SELECT 1 AS id, 10 AS k");
    evolve(table, (u) => u.deleteColumn("k"));
    evolve(table, (u) => u.addColumn("k", "long"));
    await append(table, "SELECT 2 AS id, 20 AS k");
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_ID,
      differences: 0,
      rows: [
        { id: "1", k: null },
        { id: "2", k: "20" },
      ],
    });
    // What a plain name read would get wrong: the old file's k is another column.
    const files = (await planScan({ io: table.io, metadata: table.metadata })).tasks.map(
      (t) => `'${t.dataFile.localPath}'`,
    );
    const naive = await engine.connection.runAndReadAll(
      `SELECT sum(k) FROM read_parquet([${files.join(", ")}], union_by_name = true)`,
    );
    expect(Number(naive.getRows()[0][0])).toBe(30);
  });

  it("int promoted to long: by field id", async () => {
    const table = newTable(schemaOf(["id", "long"], ["k", "int"]));
    await append(table, "SELECT 1 AS id, 10 AS k");
    evolve(table, (u) => u.updateColumn("k", "long"));
    await append(table, "SELECT 2 AS id, 3000000000 AS k");
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_ID,
      differences: 0,
      rows: [
        { id: "1", k: "10" },
        { id: "2", k: "3000000000" },
      ],
    });
  });

  it("another column renamed, this one read alone: by name", async () => {
    const table = newTable(schemaOf(["id", "long"], ["k", "long"], ["v", "string"]));
    await append(table, "SELECT 1 AS id, 10 AS k, 'a' AS v");
    evolve(table, (u) => u.renameColumn("v", "w"));
    await append(table, "SELECT 2 AS id, 20 AS k, 'b' AS w");
    expect(await readBothWays(table, { columns: ["id", "k"] })).toMatchObject({
      modes: BY_NAME,
      differences: 0,
    });
    expect(await readBothWays(table)).toMatchObject({ modes: BY_ID, differences: 0 });
  });

  it("a column dropped and re-added as a struct: by name (old files lack the new id)", async () => {
    const table = newTable(schemaOf(["id", "long"], ["k", "long"], ["x", "int"]));
    await append(table, "SELECT 1 AS id, 10 AS k, 5 AS x");
    evolve(table, (u) => u.deleteColumn("x"));
    evolve(table, (u) =>
      u.addColumn("x", {
        type: "struct",
        fields: [{ id: 0, name: "p", type: "int", required: false }],
      }),
    );
    await append(table, "SELECT 2 AS id, 20 AS k, {'p': 6} AS x");
    expect(await readBothWays(table, { columns: ["id", "k"] })).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [
        { id: "1", k: "10" },
        { id: "2", k: "20" },
      ],
    });
    // Reading the struct needs the footers, and they show the old file's x is another id.
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [
        { id: "1", k: "10", x: null },
        { id: "2", k: "20", x: { p: 6 } },
      ],
    });
  });

  it("a table folder named like a Hive partition (k=99): the files' own k", async () => {
    const folder = tempFolder("tarn-name-read-");
    folders.push(folder);
    const table = new TestTable(engine.connection, { folder: `${folder.dir}/k=99`, schema: KV });
    await append(table, "SELECT 1 AS id, 10 AS k");
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [{ id: "1", k: "10" }],
    });
    // What DuckDB would read by default: k from the folder name.
    const [file] = (await planScan({ io: table.io, metadata: table.metadata })).tasks;
    const naive = await engine.connection.runAndReadAll(
      `SELECT k FROM read_parquet(['${file.dataFile.localPath}'], union_by_name = true)`,
    );
    expect(Number(naive.getRows()[0][0])).toBe(99);
  });

  it("position deletes (merge-on-read): by name, deleted rows gone", async () => {
    const table = newTable(KV, { properties: { "write.delete.mode": "merge-on-read" } });
    await append(table, "SELECT range AS id, range * 10 AS k FROM range(6)");
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("id", 4) }));
    await table.commit(await prepareDelete({ ...table.target(), filter: eq("id", 5) }));
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [{ id: "4", k: "40" }],
    });
  });

  it("a column named file_row_number: by name, by field id once the read needs row numbers", async () => {
    const table = newTable(schemaOf(["id", "long"], ["file_row_number", "long"]));
    await append(table, "SELECT range AS id, 7 AS file_row_number FROM range(2)");
    expect(await readBothWays(table)).toMatchObject({
      modes: BY_NAME,
      differences: 0,
      rows: [
        { id: "0", file_row_number: "7" },
        { id: "1", file_row_number: "7" },
      ],
    });
    // A file path column makes the read ask DuckDB for row numbers, which it refuses for
    // such a file on either path (by name it would also shadow the data column): by id.
    const plan = await planScan({ io: table.io, metadata: table.metadata });
    expect(scanReadModes(plan, { fileColumn: "path" })).toEqual(BY_ID);
    for (const options of [{}, { fieldIdsOnly: true }]) {
      const sql = scanToSql(plan, { ...options, fileColumn: "path" });
      await expect(engine.connection.run(`FROM ${sql}`)).rejects.toThrow(/file_row_number/);
    }
  });

  it("identity partitions: by name, values from the manifests", async () => {
    const table = newTable(ORDERS_SCHEMA, {
      partitionFields: BY_REGION,
      properties: { "write.delete.mode": "merge-on-read" },
    });
    await append(table, ORDERS_SQL);
    await table.commit(await prepareDelete({ ...table.target(), filter: lt("id", 50) }));
    const read = await readBothWays(table);
    expect(read).toMatchObject({ modes: BY_NAME, differences: 0 });
    expect(read.rows).toHaveLength(350);
  });

  it("a nested field renamed: files written before by field id, files after by name", async () => {
    const point: IcebergType = {
      type: "struct",
      fields: [
        { id: 3, name: "x", type: "double", required: false },
        { id: 4, name: "y", type: "double", required: false },
      ],
    };
    const table = newTable({
      type: "struct",
      schemaId: 0,
      fields: [
        { id: 1, name: "id", type: "long", required: false },
        { id: 2, name: "at", type: point, required: false },
      ],
    });
    await append(table, "SELECT 1 AS id, {'x': 1.5, 'y': 2.5} AS at");
    expect(await readBothWays(table)).toMatchObject({ modes: BY_NAME, differences: 0 });
    evolve(table, (u) => u.renameColumn("at.x", "east"));
    await append(table, "SELECT 2 AS id, {'east': 3.5, 'y': 4.5} AS at");
    expect(await readBothWays(table)).toMatchObject({
      modes: ["field-id", "union-by-name"],
      differences: 0,
      rows: [
        { id: "1", at: { east: 1.5, y: 2.5 } },
        { id: "2", at: { east: 3.5, y: 4.5 } },
      ],
    });
  });
});

describe("files without field ids (name mapping)", () => {
  it("read column a from the file, not from a folder named a=5", async () => {
    const source = path.join(fixtureTable("name_mapping"), "warehouse_1/mydb/t1");
    const folder = tempFolder("tarn-name-read-");
    folders.push(folder);
    const copy = path.join(folder.dir, "a=5", "t1");
    await cp(source, copy, { recursive: true });
    const rows = async (table: string) => {
      const plan = await planTableScan(await openTable(io, table));
      expect(scanReadModes(plan)).toEqual(["file-names"]);
      const sql = `SELECT count(*), count(DISTINCT a), sum(a) FROM ${scanToSql(plan)} t`;
      return (await engine.connection.runAndReadAll(sql)).getRowsJson();
    };
    expect(await rows(copy)).toEqual(await rows(source));
  });
});
