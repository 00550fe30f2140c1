import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/access";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { createFederatedCatalog } from "../federated";
import { createCatalog, createNamespace, createTable, namespacePath } from "../index";
import { type BrowseItem, type BrowseNode, listChildren, searchCatalog } from "./index";

process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

let t: TestCatalog;
const remote = `tarn_browse_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const BULK = 400;

const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "customer_id", type: "long", required: false },
    { id: 3, name: "amount", type: "decimal(12, 2)", required: false, doc: "In euros" },
  ],
};

async function pgRun(database: string, ...statements: string[]): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port: 5432, user: "postgres", database });
  await client.connect();
  for (const sql of statements) await client.query(sql);
  await client.end();
}

async function namespaceId(levels: string[]): Promise<string> {
  return (
    await t.db.namespace.findFirstOrThrow({
      where: { path: namespacePath(levels), catalog: { path: "lake" } },
    })
  ).id;
}

beforeAll(async () => {
  t = await testCatalog();
  await createCatalog(t.db, SYSTEM, { name: "files", kind: "lake", comment: "Folders of files" });
  await createCatalog(t.db, SYSTEM, { name: "archive", kind: "managed", parent: "lake" });
  for (const namespace of [["sales"], ["sales", "eu"], ["marketing"]])
    await createNamespace(
      t.db,
      SYSTEM,
      { catalog: "lake", namespace },
      namespace[0] === "marketing" ? { comment: "Campaign data" } : {},
    );
  const sales = await namespaceId(["sales"]);
  // Many tables at once, as real rows: every one has the column shared_col.
  await t.db.catalogTable.createMany({
    data: Array.from({ length: BULK }, (_, i) => {
      const name = `t_${String(i).padStart(3, "0")}`;
      return {
        namespaceId: sales,
        name,
        kind: "iceberg",
        searchText: `${name}\nsales\nid\nshared_col`,
      };
    }),
  });
  await createTable(
    t.ctx,
    { catalog: "lake", namespace: ["sales"], name: "orders" },
    { schema, properties: { comment: "All orders" } },
  );
  await createTable(t.ctx, { catalog: "lake", namespace: ["db"], name: "order_items" }, { schema });
  await t.db.catalogTable.createMany({
    data: [
      { namespaceId: sales, name: "shared", kind: "view", searchText: "shared\nsales" },
      {
        namespaceId: sales,
        name: "raw_clicks",
        kind: "external",
        format: "json",
        location: "/x",
        managed: false,
        searchText: "raw_clicks\nsales",
      },
      {
        namespaceId: sales,
        name: "orders",
        kind: "iceberg",
        deletedKey: "gone-1",
        deletedAt: new Date(),
        searchText: "orders\nsales",
      },
    ],
  });
  await pgRun("postgres", `CREATE DATABASE ${remote}`);
  await pgRun(
    remote,
    "CREATE SCHEMA shop",
    "CREATE TABLE shop.carts (id int)",
    "CREATE VIEW shop.open_carts AS SELECT * FROM shop.carts",
  );
  await createFederatedCatalog(t.db, SYSTEM, {
    name: "pg",
    connection: { type: "postgresql", host: "127.0.0.1", database: remote, user: "postgres" },
  });
});
afterAll(async () => {
  await t.close();
  await pgRun("postgres", `DROP DATABASE IF EXISTS ${remote} WITH (FORCE)`);
});

const summary = (items: BrowseItem[]) => items.map((i) => `${i.kind}:${i.name}`);

async function listAll(
  node: BrowseNode,
  limit: number,
): Promise<{ items: BrowseItem[]; pages: number }> {
  const items: BrowseItem[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listChildren(t.ctx, node, { cursor, limit });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
    pages++;
  } while (cursor);
  return { items, pages };
}

describe("listChildren", () => {
  it("lists top-level catalogs at the root, with their kinds and nodes", async () => {
    const { items } = await listChildren(t.ctx, { kind: "root" });
    expect(summary(items)).toEqual(["catalog:files", "catalog:lake", "catalog:pg"]);
    expect(items[0]).toMatchObject({
      catalogKind: "lake",
      comment: "Folders of files",
      path: { catalog: "files", namespace: [] },
      node: { kind: "catalog", catalog: "files" },
    });
  });

  it("lists a catalog's child catalogs, then its top namespaces", async () => {
    const { items } = await listChildren(t.ctx, { kind: "catalog", catalog: "lake" });
    expect(summary(items)).toEqual([
      "catalog:archive",
      "namespace:db",
      "namespace:marketing",
      "namespace:sales",
    ]);
    expect(items[0].path.catalog).toBe("lake/archive");
    expect(items[2]).toMatchObject({
      comment: "Campaign data",
      node: { kind: "namespace", catalog: "lake", namespace: ["marketing"] },
    });
  });

  it("lists a namespace's child namespaces, then its tables, views and external tables, page by page", async () => {
    const node: BrowseNode = { kind: "namespace", catalog: "lake", namespace: ["sales"] };
    const first = await listChildren(t.ctx, node, { limit: 3 });
    expect(summary(first.items)).toEqual(["namespace:eu", "table:orders", "external:raw_clicks"]);
    expect(first.items[1]).toMatchObject({
      path: { catalog: "lake", namespace: ["sales"], name: "orders" },
      comment: "All orders",
      catalogKind: "managed",
    });
    const { items, pages } = await listAll(node, 97);
    expect(items).toHaveLength(1 + 1 + 1 + 1 + BULK); // eu, orders, raw_clicks, shared, t_000…
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(items.length / 97));
    expect(items.some((i) => i.kind === "view" && i.name === "shared")).toBe(true);
    expect(items.filter((i) => i.name === "orders")).toHaveLength(1); // the dropped one stays in the trash
  });

  it("continues across sections when a page ends exactly at the end of one", async () => {
    const node: BrowseNode = { kind: "catalog", catalog: "lake" };
    const first = await listChildren(t.ctx, node, { limit: 1 });
    expect(summary(first.items)).toEqual(["catalog:archive"]);
    const second = await listChildren(t.ctx, node, {
      limit: 3,
      cursor: first.nextCursor ?? undefined,
    });
    expect(summary(second.items)).toEqual([
      "namespace:db",
      "namespace:marketing",
      "namespace:sales",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("lists a federated catalog's schemas and tables live", async () => {
    const schemas = await listChildren(t.ctx, { kind: "catalog", catalog: "pg" });
    expect(summary(schemas.items)).toEqual(["namespace:public", "namespace:shop"]);
    expect(schemas.items[1].id).toMatch(/^federated:.+:shop$/);
    const tables = await listChildren(t.ctx, {
      kind: "namespace",
      catalog: "pg",
      namespace: ["shop"],
    });
    expect(summary(tables.items)).toEqual(["table:carts", "view:open_carts"]);
    expect(tables.items[0]).toMatchObject({
      catalogKind: "federated",
      path: { catalog: "pg", namespace: ["shop"], name: "carts" },
    });
  });

  it("says what is missing, refuses bad cursors, and shows nobody signed in nothing", async () => {
    await expect(listChildren(t.ctx, { kind: "catalog", catalog: "nope" })).rejects.toMatchObject({
      code: "not_found",
      message: "Catalog nope does not exist.",
    });
    await expect(
      listChildren(t.ctx, { kind: "namespace", catalog: "lake", namespace: ["nope"] }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      listChildren(t.ctx, { kind: "root" }, { cursor: "garbage" }),
    ).rejects.toMatchObject({ code: "bad_request" });
    await expect(listChildren(t.ctx, { kind: "root" }, { limit: 0 })).rejects.toMatchObject({
      code: "bad_request",
    });
    await expect(
      listChildren({ ...t.ctx, actor: null as never }, { kind: "root" }),
    ).rejects.toMatchObject({ code: "unauthenticated" });
  });
});

describe("searchCatalog", () => {
  const search = async (q: string, limit = 10) =>
    (await searchCatalog(t.ctx, q, { limit })).map(
      (h) =>
        `${h.match}:${h.kind}:${[h.path.catalog, ...h.path.namespace, h.path.name].filter(Boolean).join(".")}`,
    );

  it("ranks exact names, then prefixes, then names containing the query", async () => {
    expect(await search("orders")).toEqual(["exact:table:lake.sales.orders"]);
    expect(await search("order")).toEqual([
      "prefix:table:lake.sales.orders",
      "prefix:table:lake.db.order_items",
    ]);
    expect(await search("ORDER_")).toEqual(["prefix:table:lake.db.order_items"]); // _ is a character, not a wildcard
    expect(await search("items")).toEqual(["name:table:lake.db.order_items"]);
  });

  it("finds comments, columns and column docs, saying which columns matched", async () => {
    const hits = await searchCatalog(t.ctx, "customer_id");
    expect(hits.map((h) => h.name)).toEqual(["orders", "order_items"]);
    expect(hits[0]).toMatchObject({ match: "column", columns: ["customer_id"] });
    expect(await search("euros")).toEqual([
      "column:table:lake.sales.orders",
      "column:table:lake.db.order_items",
    ]);
    expect(await search("campaign")).toEqual(["comment:namespace:lake.marketing"]);
    expect(await search("all orders")).toEqual(["comment:table:lake.sales.orders"]);
  });

  it("finds catalogs, namespaces, and words spread over a path", async () => {
    expect(await search("files")).toEqual(["exact:catalog:files"]);
    expect(await search("arch")).toEqual(["prefix:catalog:lake/archive"]);
    expect(await search("eu")).toEqual([
      "exact:namespace:lake.sales.eu",
      "column:table:lake.sales.orders",
      "column:table:lake.db.order_items",
    ]); // "In euros"
    expect(await search("sales orders")).toEqual(["path:table:lake.sales.orders"]);
  });

  it("keeps the exact name first when thousands of columns also match", async () => {
    const hits = await searchCatalog(t.ctx, "shared", { limit: 5 });
    expect(hits.map((h) => `${h.match}:${h.kind}:${h.name}`)).toEqual([
      "exact:view:shared",
      "column:table:t_000",
      "column:table:t_001",
      "column:table:t_002",
      "column:table:t_003",
    ]);
    expect(await search("t_39", 20)).toEqual(
      Array.from({ length: 10 }, (_, i) => `prefix:table:lake.sales.t_39${i}`),
    );
  });

  it("returns nothing for an empty query, and refuses huge ones", async () => {
    expect(await searchCatalog(t.ctx, "   ")).toEqual([]);
    await expect(searchCatalog(t.ctx, "x".repeat(201))).rejects.toMatchObject({
      code: "bad_request",
    });
  });
});
