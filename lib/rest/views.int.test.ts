import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CatalogApi, ident, viewPath } from "./testing/catalog-api";
import { type RestEnv, restEnv } from "./testing/env";
import { ns, type RestClient } from "./testing/rest-client";

const SCHEMA = { type: "struct", "schema-id": 0, fields: [{ id: 1, name: "id", type: "int", required: true }] };
const V = ident("db", "v");

let env: RestEnv;
let rest: RestClient;
let api: CatalogApi;
beforeAll(async () => {
  env = await restEnv();
});
afterAll(() => env.close());
beforeEach(async () => {
  rest = await env.freshCatalog();
  api = new CatalogApi(rest);
  await api.createNamespace(["db"]);
});

const create = (id = V, sql = "select 1 as id") => api.createView(id, { schema: SCHEMA, queries: { spark: sql }, defaultNamespace: ["db"], properties: { p: "1" } });

describe("views", () => {
  it("creates, loads, checks and lists a view", async () => {
    const created = await create();
    expect(created.metadataLocation).toMatch(/\.metadata\.json$/);
    expect(created.metadata.currentVersionId).toBe(1);
    expect(created.metadata.properties.p).toBe("1");
    const loaded = await api.loadView(V);
    expect(loaded.metadata.viewUuid).toBe(created.metadata.viewUuid);
    expect(loaded.metadata.versions[0].representations).toEqual([{ type: "sql", sql: "select 1 as id", dialect: "spark" }]);
    expect(await api.viewExists(V)).toBe(true);
    expect(await api.listViews(["db"])).toEqual([V]);
    expect(await api.listTables(["db"])).toEqual([]);
  });

  it("replaces a view through a view commit (assert-view-uuid + add-view-version)", async () => {
    const created = await create();
    const res = await rest.post(viewPath(V), {
      requirements: [{ type: "assert-view-uuid", uuid: created.metadata.viewUuid }],
      updates: [
        { action: "add-view-version", "view-version": { "version-id": 2, "timestamp-ms": Date.now(), "schema-id": 0, summary: { operation: "replace" }, representations: [{ type: "sql", sql: "select 2 as id", dialect: "spark" }], "default-namespace": ["db"] } },
        { action: "set-current-view-version", "view-version-id": -1 },
        { action: "set-properties", updates: { q: "2" } },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.metadata["current-version-id"]).toBe(2);
    expect(res.body.metadata.properties).toMatchObject({ p: "1", q: "2" });
    const stale = await rest.post(viewPath(V), { requirements: [{ type: "assert-view-uuid", uuid: "00000000-0000-0000-0000-000000000000" }], updates: [] });
    expect([stale.status, stale.body.error.type]).toEqual([409, "CommitFailedException"]);
    const unknown = await rest.post(viewPath(V), { updates: [{ action: "explode" }] });
    expect([unknown.status, unknown.body.error.type]).toEqual([400, "BadRequestException"]);
  });

  it("says NoSuchViewException for a missing view, NoSuchNamespaceException for a missing namespace", async () => {
    for (const res of [await rest.get(viewPath(ident("db", "nope"))), await rest.delete(viewPath(ident("db", "nope"))), await rest.post(viewPath(ident("db", "nope")), { updates: [] })]) {
      expect([res.status, res.body.error.type], res.operation).toEqual([404, "NoSuchViewException"]);
    }
    const res = await rest.post(`namespaces/${ns("nons")}/views`, { name: "v", schema: SCHEMA, "view-version": { "version-id": 1, "timestamp-ms": 1, "schema-id": 0, summary: {}, representations: [], "default-namespace": [] }, properties: {} });
    expect([res.status, res.body.error.type]).toEqual([404, "NoSuchNamespaceException"]);
  });

  it("a view and a table never share a name", async () => {
    await create();
    const table = await rest.post(`namespaces/${ns("db")}/tables`, { name: "v", schema: SCHEMA });
    expect([table.status, table.body.error.type]).toEqual([409, "AlreadyExistsException"]);
    expect((await rest.get(`namespaces/${ns("db")}/tables/v`)).body.error.type).toBe("NoSuchTableException");
  });

  it("renames and drops views; rename errors say what is missing or taken", async () => {
    await create();
    await create(ident("db", "w"));
    await api.createNamespace(["other"]);
    await api.renameView(V, ident("other", "v2"));
    expect(await api.viewExists(ident("other", "v2"))).toBe(true);
    const cases = [
      { body: { source: ident("db", "gone"), destination: ident("db", "x") }, expected: [404, "NoSuchViewException"] },
      { body: { source: ident("db", "w"), destination: ident("nons", "x") }, expected: [404, "NoSuchNamespaceException"] },
      { body: { source: ident("db", "w"), destination: ident("other", "v2") }, expected: [409, "AlreadyExistsException"] },
    ];
    for (const c of cases) {
      const res = await rest.post("views/rename", c.body);
      expect([res.status, res.body.error.type]).toEqual(c.expected);
    }
    expect(await api.dropView(ident("other", "v2"))).toBe(true);
    expect(await api.dropView(ident("other", "v2"))).toBe(false);
  });

  it("registers a view from its metadata file", async () => {
    const created = await create();
    const registered = await api.registerView(ident("db", "copy"), created.metadataLocation);
    expect(registered.metadata.viewUuid).toBe(created.metadata.viewUuid);
    const taken = await rest.post(`namespaces/${ns("db")}/register-view`, { name: "copy", "metadata-location": created.metadataLocation });
    expect([taken.status, taken.body.error.type]).toEqual([409, "AlreadyExistsException"]);
  });
});
