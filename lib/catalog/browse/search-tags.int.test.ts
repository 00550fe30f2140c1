import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import {
  assignTag,
  createCatalog,
  createNamespace,
  createTable,
  defineTagKey,
  dropTable,
  type TagTarget,
} from "../index";
import { searchCatalog } from "./index";

let t: TestCatalog;
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: false },
    { id: 2, name: "email", type: "string", required: false },
  ],
};
const table = (catalog: string, namespace: string[], name: string): TagTarget => ({
  kind: "table",
  catalog,
  namespace,
  name,
});

beforeAll(async () => {
  t = await testCatalog({ catalog: "lake", namespace: ["sales"] });
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["sales", "eu"] });
  await createNamespace(t.db, t.ctx.actor, { catalog: "lake", namespace: ["hr"] });
  await createCatalog(t.db, t.ctx.actor, { name: "shop", kind: "managed" });
  await createCatalog(t.db, t.ctx.actor, { name: "inner", kind: "managed", parent: "shop" });
  await createNamespace(t.db, t.ctx.actor, { catalog: "shop/inner", namespace: ["web"] });
  for (const [catalog, namespace, name] of [
    ["lake", ["sales"], "orders"],
    ["lake", ["sales"], "forecast"],
    ["lake", ["sales", "eu"], "eu_orders"],
    ["lake", ["hr"], "people"],
    ["lake", ["hr"], "payroll"],
    ["lake", ["hr"], "gone"],
    ["shop/inner", ["web"], "clicks"],
  ] as const) {
    await createTable(t.ctx, { catalog, namespace: [...namespace], name }, { schema });
  }
  await defineTagKey(t.ctx, {
    name: "domain",
    allowedValues: ["sales", "salesforce", "finance", "web"],
  });
  await defineTagKey(t.ctx, { name: "pii", allowedValues: ["true", "false"] });
  await defineTagKey(t.ctx, { name: "class", allowedValues: ["pii", "public"] });
  await assignTag(
    t.ctx,
    { kind: "namespace", catalog: "lake", namespace: ["sales"] },
    "domain",
    "sales",
  );
  await assignTag(t.ctx, table("lake", ["sales"], "forecast"), "domain", "finance");
  await assignTag(t.ctx, table("lake", ["hr"], "payroll"), "domain", "salesforce");
  await assignTag(
    t.ctx,
    { kind: "column", catalog: "lake", namespace: ["hr"], name: "people", column: "email" },
    "pii",
    "true",
  );
  await assignTag(t.ctx, table("lake", ["hr"], "payroll"), "class", "pii");
  await assignTag(t.ctx, table("lake", ["hr"], "gone"), "pii", "true");
  await dropTable(t.ctx, { catalog: "lake", namespace: ["hr"], name: "gone" });
  await assignTag(t.ctx, { kind: "catalog", catalog: "shop" }, "domain", "web");
});
afterAll(() => t.close());

/** The tables and views found. */
const names = async (q: string) =>
  (await searchCatalog(t.ctx, q, { limit: 50 }))
    .filter((h) => h.kind !== "catalog" && h.kind !== "namespace")
    .map((h) => h.name)
    .sort();

describe("searching by tag", () => {
  it("a word finds tables with a tag key or value containing it, on the table or a column", async () => {
    expect(await names("pii")).toEqual(["payroll", "people"]);
    const hits = await searchCatalog(t.ctx, "pii");
    expect(hits.find((h) => h.name === "people")).toMatchObject({
      match: "tag",
      tags: [{ key: "pii", value: "true", from: "column email" }],
    });
    expect(hits.find((h) => h.name === "payroll")).toMatchObject({
      match: "tag",
      tags: [{ key: "class", value: "pii", from: "table" }],
    });
  });

  it("key=value finds exactly that tag: direct, from a namespace or its parent, from a catalog or its parent", async () => {
    expect(await names("domain=sales")).toEqual(["eu_orders", "orders"]);
    expect(await names("DOMAIN=Sales")).toEqual(["eu_orders", "orders"]);
    expect(await names("domain=finance")).toEqual(["forecast"]);
    expect(await names("domain=salesforce")).toEqual(["payroll"]);
    expect(await names("domain=web")).toEqual(["clicks"]);
    expect(await names("domain=nope")).toEqual([]);
    const [eu] = await searchCatalog(t.ctx, "domain=sales eu");
    expect(eu).toMatchObject({
      name: "eu_orders",
      tags: [{ key: "domain", value: "sales", from: "namespace sales" }],
    });
    expect(
      (await searchCatalog(t.ctx, "domain=web")).find((h) => h.name === "clicks")?.tags,
    ).toEqual([{ key: "domain", value: "web", from: "catalog shop" }]);
  });

  it("a nearer tag of the same key overrides an inherited one", async () => {
    expect(await names("domain=sales")).not.toContain("forecast");
    expect(await names("sales finance")).toEqual(["forecast"]);
  });

  it("combines with other words, and ranks a tag match like a column match, below names", async () => {
    expect(await names("orders domain=sales")).toEqual(["eu_orders", "orders"]);
    expect(await names("people pii")).toEqual(["people"]);
    await defineTagKey(t.ctx, { name: "forecast_owner", allowedValues: ["ops"] });
    await assignTag(t.ctx, table("lake", ["sales"], "orders"), "forecast_owner", "ops");
    const hits = await searchCatalog(t.ctx, "forecast");
    expect(hits.map((h) => `${h.name}:${h.match}`)).toEqual(["forecast:exact", "orders:tag"]);
  });

  it("leaves out tables in the trash", async () => {
    expect(await names("pii=true")).toEqual(["people"]);
  });

  it("finds catalogs and namespaces by their own tags", async () => {
    const hits = await searchCatalog(t.ctx, "domain=sales");
    const containers = hits.filter((h) => h.kind === "catalog" || h.kind === "namespace");
    expect(containers.map((h) => `${h.kind} ${h.name}`)).toEqual(["namespace sales"]);
    expect(containers[0]).toMatchObject({
      match: "tag",
      tags: [{ key: "domain", value: "sales", from: "namespace" }],
    });
    const web = (await searchCatalog(t.ctx, "domain=web")).filter((h) => h.kind === "catalog");
    expect(web.map((h) => h.name)).toEqual(["shop"]);
  });
});
