import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type UserPrincipal } from "@/lib/access";
import { getConfig } from "@/lib/config";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { createCatalog, createNamespace } from "../index";
import { findTableRow } from "../table-rows";
import { describeExternal, externalRelationSql, registerFolder } from "./index";

let t: TestCatalog;
let root: string;
beforeAll(async () => {
  t = await testCatalog();
  root = mkdtempSync(path.join(tmpdir(), "tarn-external-"));
  await createCatalog(t.db, SYSTEM, { name: "files", kind: "lake" });
  await createNamespace(t.db, SYSTEM, { catalog: "files", namespace: ["raw"] });
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const ident = (name: string) => ({ catalog: "files", namespace: ["raw"], name });
const analyst: UserPrincipal = {
  kind: "user",
  userId: "u",
  username: "ana",
  displayName: null,
  role: "analyst",
  groupIds: [],
};

function folder(name: string): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function write(sql: string, file: string): Promise<void> {
  mkdirSync(path.dirname(file), { recursive: true });
  await t.duck.run(`COPY (${sql}) TO '${file.replaceAll("'", "''")}'`);
}

async function count(name: string): Promise<number> {
  const row = await findTableRow(t.db, ident(name));
  return Number((await t.rows(`SELECT count(*) AS n FROM ${externalRelationSql(row)} r`))[0].n);
}

describe("registerFolder", () => {
  it("registers Parquet files in Hive partition folders, with the partition keys as columns", async () => {
    const dir = folder("orders");
    await write(
      "SELECT range AS id, 'a' AS label FROM range(10)",
      `${dir}/year=2024/month=05/part-0.parquet`,
    );
    await write(
      "SELECT 10 + range AS id, 'b' AS label FROM range(5)",
      `${dir}/year=2024/month=06/part-0.parquet`,
    );
    const table = await registerFolder(t.ctx, ident("orders"), {
      path: dir,
      comment: "Orders from the shop",
    });
    expect(table.format).toBe("parquet");
    expect(table.columns.map((c) => [c.name, c.type, c.partition])).toEqual([
      ["id", "long", false],
      ["label", "string", false],
      ["month", "string", true],
      ["year", "long", true],
    ]);
    const row = await findTableRow(t.db, ident("orders"));
    expect(row).toMatchObject({
      kind: "external",
      format: "parquet",
      location: dir,
      managed: false,
      comment: "Orders from the shop",
    });
    expect(row.searchText.split("\n")).toEqual([
      "orders",
      "raw",
      "orders from the shop",
      "id",
      "label",
      "month",
      "year",
    ]);
    expect(await count("orders")).toBe(15);
    const byMonth = await t.rows(
      `SELECT month, count(*) AS n FROM ${externalRelationSql(row)} r GROUP BY month ORDER BY month`,
    );
    expect(byMonth).toEqual([
      { month: "05", n: "10" },
      { month: "06", n: "5" },
    ]);
  });

  it("shows files added after registration on the next read, and new columns on the next describe", async () => {
    const dir = path.join(root, "orders");
    await write(
      "SELECT 100 AS id, 'c' AS label, 1.5::DOUBLE AS amount",
      `${dir}/year=2025/month=01/part-0.parquet`,
    );
    expect(await count("orders")).toBe(16);
    const { columns } = await describeExternal(t.ctx, ident("orders"));
    expect(columns.find((c) => c.name === "amount")).toMatchObject({
      type: "double",
      partition: false,
    });
    await expect(describeExternal(t.ctx, ident("nope"))).rejects.toMatchObject({
      code: "not_found",
      message: "Table raw.nope does not exist.",
    });
  });

  it("detects CSV and JSON folders, and takes reader options", async () => {
    const csv = folder("csv");
    writeFileSync(`${csv}/a.csv`, "id;city\n1;Oslo\n2;Bergen\n");
    const table = await registerFolder(t.ctx, ident("cities"), {
      path: csv,
      options: { delimiter: ";", header: true },
    });
    expect(table).toMatchObject({ format: "csv", options: { delimiter: ";", header: true } });
    expect(table.columns.map((c) => c.name)).toEqual(["id", "city"]);
    expect(await count("cities")).toBe(2);

    const json = folder("json");
    writeFileSync(`${json}/a.jsonl`, '{"id": 1, "tags": ["x"]}\n{"id": 2, "tags": []}\n');
    writeFileSync(`${json}/b.json`, '{"id": 3, "tags": ["y", "z"], "extra": {"k": true}}\n');
    const events = await registerFolder(t.ctx, ident("events"), { path: json });
    expect(events.format).toBe("json");
    expect(events.columns.map((c) => [c.name, c.type])).toEqual([
      ["id", "long"],
      ["tags", "list<string>"],
      ["extra", "struct<k: boolean>"],
    ]);
    expect(await count("events")).toBe(3);
  });

  it("reads folders whose path holds a quote", async () => {
    const dir = folder("it's here");
    await write("SELECT 1 AS x", `${dir}/one.parquet`);
    await registerFolder(t.ctx, ident("quoted"), { path: dir });
    expect(await count("quoted")).toBe(1);
  });

  it("refuses folders it cannot use, saying why", async () => {
    const fail = (name: string, p: string, extra: object = {}) =>
      registerFolder(t.ctx, ident(name), { path: p, ...extra });
    await expect(fail("e1", folder("empty"))).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("holds no Parquet, CSV or JSON files"),
    });
    const mixed = folder("mixed");
    await write("SELECT 1 AS x", `${mixed}/a.parquet`);
    writeFileSync(`${mixed}/b.csv`, "x\n2\n");
    await expect(fail("e2", mixed)).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("mixes file formats (1 Parquet, 1 CSV files)"),
    });
    await expect(fail("e3", mixed, { format: "json" })).rejects.toMatchObject({
      message: expect.stringContaining("holds no JSON files"),
    });
    expect(
      (await registerFolder(t.ctx, ident("mixed_csv"), { path: mixed, format: "csv" })).columns.map(
        (c) => c.name,
      ),
    ).toEqual(["x"]);
    await expect(fail("e4", path.join(root, "nope"))).rejects.toMatchObject({
      message: `The folder ${path.join(root, "nope")} does not exist.`,
    });
    await expect(fail("e5", `${mixed}/a.parquet`)).rejects.toMatchObject({
      message: expect.stringContaining("is a file, not a folder"),
    });
    await expect(fail("e6", "relative/folder")).rejects.toMatchObject({
      message: expect.stringContaining("absolute path"),
    });
    await expect(fail("e7", path.join(getConfig().dataDir, "results"))).rejects.toMatchObject({
      message: expect.stringContaining("inside Tarn's own data folder"),
    });
    await expect(
      fail("e8", mixed, { format: "csv", options: { delimiter: 5 } }),
    ).rejects.toMatchObject({ message: 'The option "delimiter" must be text.' });
    await expect(
      fail("e9", mixed, { format: "parquet", options: { header: true } }),
    ).rejects.toMatchObject({ message: 'The option "header" does not apply to Parquet files.' });
    const bad = folder("bad");
    writeFileSync(`${bad}/broken.parquet`, "not parquet");
    await expect(fail("e10", bad)).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("Cannot read the Parquet files of"),
    });
  });

  it("registers only in lake catalogs, once per name, and only for stewards and admins", async () => {
    const dir = path.join(root, "orders");
    await expect(
      registerFolder(t.ctx, { catalog: "lake", namespace: ["db"], name: "x" }, { path: dir }),
    ).rejects.toMatchObject({
      message: "Catalog lake is a managed catalog; folders are registered in lake catalogs.",
    });
    await expect(registerFolder(t.ctx, ident("orders"), { path: dir })).rejects.toMatchObject({
      code: "conflict",
    });
    await expect(registerFolder(t.as(analyst), ident("mine"), { path: dir })).rejects.toMatchObject(
      { code: "forbidden" },
    );
    await expect(
      registerFolder(t.ctx, { ...ident("x"), namespace: ["missing"] }, { path: dir }),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("records the registration in the audit log", async () => {
    const events = await t.db.auditEvent.findMany({ where: { action: "table.registerFolder" } });
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(JSON.parse(events[0].details)).toMatchObject({
      catalog: "files",
      table: "raw.orders",
      format: "Parquet",
    });
  });
});
