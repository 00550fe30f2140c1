import { existsSync, readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, type UserPrincipal } from "@/lib/access";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import {
  appendRows,
  createCatalog,
  createNamespace,
  createTable,
  createView,
  dropNamespace,
  dropTable,
  dropView,
  listTables,
  listTrash,
  loadTable,
  namespaceExists,
  purgeTrash,
  registerTable,
  restoreFromTrash,
  setTableProtected,
  tableExists,
  updateCatalog,
  viewExists,
} from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

const ident = (name: string, namespace = ["db"]) => ({ catalog: "lake", namespace, name });
const schema: Schema = { type: "struct", schemaId: 0, fields: [{ id: 1, name: "id", type: "long", required: false }] };
const DAY = 24 * 60 * 60 * 1000;
const steward: UserPrincipal = { kind: "user", userId: "s", username: "stu", displayName: null, role: "steward", groupIds: [] };
const analyst: UserPrincipal = { kind: "user", userId: "a", username: "ana", displayName: null, role: "analyst", groupIds: [] };

async function tableWithRows(name: string) {
  await createTable(t.ctx, ident(name), { schema });
  await appendRows(t.ctx, ident(name), t.duck, "SELECT range AS id FROM range(3)");
  return loadTable(t.ctx, ident(name));
}

const folderOf = (table: { metadata: { location: string } }) => table.metadata.location;
const filesUnder = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()) : []);

describe("dropping into the trash", () => {
  it("drop → list → restore: the table comes back with its data, audited", async () => {
    const table = await tableWithRows("orders");
    await dropTable(t.as(steward), ident("orders"));
    expect(await tableExists(t.ctx, ident("orders"))).toBe(false);
    expect(existsSync(table.metadataLocation)).toBe(true);
    const [item] = await listTrash(t.as(steward), "lake");
    expect(item).toMatchObject({ id: table.row.id, kind: "table", catalog: "lake", namespace: ["db"], name: "orders", deletesFiles: true });
    expect(item.purgeAfter.getTime() - item.deletedAt.getTime()).toBe(7 * DAY);
    await expect(listTrash(t.as(analyst))).rejects.toMatchObject({ code: "forbidden" });
    await restoreFromTrash(t.as(steward), item.id);
    expect((await loadTable(t.ctx, ident("orders"))).metadataLocation).toBe(table.metadataLocation);
    expect(await listTrash(t.ctx)).toEqual([]);
    const actions = (await listAuditEvents(t.db, { action: "t" })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["table.drop", "trash.restore"]));
  });

  it("frees the name at once; a restore onto a taken name asks for another one", async () => {
    const first = await tableWithRows("reused");
    await dropTable(t.ctx, ident("reused"));
    const second = await createTable(t.ctx, ident("reused"), { schema });
    expect(second.row.id).not.toBe(first.row.id);
    await expect(restoreFromTrash(t.ctx, first.row.id)).rejects.toMatchObject({ code: "conflict", message: "Table db.reused exists again; restore this one under another name." });
    const restored = await restoreFromTrash(t.ctx, first.row.id, { newName: "reused_old" });
    expect(restored.name).toBe("reused_old");
    expect((await loadTable(t.ctx, ident("reused_old"))).metadata.tableUuid).toBe(first.metadata.tableUuid);
    await expect(restoreFromTrash(t.ctx, first.row.id)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses to drop a protected table, with or without purge, until unprotected", async () => {
    await createTable(t.ctx, ident("keep"), { schema });
    await expect(setTableProtected(t.as(analyst), ident("keep"), true)).rejects.toMatchObject({ code: "forbidden" });
    await setTableProtected(t.as(steward), ident("keep"), true);
    await expect(dropTable(t.ctx, ident("keep"))).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("protected") });
    await expect(dropTable(t.ctx, ident("keep"), { purge: true })).rejects.toMatchObject({ code: "conflict" });
    await setTableProtected(t.ctx, ident("keep"), false);
    await dropTable(t.ctx, ident("keep"));
  });

  it("drops an empty namespace into the trash; its dropped tables wait with it", async () => {
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["scratch"] });
    await createTable(t.ctx, ident("tmp", ["scratch"]), { schema });
    await dropTable(t.ctx, ident("tmp", ["scratch"]));
    await dropNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["scratch"] });
    const trash = await listTrash(t.ctx, "lake");
    const ns = trash.find((i) => i.kind === "namespace")!;
    const tmp = trash.find((i) => i.name === "tmp")!;
    await expect(restoreFromTrash(t.ctx, tmp.id)).rejects.toMatchObject({ code: "conflict", message: "Namespace scratch is in the trash too; restore it first." });
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["scratch"] });
    await expect(restoreFromTrash(t.ctx, ns.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("exists again") });
    await restoreFromTrash(t.ctx, ns.id, { newName: "scratch_old" });
    await restoreFromTrash(t.ctx, tmp.id);
    expect(await listTables(t.ctx, { catalog: "lake", namespace: ["scratch_old"] })).toEqual(["tmp"]);
    expect(await namespaceExists(t.db, t.ctx.actor, { catalog: "lake", namespace: ["scratch_old"] })).toBe(true);
  });
});

describe("purging the trash", () => {
  it("purges only what is past retention: managed files go, files registered in place stay", async () => {
    await updateCatalog(t.db, t.ctx.actor, "lake", { updates: { "trash.retention-days": "1" } });
    const managed = await tableWithRows("managed_gone");
    const source = await tableWithRows("in_place_source");
    await registerTable(t.ctx, ident("in_place"), source.metadataLocation);
    await dropTable(t.ctx, ident("managed_gone"));
    await dropTable(t.ctx, ident("in_place"));
    const now = Date.now();
    expect(await purgeTrash(t.ctx, new Date(now + DAY / 2))).toMatchObject({ tables: 0, failed: 0 });
    const result = await purgeTrash(t.ctx, new Date(now + DAY + 60_000));
    expect(result).toMatchObject({ failed: 0, more: false });
    expect(result.tables).toBeGreaterThanOrEqual(2);
    expect(existsSync(managed.metadataLocation)).toBe(false);
    expect(filesUnder(folderOf(managed))).toEqual([]);
    expect(existsSync(source.metadataLocation)).toBe(true);
    expect(filesUnder(folderOf(source)).length).toBeGreaterThan(3);
    expect((await loadTable(t.ctx, ident("in_place_source"))).metadataLocation).toBe(source.metadataLocation);
    expect((await listTrash(t.ctx)).filter((i) => i.name === "managed_gone" || i.name === "in_place")).toEqual([]);
    expect((await listAuditEvents(t.db, { action: "trash.purge" })).length).toBeGreaterThanOrEqual(2);
    await expect(purgeTrash(t.as(steward))).rejects.toMatchObject({ code: "forbidden" });
  });

  it("is safe to run twice at once: each object is purged once", async () => {
    await tableWithRows("twice");
    await dropTable(t.ctx, ident("twice"));
    const later = new Date(Date.now() + 2 * DAY);
    const [a, b] = await Promise.all([purgeTrash(t.ctx, later), purgeTrash(t.ctx, later)]);
    expect(a.tables + b.tables).toBeGreaterThanOrEqual(1);
    expect(a.failed + b.failed).toBe(0);
    expect((await listAuditEvents(t.db, { action: "trash.purge" })).filter((e) => e.details.table === "twice")).toHaveLength(1);
    expect(await purgeTrash(t.ctx, later)).toMatchObject({ tables: 0, views: 0, namespaces: 0 });
  });

  it("purges a namespace with the tables still in the trash inside it", async () => {
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["old"] });
    await createTable(t.ctx, ident("inner", ["old"]), { schema });
    const inner = await loadTable(t.ctx, ident("inner", ["old"]));
    await dropTable(t.ctx, ident("inner", ["old"]));
    await updateCatalog(t.db, t.ctx.actor, "lake", { updates: { "trash.retention-days": "0" } });
    await dropNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["old"] });
    const result = await purgeTrash(t.ctx, new Date(Date.now() + 1000));
    expect(result.namespaces).toBe(1);
    expect(existsSync(inner.metadataLocation)).toBe(false);
    expect(await t.db.catalogTable.count({ where: { id: inner.row.id } })).toBe(0);
  });

  it("drop with purge skips the trash and deletes a view's files too", async () => {
    const view = await createView(t.ctx, ident("v"), { schema, representations: [{ type: "sql", sql: "select 1 as id", dialect: "duckdb" }], defaultNamespace: ["db"] });
    await dropView(t.ctx, ident("v"), { purge: true });
    expect(await viewExists(t.ctx, ident("v"))).toBe(false);
    expect(existsSync(view.metadataLocation)).toBe(false);
    expect((await listTrash(t.ctx)).some((i) => i.name === "v")).toBe(false);
  });

  it("refuses a retention that is not a whole number of days", async () => {
    await expect(updateCatalog(t.db, t.ctx.actor, "lake", { updates: { "trash.retention-days": "soon" } })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("whole number of days") });
    await expect(createCatalog(t.db, t.ctx.actor, { name: "x", kind: "lake", properties: { "trash.retention-days": "-1" } })).rejects.toMatchObject({ code: "bad_request" });
  });
});
