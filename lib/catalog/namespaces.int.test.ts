import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, SYSTEM, type UserPrincipal } from "@/lib/access";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { createCatalog } from "./catalogs";
import { createNamespace, dropNamespace, listNamespaces, listNamespacesPage, loadNamespace, namespaceExists, updateNamespaceProperties } from "./namespaces";
import { ensureDefaultStorage } from "./storage";

let t: TestDatabase;
const analyst: UserPrincipal = { kind: "user", userId: "u1", username: "ana", displayName: null, role: "analyst", groupIds: [] };

beforeAll(async () => {
  t = await freshDatabase();
  await ensureDefaultStorage(t.db, mkdtempSync(path.join(tmpdir(), "tarn-wh-")));
  await createCatalog(t.db, SYSTEM, { name: "main", kind: "managed" });
});
afterAll(() => t.drop());

describe("catalogs", () => {
  it("creates managed catalogs with a folder, refuses duplicates and bad names", async () => {
    const created = await createCatalog(t.db, SYSTEM, { name: "lakeside", kind: "lake" });
    expect(created.path).toBe("lakeside");
    const nested = await createCatalog(t.db, SYSTEM, { name: "child", kind: "managed", parent: "lakeside" });
    expect(nested.path).toBe("lakeside/child");
    const row = await t.db.catalog.findUniqueOrThrow({ where: { id: nested.id } });
    expect(row.rootPath).toMatch(/lakeside\/child$/);
    await expect(createCatalog(t.db, SYSTEM, { name: "main", kind: "managed" })).rejects.toMatchObject({ code: "conflict" });
    await expect(createCatalog(t.db, SYSTEM, { name: "a/b", kind: "managed" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("cannot contain /") });
    await expect(createCatalog(t.db, SYSTEM, { name: "x", kind: "bogus" as "managed" })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createCatalog(t.db, SYSTEM, { name: "system", kind: "lake" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("reserved") });
    await expect(createCatalog(t.db, analyst, { name: "mine", kind: "managed" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("namespaces", () => {
  it("creates multi-level namespaces whose parents exist, and lists one level at a time", async () => {
    await createNamespace(t.db, analyst, { catalog: "main", namespace: ["sales"] }, { owner_team: "revenue" });
    await createNamespace(t.db, analyst, { catalog: "main", namespace: ["sales", "eu"] });
    await createNamespace(t.db, analyst, { catalog: "main", namespace: ["sales", "us"] });
    await createNamespace(t.db, analyst, { catalog: "main", namespace: ["hr"] });
    expect(await listNamespaces(t.db, analyst, "main")).toEqual([["hr"], ["sales"]]);
    expect(await listNamespaces(t.db, analyst, "main", ["sales"])).toEqual([["sales", "eu"], ["sales", "us"]]);
    await expect(createNamespace(t.db, analyst, { catalog: "main", namespace: ["nope", "child"] })).rejects.toMatchObject({ code: "not_found", message: "Namespace nope does not exist; create it first." });
    await expect(createNamespace(t.db, analyst, { catalog: "main", namespace: ["sales"] })).rejects.toMatchObject({ code: "conflict", message: "Namespace sales already exists." });
    await expect(createNamespace(t.db, analyst, { catalog: "main", namespace: [] })).rejects.toMatchObject({ code: "bad_request" });
    await expect(createNamespace(t.db, analyst, { catalog: "main", namespace: ["x".repeat(300)] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("at most 255") });
    await expect(createNamespace(t.db, analyst, { catalog: "nocat", namespace: ["a"] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("loads and updates properties, reporting removals that were missing", async () => {
    expect((await loadNamespace(t.db, analyst, { catalog: "main", namespace: ["sales"] })).properties).toEqual({ owner_team: "revenue" });
    const result = await updateNamespaceProperties(t.db, SYSTEM, { catalog: "main", namespace: ["sales"] }, { updates: { comment: "Revenue data" }, removals: ["owner_team", "ghost"] });
    expect(result).toEqual({ updated: ["comment"], removed: ["owner_team"], missing: ["ghost"] });
    const loaded = await loadNamespace(t.db, analyst, { catalog: "main", namespace: ["sales"] });
    expect(loaded).toMatchObject({ properties: { comment: "Revenue data" }, comment: "Revenue data" });
    await expect(updateNamespaceProperties(t.db, SYSTEM, { catalog: "main", namespace: ["sales"] }, { updates: { a: "1" }, removals: ["a"] })).rejects.toMatchObject({ code: "bad_request" });
    await expect(updateNamespaceProperties(t.db, analyst, { catalog: "main", namespace: ["sales"] }, { updates: { a: "1" } })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("drops only empty namespaces, audited", async () => {
    await expect(dropNamespace(t.db, SYSTEM, { catalog: "main", namespace: ["sales"] })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("not empty") });
    await dropNamespace(t.db, SYSTEM, { catalog: "main", namespace: ["hr"] });
    expect(await listNamespaces(t.db, analyst, "main")).toEqual([["sales"]]);
    const actions = (await listAuditEvents(t.db, { action: "namespace." })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["namespace.create", "namespace.setProperties", "namespace.drop"]));
  });
});

describe("namespace names with / and .", () => {
  it("creates, loads, lists and drops them (testNamespaceWithSlash, testNamespaceWithDot)", async () => {
    for (const name of ["new/db", "new.db"]) {
      const ident = { catalog: "main", namespace: [name] };
      expect(await namespaceExists(t.db, analyst, ident)).toBe(false);
      await createNamespace(t.db, analyst, ident);
      expect(await namespaceExists(t.db, analyst, ident)).toBe(true);
      expect((await loadNamespace(t.db, analyst, ident)).namespace).toEqual([name]);
      await createNamespace(t.db, analyst, { catalog: "main", namespace: [name, "child.x"] });
      expect(await listNamespaces(t.db, analyst, "main", [name])).toEqual([[name, "child.x"]]);
      await dropNamespace(t.db, SYSTEM, { catalog: "main", namespace: [name, "child.x"] });
      await dropNamespace(t.db, SYSTEM, ident);
      expect(await namespaceExists(t.db, analyst, ident)).toBe(false);
    }
    await expect(createNamespace(t.db, analyst, { catalog: "main", namespace: ["information_schema"] })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("reserved") });
    await expect(namespaceExists(t.db, analyst, { catalog: "nocat", namespace: ["a"] })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("namespace pages", () => {
  it("pages through a level with an opaque token, every namespace once, in order", async () => {
    await createCatalog(t.db, SYSTEM, { name: "paged", kind: "managed" });
    const names = Array.from({ length: 7 }, (_, i) => `ns${i}`);
    for (const name of names) await createNamespace(t.db, SYSTEM, { catalog: "paged", namespace: [name] });
    await createNamespace(t.db, SYSTEM, { catalog: "paged", namespace: ["ns3", "inner"] });
    const seen: string[][] = [];
    let pageToken = "";
    let pages = 0;
    for (;;) {
      const page = await listNamespacesPage(t.db, analyst, "paged", { pageToken, pageSize: 3 });
      seen.push(...page.items);
      pages++;
      if (!page.nextPageToken) break;
      expect(page.items).toHaveLength(3);
      pageToken = page.nextPageToken;
    }
    expect(seen).toEqual(names.map((n) => [n]));
    expect(pages).toBe(3);
    expect((await listNamespacesPage(t.db, analyst, "paged")).nextPageToken).toBeNull();
    expect((await listNamespacesPage(t.db, analyst, "paged", { parent: ["ns3"], pageSize: 1 })).items).toEqual([["ns3", "inner"]]);
    await expect(listNamespacesPage(t.db, analyst, "paged", { pageToken: "garbage!" })).rejects.toMatchObject({ code: "bad_request", message: expect.stringContaining("page token") });
    await expect(listNamespacesPage(t.db, analyst, "paged", { pageSize: 0 })).rejects.toMatchObject({ code: "bad_request" });
  });
});
