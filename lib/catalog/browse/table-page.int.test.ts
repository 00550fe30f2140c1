import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type UserPrincipal } from "@/lib/access";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { registerFolder } from "../external";
import { createFederatedCatalog } from "../federated";
import {
  alterSchema,
  appendRows,
  createCatalog,
  createNamespace,
  createTable,
  manageSnapshots,
  setTableProperties,
} from "../index";
import {
  describeTable,
  diffSchemas,
  partitionsAndFiles,
  schemaHistory,
  snapshotTimeline,
  tableDdl,
} from "./index";

process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

let t: TestCatalog;
let folder: string;
const remote = `tarn_page_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const ana: UserPrincipal = {
  kind: "user",
  userId: "u-ana",
  username: "ana",
  displayName: null,
  role: "analyst",
  groupIds: [],
};
const orders = { catalog: "lake", namespace: ["db"], name: "orders" };
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "day", type: "date", required: false },
    { id: 3, name: "nm", type: "string", required: false, doc: "Who ordered" },
  ],
};

async function pgRun(database: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
  await client.connect();
  for (const sql of statements) await client.query(sql);
  await client.end();
}

beforeAll(async () => {
  t = await testCatalog();
  await createTable(t.ctx, orders, {
    schema,
    partitionBy: [{ column: "day", transform: "month" }],
    properties: { comment: "All orders" },
  });
  await appendRows(
    t.ctx,
    orders,
    t.duck,
    "SELECT range AS id, DATE '2024-01-05' + range::INTEGER AS day, 'a' AS nm FROM range(40)",
  );
  await appendRows(
    t.as(ana),
    orders,
    t.duck,
    "SELECT 100 + range AS id, DATE '2024-03-01' AS day, 'b' AS nm FROM range(10)",
  );
  await alterSchema(t.ctx, orders, (s) =>
    s.renameColumn("nm", "customer").addColumn("amount", "decimal(10, 2)"),
  );
  await setTableProperties(t.ctx, orders, {
    updates: { "write.parquet.compression-codec": "zstd" },
  });
  const first = (await snapshotTimeline(t.ctx, orders)).at(-1)?.snapshotId as string;
  await manageSnapshots(t.ctx, orders, (m) => m.createTag("first-load", BigInt(first)));

  folder = mkdtempSync(path.join(tmpdir(), "tarn-page-files-"));
  mkdirSync(path.join(folder, "year=2024"));
  await t.duck.run(`COPY (SELECT 1 AS id) TO '${folder}/year=2024/a.parquet'`);
  await createCatalog(t.db, SYSTEM, { name: "files", kind: "lake" });
  await createNamespace(t.db, SYSTEM, { catalog: "files", namespace: ["raw"] });
  await registerFolder(
    t.ctx,
    { catalog: "files", namespace: ["raw"], name: "drops" },
    { path: folder, comment: "Dropped files" },
  );

  await pgRun("postgres", `CREATE DATABASE ${remote}`);
  await pgRun(
    remote,
    "CREATE TABLE public.carts (id int)",
    "INSERT INTO public.carts SELECT generate_series(1, 30)",
    "ANALYZE public.carts",
  );
  await createFederatedCatalog(t.db, SYSTEM, {
    name: "pg",
    connection: { type: "postgresql", host: "127.0.0.1", database: remote, user: "postgres" },
  });
});
afterAll(async () => {
  await t.close();
  rmSync(folder, { recursive: true, force: true });
  await pgRun("postgres", `DROP DATABASE IF EXISTS ${remote} WITH (FORCE)`);
});

describe("describeTable", () => {
  it("gives an Iceberg table's overview from its current snapshot and the audit log", async () => {
    const overview = await describeTable(t.as(ana), orders);
    expect(overview).toMatchObject({
      kind: "iceberg",
      catalogKind: "managed",
      comment: "All orders",
      owner: "system",
      format: "iceberg",
      formatVersion: 2,
      rowCount: 50,
      rowCountIsEstimate: false,
      files: { data: 3, delete: 0 },
      partitioning: ["month(day)"],
      lastChange: { by: "system", what: "snapshot references" },
      properties: { comment: "All orders", "write.parquet.compression-codec": "zstd" },
    });
    expect(overview.dataSizeBytes).toBeGreaterThan(0);
    expect(overview.currentSnapshotId).toMatch(/^\d+$/);
    expect(overview.location?.startsWith(t.warehouse)).toBe(true);
  });

  it("describes external and federated tables too", async () => {
    expect(
      await describeTable(t.ctx, { catalog: "files", namespace: ["raw"], name: "drops" }),
    ).toMatchObject({
      kind: "external",
      catalogKind: "lake",
      format: "parquet",
      location: folder,
      comment: "Dropped files",
      lastChange: { by: "system", what: "table.registerFolder" },
    });
    expect(
      await describeTable(t.ctx, { catalog: "pg", namespace: ["public"], name: "carts" }),
    ).toMatchObject({
      kind: "federated",
      format: "table",
      rowCount: 30,
      rowCountIsEstimate: true,
      id: expect.stringMatching(/^federated:.+:public:carts$/),
    });
  });

  it("reads missing and unreadable the same, and asks who is asking", async () => {
    await expect(describeTable(t.ctx, { ...orders, name: "nope" })).rejects.toMatchObject({
      code: "not_found",
      message: "Table db.nope does not exist.",
    });
    await expect(describeTable(t.ctx, { ...orders, catalog: "nope" })).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(describeTable({ ...t.ctx, actor: null as never }, orders)).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});

describe("schema history", () => {
  it("lists every schema newest first, with its columns, and diffs two of them", async () => {
    const versions = await schemaHistory(t.ctx, orders);
    expect(versions.map((v) => [v.schemaId, v.current])).toEqual([
      [1, true],
      [0, false],
    ]);
    expect(versions[1].firstSnapshot?.snapshotId).toMatch(/^\d+$/);
    expect(versions[0].firstSnapshot).toBeNull(); // nothing written since the change
    expect(versions[0].columns.map((c) => [c.fieldId, c.path, c.type, c.required, c.doc])).toEqual([
      [1, "id", "long", true, null],
      [2, "day", "date", false, null],
      [3, "customer", "string", false, "Who ordered"],
      [4, "amount", "decimal(10, 2)", false, null],
    ]);
    expect(diffSchemas(versions[1].schema, versions[0].schema)).toEqual([
      { kind: "renamed", fieldId: 3, from: "nm", to: "customer" },
      { kind: "added", fieldId: 4, path: "amount", type: "decimal(10, 2)", required: false },
    ]);
  });
});

describe("snapshotTimeline", () => {
  it("lists snapshots newest first with what they added, their refs, and who committed them", async () => {
    const timeline = await snapshotTimeline(t.ctx, orders);
    expect(
      timeline.map((s) => [s.operation, s.added.records, s.totalRecords, s.committedBy, s.current]),
    ).toEqual([
      ["append", 10, 50, "ana", true],
      ["append", 40, 40, "system", false],
    ]);
    expect(timeline[0].refs).toEqual([{ name: "main", type: "branch" }]);
    expect(timeline[1].refs).toEqual([{ name: "first-load", type: "tag" }]);
    expect(timeline[0].parentId).toBe(timeline[1].snapshotId);
    expect(timeline[0].added.dataFiles).toBe(1);
    expect(timeline[1].added.dataFiles).toBe(2);
  });

  it("explains that views, external and federated tables have no snapshots", async () => {
    await expect(
      snapshotTimeline(t.ctx, { catalog: "files", namespace: ["raw"], name: "drops" }),
    ).rejects.toMatchObject({
      code: "bad_request",
      message:
        "raw.drops is an external table over files; it has no Iceberg snapshots, schema history or manifests.",
    });
    await expect(
      schemaHistory(t.ctx, { catalog: "pg", namespace: ["public"], name: "carts" }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("partitionsAndFiles", () => {
  it("lists partitions with readable values, and pages the files", async () => {
    const result = await partitionsAndFiles(t.ctx, orders);
    expect(result.partitionFields).toEqual(["day_month"]);
    expect(
      result.partitions.map((p) => [p.partition.day_month, p.records, p.files]).sort(),
    ).toEqual([
      ["2024-01", 27, 1],
      ["2024-02", 13, 1],
      ["2024-03", 10, 1],
    ]);
    expect(result.totalFiles).toBe(3);
    expect(result.files[0]).toMatchObject({ content: "data", format: "PARQUET", specId: 0 });
    expect((await partitionsAndFiles(t.ctx, orders, { limit: 1, offset: 2 })).files).toHaveLength(
      1,
    );
    const older = await partitionsAndFiles(t.ctx, orders, {
      snapshotId: (await snapshotTimeline(t.ctx, orders))[1].snapshotId,
    });
    expect(older.totalFiles).toBe(2);
  });
});

describe("tableDdl", () => {
  it("writes the CREATE TABLE of an Iceberg table and of an external one", async () => {
    const ddl = await tableDdl(t.ctx, orders);
    expect(ddl).toContain(
      "CREATE TABLE lake.db.orders (\n  id BIGINT NOT NULL,\n  day DATE,\n  customer STRING COMMENT 'Who ordered',\n  amount DECIMAL(10, 2)\n)",
    );
    expect(ddl).toContain(
      "PARTITIONED BY (month(day))\nCOMMENT 'All orders'\nTBLPROPERTIES (\n  'format-version' = '2',\n  'write.parquet.compression-codec' = 'zstd'\n);",
    );
    expect(await tableDdl(t.ctx, { catalog: "files", namespace: ["raw"], name: "drops" })).toBe(
      `CREATE TABLE files.raw.drops (\n  id INT,\n  year BIGINT\n)\nUSING parquet\nPARTITIONED BY (year)\nCOMMENT 'Dropped files'\nLOCATION '${folder}';`,
    );
    await expect(
      tableDdl(t.ctx, { catalog: "pg", namespace: ["public"], name: "carts" }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });
});
