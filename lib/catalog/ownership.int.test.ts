import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, type UserPrincipal } from "@/lib/access";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { catalogInfo, createTable, createView, findCatalog, loadNamespace, loadTable, loadView, setOwner, updateCatalog } from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
  await t.db.user.create({ data: { username: "olga", role: "steward" } });
  await t.db.group.create({ data: { name: "Data Team" } });
  await createTable(t.ctx, ident("orders"), { schema });
  await createView(t.ctx, ident("v"), { schema, representations: [{ type: "sql", sql: "select 1 as id", dialect: "duckdb" }], defaultNamespace: ["db"] });
});
afterAll(() => t.close());

const ident = (name: string) => ({ catalog: "lake", namespace: ["db"], name });
const schema: Schema = { type: "struct", schemaId: 0, fields: [{ id: 1, name: "id", type: "long", required: false }] };
const steward: UserPrincipal = { kind: "user", userId: "s", username: "stu", displayName: null, role: "steward", groupIds: [] };

describe("catalog comment and properties", () => {
  it("sets and removes them, admins only, audited", async () => {
    const info = await updateCatalog(t.db, t.ctx.actor, "lake", { comment: "The Lake", updates: { a: "1", b: "2" } });
    expect(info).toMatchObject({ comment: "The Lake", properties: { a: "1", b: "2" } });
    const next = await updateCatalog(t.db, t.ctx.actor, "lake", { comment: null, removals: ["a"] });
    expect(next).toMatchObject({ comment: null, properties: { b: "2" } });
    expect(catalogInfo(await findCatalog(t.db, "lake")).properties).toEqual({ b: "2" });
    await expect(updateCatalog(t.db, steward, "lake", { comment: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateCatalog(t.db, t.ctx.actor, "lake", { updates: { a: "1" }, removals: ["a"] })).rejects.toMatchObject({ code: "bad_request" });
    await expect(updateCatalog(t.db, t.ctx.actor, "nope", {})).rejects.toMatchObject({ code: "not_found" });
    expect((await listAuditEvents(t.db, { action: "catalog.update" })).length).toBe(2);
  });
});

describe("owners", () => {
  it("admins give any object to a user or a group", async () => {
    await setOwner(t.db, t.ctx.actor, { kind: "catalog", catalog: "lake" }, "olga");
    await setOwner(t.db, t.ctx.actor, { kind: "namespace", catalog: "lake", namespace: ["db"] }, "Data Team");
    await setOwner(t.db, t.ctx.actor, { kind: "table", ...ident("orders") }, "olga");
    await setOwner(t.db, t.ctx.actor, { kind: "view", ...ident("v") }, "Data Team");
    expect((await findCatalog(t.db, "lake")).owner).toBe("olga");
    expect((await loadNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["db"] })).owner).toBe("Data Team");
    expect((await loadTable(t.ctx, ident("orders"))).row.owner).toBe("olga");
    expect((await loadView(t.ctx, ident("v"))).row.owner).toBe("Data Team");
    expect((await listAuditEvents(t.db, { action: "owner.change" })).map((e) => e.details.object)).toContain("table lake.db.orders");
  });

  it("refuses stewards, unknown owners, and a table named as a view", async () => {
    await expect(setOwner(t.db, steward, { kind: "table", ...ident("orders") }, "olga")).rejects.toMatchObject({ code: "forbidden" });
    await expect(setOwner(t.db, t.ctx.actor, { kind: "table", ...ident("orders") }, "nobody")).rejects.toMatchObject({ code: "bad_request", message: 'There is no user or group named "nobody".' });
    await expect(setOwner(t.db, t.ctx.actor, { kind: "table", ...ident("v") }, "olga")).rejects.toMatchObject({ code: "not_found" });
  });
});
