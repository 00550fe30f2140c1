import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserPrincipal } from "@/lib/access";
import { type Schema, viewMetadataToJson } from "@/lib/iceberg/spec";
import { replaceViewCommit } from "@/lib/iceberg/views";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { writeViewMetadata } from "./metadata-files";
import { expectRestSchema } from "@/tests/support/rest-spec";
import {
  commitView,
  createNamespace,
  createTable,
  createView,
  dropView,
  listTables,
  listTrash,
  listViews,
  listViewsPage,
  loadTable,
  loadView,
  registerView,
  renameTable,
  renameView,
  replaceView,
  restoreFromTrash,
  setViewProperties,
  viewExists,
} from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["other"] });
  await createTable(t.ctx, ident("orders"), { schema });
});
afterAll(() => t.close());

const ident = (name: string, namespace = ["db"]) => ({ catalog: "lake", namespace, name });
const schema: Schema = { type: "struct", schemaId: 0, fields: [{ id: 1, name: "id", type: "long", required: false, doc: "Order Id" }] };
const sql = (text: string, dialect = "duckdb") => ({ type: "sql" as const, sql: text, dialect });
const definition = { schema, representations: [sql("SELECT id FROM orders")], defaultNamespace: ["db"], summary: { "engine-name": "tarn" } };
const analyst: UserPrincipal = { kind: "user", userId: "a", username: "ana", displayName: null, role: "analyst", groupIds: [] };

describe("views", () => {
  it("creates a view whose metadata file sits under the catalog folder, in the REST shape", async () => {
    const view = await createView(t.as(analyst), ident("recent"), { ...definition, properties: { comment: "Recent Orders" } });
    expect(view.metadataLocation.startsWith(t.warehouse)).toBe(true);
    expect(view.metadataLocation).toMatch(/\/lake\/db\/recent-[0-9a-f]{32}\/metadata\/00000-[0-9a-f-]{36}\.metadata\.json$/);
    expect(view.row).toMatchObject({ kind: "view", comment: "Recent Orders", owner: "ana", searchText: "recent\ndb\nrecent orders\nid\norder id" });
    const loaded = await loadView(t.ctx, ident("recent"));
    expect(loaded.metadata).toEqual(view.metadata);
    expectRestSchema("LoadViewResult", { "metadata-location": loaded.metadataLocation, metadata: viewMetadataToJson(loaded.metadata) });
    expect(await viewExists(t.ctx, ident("recent"))).toBe(true);
    expect(await viewExists(t.ctx, ident("orders"))).toBe(false);
  });

  it("shares names with tables: neither may take the other's, and each loads only as itself", async () => {
    await expect(createView(t.ctx, ident("orders"), definition)).rejects.toMatchObject({ code: "conflict", message: "Table db.orders already exists." });
    await expect(createTable(t.ctx, ident("recent"), { schema })).rejects.toMatchObject({ code: "conflict", message: "View db.recent already exists." });
    await expect(loadTable(t.ctx, ident("recent"))).rejects.toMatchObject({ code: "not_found", message: "Table db.recent does not exist." });
    await expect(loadView(t.ctx, ident("orders"))).rejects.toMatchObject({ code: "not_found", message: "View db.orders does not exist." });
    await expect(loadView(t.ctx, ident("x", ["nope"]))).rejects.toMatchObject({ code: "not_found", message: "Namespace nope does not exist." });
    expect(await listTables(t.ctx, { catalog: "lake", namespace: ["db"] })).toEqual(["orders"]);
    expect(await listViews(t.ctx, { catalog: "lake", namespace: ["db"] })).toEqual(["recent"]);
    expect(await listViewsPage(t.ctx, { catalog: "lake", namespace: ["other"] }, { pageToken: "" })).toEqual({ items: [], nextPageToken: null });
  });

  it("replaces the definition as a new version, re-using an equal one, refusing to lose a dialect", async () => {
    const v2 = await replaceView(t.ctx, ident("recent"), { ...definition, representations: [sql("SELECT id FROM orders WHERE id > 10")] });
    expect(v2.metadata.currentVersionId).toBe(2);
    expect(v2.metadataLocation).toMatch(/\/metadata\/00001-/);
    const back = await replaceView(t.ctx, ident("recent"), definition);
    expect(back.metadata.currentVersionId).toBe(1);
    expect(back.metadata.versions).toHaveLength(2);
    const both = await replaceView(t.ctx, ident("recent"), { ...definition, representations: [sql("SELECT id FROM orders"), sql("SELECT id FROM db.orders", "spark")] });
    expect(both.metadata.currentVersionId).toBe(3);
    await expect(replaceView(t.ctx, ident("recent"), definition)).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("drops the SQL for spark") });
    expectRestSchema("ViewMetadata", viewMetadataToJson(both.metadata));
  });

  it("takes a REST commit: assert-view-uuid must hold; a lost race re-applies it on fresh metadata", async () => {
    const { metadata } = await loadView(t.ctx, ident("recent"));
    const commit = replaceViewCommit(metadata, { ...definition, representations: [sql("SELECT 4 AS id"), sql("SELECT 4 AS id", "spark")] });
    await expect(commitView(t.ctx, ident("recent"), { ...commit, requirements: [{ type: "assert-view-uuid", uuid: "00000000-0000-0000-0000-000000000000" }] })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("view UUID has changed") });
    const [first, second] = await Promise.all([commitView(t.ctx, ident("recent"), commit), setViewProperties(t.ctx, ident("recent"), { updates: { owner_team: "sales" } })]);
    const final = await loadView(t.ctx, ident("recent"));
    expect(final.metadata.properties.owner_team).toBe("sales");
    expect(final.metadata.currentVersionId).toBe(first.metadata.currentVersionId);
    expect([first.metadataLocation, second.metadataLocation]).toContain(final.metadataLocation);
    await expect(commitView(t.ctx, ident("recent"), { requirements: [], updates: [{ action: "set-current-view-version", viewVersionId: 99 }] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("unknown version 99") });
  });

  it("retries after another process moved the pointer, on the fresh metadata", async () => {
    const { row, metadata } = await loadView(t.ctx, ident("recent"));
    const result = await commitView(t.ctx, ident("recent"), async ({ attempt }) => {
      if (attempt === 1) {
        // Another process: a new metadata file and the pointer moved, past our lock.
        const next = { ...metadata, properties: { ...metadata.properties, foreign: "yes" } };
        const location = path.join(path.dirname(row.metadataLocation as string), "99999-foreign.metadata.json");
        await writeViewMetadata(t.ctx.io, location, next);
        await t.db.catalogTable.update({ where: { id: row.id }, data: { metadataLocation: location } });
      }
      return { requirements: [{ type: "assert-view-uuid", uuid: metadata.viewUuid }], updates: [{ action: "set-properties", updates: { mine: "yes" } }] };
    });
    expect(result.attempts).toBe(2);
    expect(result.metadata.properties).toMatchObject({ foreign: "yes", mine: "yes" });
  });

  it("keeps the comment in step and moves only inside the storage location", async () => {
    await setViewProperties(t.ctx, ident("recent"), { updates: { comment: "Changed" } });
    expect((await loadView(t.ctx, ident("recent"))).row.comment).toBe("Changed");
    const moved = path.join(t.warehouse, "moved-view");
    const result = await commitView(t.ctx, ident("recent"), { requirements: [], updates: [{ action: "set-location", location: moved }] });
    expect(result.metadataLocation.startsWith(`${moved}/metadata/`)).toBe(true);
    await expect(commitView(t.ctx, ident("recent"), { requirements: [], updates: [{ action: "set-location", location: "/tmp/outside" }] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("outside") });
  });

  it("renames within and across namespaces, never onto a taken name", async () => {
    await renameView(t.ctx, ident("recent"), ident("recent2", ["other"]));
    expect(await listViews(t.ctx, { catalog: "lake", namespace: ["other"] })).toEqual(["recent2"]);
    expect((await loadView(t.ctx, ident("recent2", ["other"]))).row.searchText.startsWith("recent2\nother\n")).toBe(true);
    await createView(t.ctx, ident("v2"), definition);
    await expect(renameView(t.ctx, ident("recent2", ["other"]), ident("orders"))).rejects.toMatchObject({ code: "conflict", message: "Table db.orders already exists." });
    await expect(renameTable(t.ctx, ident("orders"), ident("v2"))).rejects.toMatchObject({ code: "conflict", message: "View db.v2 already exists." });
    await expect(renameView(t.ctx, ident("ghost"), ident("g2"))).rejects.toMatchObject({ code: "not_found" });
    await expect(renameView(t.ctx, ident("v2"), ident("v3", ["nope"]))).rejects.toMatchObject({ code: "not_found", message: "Namespace nope does not exist." });
    await expect(renameView(t.ctx, ident("orders"), ident("o2"))).rejects.toMatchObject({ code: "not_found", message: "View db.orders does not exist." });
  });

  it("drops into the trash and restores; analysts may not drop", async () => {
    await expect(dropView(t.as(analyst), ident("v2"))).rejects.toMatchObject({ code: "forbidden" });
    const before = await loadView(t.ctx, ident("v2"));
    await dropView(t.ctx, ident("v2"));
    expect(await viewExists(t.ctx, ident("v2"))).toBe(false);
    const item = (await listTrash(t.ctx)).find((i) => i.name === "v2");
    expect(item).toMatchObject({ kind: "view", deletesFiles: true });
    await restoreFromTrash(t.ctx, item!.id);
    expect((await loadView(t.ctx, ident("v2"))).metadataLocation).toBe(before.metadataLocation);
  });

  it("registers a view by its metadata file; never onto a taken name", async () => {
    const { metadataLocation } = await loadView(t.ctx, ident("v2"));
    const registered = await registerView(t.ctx, ident("v2_copy"), metadataLocation);
    expect(registered.row.managed).toBe(false);
    await expect(registerView(t.ctx, ident("orders"), metadataLocation)).rejects.toMatchObject({ code: "conflict" });
    await expect(registerView(t.ctx, ident("bad"), "/tmp/nothing.metadata.json")).rejects.toMatchObject({ code: "bad_request" });
    const table = await loadTable(t.ctx, ident("orders"));
    await expect(registerView(t.ctx, ident("bad"), table.metadataLocation)).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("as a view") });
  });

  it("refuses views without SQL, or with two SQLs for one dialect", async () => {
    await expect(createView(t.ctx, ident("empty"), { ...definition, representations: [] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("at least one SQL") });
    await expect(createView(t.ctx, ident("twice"), { ...definition, representations: [sql("a"), sql("b", "DuckDB")] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining('dialect "duckdb"') });
    expect(await viewExists(t.ctx, ident("empty"))).toBe(false);
  });
});
