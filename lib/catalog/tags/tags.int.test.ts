import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, type UserPrincipal } from "@/lib/access";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import {
  alterSchema,
  createCatalog,
  createNamespace,
  createTable,
  createView,
  dropNamespace,
  dropTable,
  purgeTrash,
  renameTable,
  restoreFromTrash,
} from "../index";
import {
  assignTag,
  columnTags,
  defineTagKey,
  deleteTagKey,
  effectiveTags,
  listTagKeys,
  objectTags,
  removeTagAssignment,
  type TagTarget,
  tagKeyUsage,
  unassignTag,
  updateTagKey,
} from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog({ catalog: "lake", namespace: ["sales"] });
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["sales", "eu"] });
  await createTable(t.ctx, ident("customers"), { schema });
  await createTable(t.ctx, ident("orders", ["sales", "eu"]), { schema });
  await createView(t.ctx, ident("v"), {
    schema,
    representations: [{ type: "sql", sql: "select 1 as id", dialect: "duckdb" }],
    defaultNamespace: ["sales"],
  });
  await defineTagKey(t.ctx, {
    name: "domain",
    description: "Business domain",
    allowedValues: ["sales", "finance", "marketing"],
  });
  await defineTagKey(t.ctx, { name: "pii", allowedValues: ["true", "false"] });
});
afterAll(() => t.close());

const ident = (name: string, namespace = ["sales"]) => ({ catalog: "lake", namespace, name });
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "email", type: "string", required: false },
  ],
};
const user = (role: "steward" | "analyst" | "admin", name = role): UserPrincipal => ({
  kind: "user",
  userId: name,
  username: name,
  displayName: null,
  role,
  groupIds: [],
});
const catalog: TagTarget = { kind: "catalog", catalog: "lake" };
const sales: TagTarget = { kind: "namespace", catalog: "lake", namespace: ["sales"] };
const eu: TagTarget = { kind: "namespace", catalog: "lake", namespace: ["sales", "eu"] };
const customers: TagTarget = { kind: "table", ...ident("customers") };
const email: TagTarget = { kind: "column", ...ident("customers"), column: "email" };
const tagsOf = async (target: TagTarget) =>
  (await effectiveTags(t.ctx, target)).map(
    (tag) =>
      `${tag.key}=${tag.value}${tag.inherited ? ` from ${tag.from.kind} ${tag.from.label}` : ""}`,
  );

describe("tag keys", () => {
  it("are defined by admins only, named like other objects, with a non-empty list of distinct values", async () => {
    await expect(
      defineTagKey(t.as(user("steward")), { name: "x", allowedValues: ["a"] }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(defineTagKey(t.ctx, { name: "", allowedValues: ["a"] })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("cannot be empty"),
    });
    await expect(defineTagKey(t.ctx, { name: " pad", allowedValues: ["a"] })).rejects.toMatchObject(
      { code: "bad_request" },
    );
    await expect(defineTagKey(t.ctx, { name: "a=b", allowedValues: ["a"] })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("="),
    });
    await expect(
      defineTagKey(t.ctx, { name: "x".repeat(256), allowedValues: ["a"] }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(defineTagKey(t.ctx, { name: "x", allowedValues: [] })).rejects.toMatchObject({
      code: "bad_request",
      message: expect.stringContaining("at least one allowed value"),
    });
    await expect(
      defineTagKey(t.ctx, { name: "x", allowedValues: ["a", "A"] }),
    ).rejects.toMatchObject({ code: "bad_request", message: 'The value "A" is listed twice.' });
    await expect(defineTagKey(t.ctx, { name: "x", allowedValues: [""] })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(
      defineTagKey(t.ctx, { name: "DOMAIN", allowedValues: ["a"] }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: 'A tag key named "DOMAIN" already exists.',
    });
    const keys = await listTagKeys(t.as(user("analyst")));
    expect(keys.map((k) => k.name)).toEqual(["domain", "pii"]);
    expect(keys[0]).toMatchObject({
      description: "Business domain",
      allowedValues: ["sales", "finance", "marketing"],
      createdBy: "system",
      usageCount: 0,
    });
    expect(
      (await listAuditEvents(t.db, { action: "tag.define" })).map((e) => e.details.key),
    ).toEqual(["pii", "domain"]);
  });

  it("change their description and values; an unused value may go", async () => {
    const info = await updateTagKey(t.ctx, "domain", {
      description: "Owning domain",
      allowedValues: ["sales", "finance", "marketing", "ops"],
    });
    expect(info).toMatchObject({
      description: "Owning domain",
      allowedValues: ["sales", "finance", "marketing", "ops"],
    });
    await updateTagKey(t.ctx, "domain", { allowedValues: ["sales", "finance", "marketing"] });
    await expect(
      updateTagKey(t.as(user("steward")), "domain", { description: "x" }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateTagKey(t.ctx, "nope", { description: "x" })).rejects.toMatchObject({
      code: "not_found",
      message: 'There is no tag key named "nope".',
    });
    expect((await listAuditEvents(t.db, { action: "tag.update" }))[0].details).toMatchObject({
      key: "domain",
      removed: ["ops"],
    });
  });
});

describe("assigning tags", () => {
  it("tags every kind of object with an allowed value, one value per key, audited", async () => {
    await assignTag(t.ctx, catalog, "domain", "finance");
    await assignTag(t.ctx, sales, "domain", "sales");
    await assignTag(t.ctx, customers, "pii", "false");
    await assignTag(t.ctx, email, "PII", "TRUE");
    await assignTag(t.ctx, { kind: "view", ...ident("v") }, "domain", "marketing");
    expect(await objectTags(t.ctx, email)).toMatchObject([
      { key: "pii", value: "true", assignedBy: "system" },
    ]);
    const replaced = await assignTag(t.ctx, customers, "pii", "true");
    expect(replaced).toEqual({ key: "pii", value: "true", replaced: "false" });
    expect((await objectTags(t.ctx, customers)).map((x) => x.value)).toEqual(["true"]);
    await expect(assignTag(t.ctx, customers, "pii", "maybe")).rejects.toMatchObject({
      code: "bad_request",
      message: '"maybe" is not an allowed value of pii (allowed: true, false).',
    });
    await expect(assignTag(t.ctx, customers, "nope", "x")).rejects.toMatchObject({
      code: "not_found",
    });
    await expect(
      assignTag(t.ctx, { kind: "table", ...ident("missing") }, "pii", "true"),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      assignTag(t.ctx, { kind: "view", ...ident("customers") }, "pii", "true"),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      assignTag(t.ctx, { kind: "column", ...ident("customers"), column: "nope" }, "pii", "true"),
    ).rejects.toMatchObject({ code: "not_found" });
    const events = await listAuditEvents(t.db, { action: "tag.assign" });
    expect(events[0].details).toMatchObject({
      object: "table lake.sales.customers",
      key: "pii",
      value: "true",
      replaced: "false",
    });
  });

  it("names a column by field id or by name; the field id keeps the tag through a rename", async () => {
    const byId: TagTarget = { kind: "column", ...ident("customers"), fieldId: 1 };
    await assignTag(t.ctx, byId, "domain", "sales");
    expect(
      await objectTags(t.ctx, { kind: "column", ...ident("customers"), column: "id" }),
    ).toMatchObject([{ key: "domain", value: "sales" }]);
    await alterSchema(t.ctx, ident("customers"), (s) => s.renameColumn("id", "customer_id"));
    expect(
      await objectTags(t.ctx, { kind: "column", ...ident("customers"), column: "customer_id" }),
    ).toMatchObject([{ key: "domain" }]);
    expect(
      (await columnTags(t.ctx, ident("customers"))).map((c) => `${c.fieldId}:${c.key}=${c.value}`),
    ).toEqual(["1:domain=sales", "2:pii=true"]);
    await unassignTag(t.ctx, byId, "domain");
    await expect(unassignTag(t.ctx, byId, "domain")).rejects.toMatchObject({
      code: "not_found",
      message: "Column lake.sales.customers.customer_id has no domain tag.",
    });
    expect(await listAuditEvents(t.db, { action: "tag.unassign" })).toHaveLength(1);
  });

  it("asks tag.assign and the object's own properties operation", async () => {
    const analyst = t.as(user("analyst"));
    const steward = t.as(user("steward"));
    await assignTag(
      analyst,
      { kind: "table", ...ident("orders", ["sales", "eu"]) },
      "pii",
      "false",
    );
    await unassignTag(analyst, { kind: "table", ...ident("orders", ["sales", "eu"]) }, "pii");
    await expect(assignTag(analyst, eu, "pii", "false")).rejects.toMatchObject({
      code: "forbidden",
      message: "You do not have permission to change or drop namespaces.",
    });
    await expect(assignTag(steward, catalog, "pii", "false")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(unassignTag(steward, catalog, "domain")).rejects.toMatchObject({
      code: "forbidden",
    });
    await assignTag(steward, eu, "pii", "false");
    await unassignTag(steward, eu, "pii");
    await expect(assignTag(t.as(null as never), customers, "pii", "true")).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });
});

describe("effective tags", () => {
  it("inherit catalog → namespaces → table → column, the nearest assignment winning", async () => {
    expect(await tagsOf(catalog)).toEqual(["domain=finance"]);
    expect(await tagsOf(sales)).toEqual(["domain=sales"]);
    expect(await tagsOf(eu)).toEqual(["domain=sales from namespace lake.sales"]);
    expect(await tagsOf({ kind: "table", ...ident("orders", ["sales", "eu"]) })).toEqual([
      "domain=sales from namespace lake.sales",
    ]);
    expect(await tagsOf(customers)).toEqual(["domain=sales from namespace lake.sales", "pii=true"]);
    expect(await tagsOf(email)).toEqual(["domain=sales from namespace lake.sales", "pii=true"]);
    expect(await tagsOf({ kind: "view", ...ident("v") })).toEqual(["domain=marketing"]);
    await assignTag(t.ctx, eu, "domain", "finance");
    expect(await tagsOf({ kind: "table", ...ident("orders", ["sales", "eu"]) })).toEqual([
      "domain=finance from namespace lake.sales.eu",
    ]);
    await unassignTag(t.ctx, eu, "domain");
  });

  it("come from parent catalogs too", async () => {
    await createCatalog(t.db, t.ctx.actor, { name: "inner", kind: "managed", parent: "lake" });
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake/inner", namespace: ["x"] });
    expect(await tagsOf({ kind: "namespace", catalog: "lake/inner", namespace: ["x"] })).toEqual([
      "domain=finance from catalog lake",
    ]);
  });
});

describe("tags in use", () => {
  it("keep their key and values: refusals name where they are used", async () => {
    await expect(deleteTagKey(t.ctx, "pii")).rejects.toMatchObject({
      code: "conflict",
      message:
        "Tag key pii is used on column lake.sales.customers.email, table lake.sales.customers; remove those tags first.",
    });
    await expect(
      updateTagKey(t.ctx, "domain", { allowedValues: ["finance", "marketing"] }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: "domain=sales is still used on namespace lake.sales; remove those tags first.",
    });
    const usage = await tagKeyUsage(t.ctx, "domain");
    expect(usage.total).toBe(3);
    expect(usage.usages.map((u) => u.label)).toEqual([
      "catalog lake",
      "namespace lake.sales",
      "view lake.sales.v",
    ]);
    await expect(tagKeyUsage(t.as(user("steward")), "domain")).rejects.toMatchObject({
      code: "forbidden",
    });
    expect((await listTagKeys(t.ctx)).map((k) => `${k.name}:${k.usageCount}`)).toEqual([
      "domain:3",
      "pii:2",
    ]);
  });

  it("stay with renamed, dropped and restored objects; purging deletes them and frees the key", async () => {
    await renameTable(t.ctx, ident("customers"), ident("clients"));
    expect(await tagsOf({ kind: "column", ...ident("clients"), column: "email" })).toEqual([
      "domain=sales from namespace lake.sales",
      "pii=true",
    ]);
    await dropTable(t.ctx, ident("clients"));
    expect((await tagKeyUsage(t.ctx, "pii")).usages.map((u) => u.label)).toEqual([
      "column lake.sales.clients.email (in the trash)",
      "table lake.sales.clients (in the trash)",
    ]);
    await expect(deleteTagKey(t.ctx, "pii")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("(in the trash)"),
    });
    const row = await t.db.catalogTable.findFirstOrThrow({ where: { name: "clients" } });
    await restoreFromTrash(t.ctx, row.id);
    expect(await tagsOf({ kind: "table", ...ident("clients") })).toEqual([
      "domain=sales from namespace lake.sales",
      "pii=true",
    ]);
    await dropTable(t.ctx, ident("clients"));
    await purgeTrash(t.ctx, new Date(Date.now() + 30 * 24 * 3600 * 1000));
    expect((await tagKeyUsage(t.ctx, "domain")).usages.map((u) => u.label)).not.toContain(
      "table lake.sales.clients",
    );
    expect((await tagKeyUsage(t.ctx, "pii")).total).toBe(0);
    expect((await tagKeyUsage(t.ctx, "domain")).usages.map((u) => u.label)).not.toContain(
      "table lake.sales.clients",
    );
    expect((await tagKeyUsage(t.ctx, "pii")).total).toBe(0);
    await deleteTagKey(t.ctx, "pii");
    expect((await listTagKeys(t.ctx)).map((k) => k.name)).toEqual(["domain"]);
    expect((await listAuditEvents(t.db, { action: "tag.delete" }))[0].details).toEqual({
      key: "pii",
    });
  });

  it("stay with a namespace dropped into the trash and restored", async () => {
    await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["scratch"] });
    const scratch: TagTarget = { kind: "namespace", catalog: "lake", namespace: ["scratch"] };
    await assignTag(t.ctx, scratch, "domain", "marketing");
    await dropNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["scratch"] });
    expect((await tagKeyUsage(t.ctx, "domain")).usages.map((u) => u.label)).toContain(
      "namespace lake.scratch (in the trash)",
    );
    const row = await t.db.namespace.findFirstOrThrow({ where: { path: "scratch" } });
    await restoreFromTrash(t.ctx, row.id);
    expect(await tagsOf(scratch)).toEqual(["domain=marketing"]);
  });

  it("left on a dropped column can be removed by admins from the key's uses", async () => {
    await createTable(t.ctx, ident("wide"), { schema });
    await assignTag(
      t.ctx,
      { kind: "column", ...ident("wide"), column: "email" },
      "domain",
      "sales",
    );
    await alterSchema(t.ctx, ident("wide"), (s) => s.deleteColumn("email"));
    const orphan = (await tagKeyUsage(t.ctx, "domain")).usages.find(
      (u) => u.label === "column lake.sales.wide.email",
    )!;
    await expect(removeTagAssignment(t.as(user("steward")), orphan.id)).rejects.toMatchObject({
      code: "forbidden",
    });
    await removeTagAssignment(t.ctx, orphan.id);
    await expect(removeTagAssignment(t.ctx, orphan.id)).rejects.toMatchObject({
      code: "not_found",
    });
    expect((await tagKeyUsage(t.ctx, "domain")).usages.map((u) => u.label)).not.toContain(
      "column lake.sales.wide.email",
    );
  });
});
