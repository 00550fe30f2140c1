import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/access";
import { newTableMetadata } from "@/lib/iceberg/commit";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import {
  appendRows,
  commitTable,
  createNamespace,
  createTable,
  createView,
  dropTable,
  listTables,
  listTablesPage,
  loadTable,
  registerTable,
  renameTable,
  setTableComment,
  stageCreate,
  tableExists,
} from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

const ident = (name: string, namespace = ["db"]) => ({ catalog: "lake", namespace, name });
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "label", type: "string", required: false, doc: "What It Is" },
  ],
};

describe("table names with / and .", () => {
  it("creates, loads, lists, renames and drops them (testTableNameWithSlash, testTableNameWithDot)", async () => {
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["new.db"] });
    for (const name of ["tab/le", "ta.ble"]) {
      const created = await createTable(t.ctx, ident(name, ["new.db"]), { schema });
      expect(path.basename(created.metadata.location)).toMatch(/^ta(b_le|\.ble)-[0-9a-f]{32}$/);
      expect((await loadTable(t.ctx, ident(name, ["new.db"]))).metadata.tableUuid).toBe(created.metadata.tableUuid);
      expect(await tableExists(t.ctx, ident(name, ["new.db"]))).toBe(true);
      await appendRows(t.ctx, ident(name, ["new.db"]), t.duck, "SELECT 1 AS id, 'x' AS label");
    }
    expect(await listTables(t.ctx, { catalog: "lake", namespace: ["new.db"] })).toEqual(["ta.ble", "tab/le"]);
    await renameTable(t.ctx, ident("tab/le", ["new.db"]), ident("tab/le.2", ["db"]));
    expect(await tableExists(t.ctx, ident("tab/le.2"))).toBe(true);
    await dropTable(t.ctx, ident("tab/le.2"));
    expect(await tableExists(t.ctx, ident("tab/le.2"))).toBe(false);
    await expect(tableExists(t.ctx, ident("x", ["nope"]))).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("creating at a given location", () => {
  it("accepts an empty folder inside the storage location, refuses one outside, overlapping or holding files", async () => {
    const inside = path.join(t.warehouse, "custom", "events");
    const table = await createTable(t.ctx, ident("custom"), { schema, location: `file://${inside}` });
    expect(table.metadata.location).toBe(inside);
    expect(table.metadataLocation.startsWith(`${inside}/metadata/00000-`)).toBe(true);
    await expect(createTable(t.ctx, ident("outside"), { schema, location: "/tmp/elsewhere" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("outside catalog lake's storage location") });
    await expect(createTable(t.ctx, ident("nested"), { schema, location: path.join(inside, "data") })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining('overlaps the folder of table or view "custom"') });
    await expect(createTable(t.ctx, ident("parent"), { schema, location: path.join(t.warehouse, "custom") })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("overlaps") });
    const used = path.join(t.warehouse, "used");
    mkdirSync(used, { recursive: true });
    writeFileSync(path.join(used, "stray.parquet"), "x");
    await expect(createTable(t.ctx, ident("used"), { schema, location: used })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("already holds files") });
    await expect(createTable(t.ctx, ident("relative"), { schema, location: "warehouse/x" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("not an absolute path") });
  });
});

describe("moving a table (set-location)", () => {
  it("moves inside the storage location only", async () => {
    await createTable(t.ctx, ident("mover"), { schema });
    const target = path.join(t.warehouse, "moved", "mover");
    const moved = await commitTable(t.ctx, ident("mover"), { requirements: [], updates: [{ action: "set-location", location: target }] });
    expect(moved.metadataLocation.startsWith(`${target}/metadata/`)).toBe(true);
    await expect(commitTable(t.ctx, ident("mover"), { requirements: [], updates: [{ action: "set-location", location: "/tmp/away" }] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("outside") });
    await expect(commitTable(t.ctx, ident("mover"), { requirements: [], updates: [{ action: "set-location", location: path.join(t.warehouse, "custom", "events", "x") }] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("overlaps") });
  });
});

describe("stage-create, then a commit with assert-create", () => {
  const createCommit = (location: string, properties: Record<string, string> = {}) => newTableMetadata({ location, schema, properties }).commit;

  it("stages without creating, then creates from the client's commit, files already there", async () => {
    const staged = await stageCreate(t.ctx, ident("staged"), { schema, properties: { comment: "Staged" } });
    expect(await tableExists(t.ctx, ident("staged"))).toBe(false);
    // A CTAS client writes its data before committing the create.
    mkdirSync(path.join(staged.metadata.location, "data"), { recursive: true });
    writeFileSync(path.join(staged.metadata.location, "data", "early.parquet"), "x");
    const result = await commitTable(t.ctx, ident("staged"), createCommit(staged.metadata.location, { comment: "Staged" }));
    expect(result.metadataLocation).toMatch(/\/metadata\/00000-[0-9a-f-]{36}\.metadata\.json$/);
    const loaded = await loadTable(t.ctx, ident("staged"));
    expect(loaded.metadata.location).toBe(staged.metadata.location);
    expect(loaded.row).toMatchObject({ comment: "Staged", managed: true });
    await appendRows(t.ctx, ident("staged"), t.duck, "SELECT 7 AS id, 'x' AS label");
    const audit = await listAuditEvents(t.db, { action: "table.create" });
    expect(audit[0].details).toMatchObject({ table: "db.staged", via: "commit" });
  });

  it("refuses a second create of the name, a create outside the storage, and stage-create of a taken name", async () => {
    const other = await stageCreate(t.ctx, ident("other"), { schema });
    await expect(commitTable(t.ctx, ident("staged"), createCommit(other.metadata.location))).rejects.toMatchObject({ code: "conflict", message: "Table db.staged already exists." });
    await expect(commitTable(t.ctx, ident("elsewhere"), createCommit("/tmp/not-in-storage"))).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("outside") });
    await expect(stageCreate(t.ctx, ident("staged"), { schema })).rejects.toMatchObject({ code: "conflict" });
    await expect(commitTable(t.ctx, ident("missing"), { requirements: [], updates: [] })).rejects.toMatchObject({ code: "not_found" });
    await expect(commitTable(t.ctx, ident("x", ["nope"]), createCommit(other.metadata.location))).rejects.toMatchObject({ code: "not_found", message: "Namespace nope does not exist." });
  });

  it("lets exactly one of two concurrent creates win (testConcurrentCreateTransaction)", async () => {
    const [a, b] = await Promise.all([stageCreate(t.ctx, ident("race"), { schema }), stageCreate(t.ctx, ident("race"), { schema })]);
    const results = await Promise.allSettled([commitTable(t.ctx, ident("race"), createCommit(a.metadata.location)), commitTable(t.ctx, ident("race"), createCommit(b.metadata.location))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
  });
});

describe("register with overwrite", () => {
  it("re-points an existing table, never a view", async () => {
    const source = await createTable(t.ctx, ident("source"), { schema });
    await registerTable(t.ctx, ident("copy"), source.metadataLocation);
    await expect(registerTable(t.ctx, ident("copy"), source.metadataLocation)).rejects.toMatchObject({ code: "conflict" });
    await appendRows(t.ctx, ident("source"), t.duck, "SELECT 1 AS id, 'x' AS label");
    const moved = await loadTable(t.ctx, ident("source"));
    const copy = await registerTable(t.ctx, ident("copy"), moved.metadataLocation, { overwrite: true });
    expect(copy.row.metadataLocation).toBe(moved.metadataLocation);
    expect(copy.row.managed).toBe(false);
    await expect(registerTable(t.ctx, ident("copy"), "/tmp/no/such/file.metadata.json", { overwrite: true })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("Cannot register") });
    await createView(t.ctx, ident("a_view"), { schema, representations: [{ type: "sql", sql: "select 1", dialect: "duckdb" }], defaultNamespace: ["db"] });
    await expect(registerTable(t.ctx, ident("a_view"), source.metadataLocation, { overwrite: true })).rejects.toMatchObject({ code: "conflict", message: "View db.a_view already exists." });
  });
});

describe("table pages", () => {
  it("pages tables without views; icebergOnly leaves out external tables", async () => {
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["paged"] });
    for (const name of ["a", "b", "c", "d"]) await createTable(t.ctx, ident(name, ["paged"]), { schema });
    await createView(t.ctx, ident("b2", ["paged"]), { schema, representations: [{ type: "sql", sql: "select 1", dialect: "duckdb" }], defaultNamespace: ["paged"] });
    const first = await listTablesPage(t.ctx, { catalog: "lake", namespace: ["paged"] }, { pageToken: "", pageSize: 3 });
    expect(first.items).toEqual(["a", "b", "c"]);
    const second = await listTablesPage(t.ctx, { catalog: "lake", namespace: ["paged"] }, { pageToken: first.nextPageToken as string, pageSize: 3, icebergOnly: true });
    expect(second).toEqual({ items: ["d"], nextPageToken: null });
  });
});

describe("comment and search text", () => {
  it("keeps the row's comment and search text in step with create, commit and rename", async () => {
    await createTable(t.ctx, ident("Searched"), { schema, properties: { comment: "Orders Of Customers" } });
    const row = () => t.db.catalogTable.findFirstOrThrow({ where: { name: { startsWith: "Searched" }, deletedKey: "" } });
    expect((await row()).searchText).toBe("searched\ndb\norders of customers\nid\nlabel\nwhat it is");
    await setTableComment(t.ctx, ident("Searched"), "Renamed Comment");
    expect(await row()).toMatchObject({ comment: "Renamed Comment", searchText: expect.stringContaining("renamed comment") });
    await renameTable(t.ctx, ident("Searched"), ident("Searched2"));
    expect((await row()).searchText.startsWith("searched2\ndb\nrenamed comment\nid")).toBe(true);
    await setTableComment(t.ctx, ident("Searched2"), null);
    expect((await row()).comment).toBeNull();
  });
});
