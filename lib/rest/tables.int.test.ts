import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseTableMetadata } from "@/lib/iceberg/spec";
import { CatalogApi, ident } from "./testing/catalog-api";
import { type RestEnv, restEnv } from "./testing/env";
import { ns, type RestClient, seg } from "./testing/rest-client";
import { prepareTagged, tagsOf } from "./testing/table-ops";

const SCHEMA = {
  type: "struct",
  "schema-id": 0,
  fields: [
    { id: 3, name: "id", type: "int", required: true, doc: "unique ID 🤪" },
    { id: 4, name: "data", type: "string", required: true },
  ],
};
const SPEC = { "spec-id": 0, fields: [{ "source-id": 3, "field-id": 1000, name: "id_bucket", transform: "bucket[16]" }] };
const ORDER = { "order-id": 1, fields: [{ "source-id": 3, transform: "identity", direction: "asc", "null-order": "nulls-first" }] };

let env: RestEnv;
let rest: RestClient;
let api: CatalogApi;
beforeAll(async () => {
  env = await restEnv();
});
afterAll(() => env.close());

async function freshWithNamespace(...levels: string[]): Promise<void> {
  rest = await env.freshCatalog();
  api = new CatalogApi(rest);
  await api.createNamespace(levels.length ? levels : ["db"]);
}

describe("tables", () => {
  it("creates a table with fresh field ids, spec and order remapped, and properties", async () => {
    await freshWithNamespace();
    const res = await rest.post(`namespaces/${ns("db")}/tables`, { name: "t", schema: SCHEMA, "partition-spec": SPEC, "write-order": ORDER, properties: { owner: "ada" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toMatch(/^".+"$/);
    const meta = parseTableMetadata(res.body.metadata);
    expect(meta.schemas[0].fields.map((f) => [f.id, f.name])).toEqual([
      [1, "id"],
      [2, "data"],
    ]);
    expect(meta.partitionSpecs[0].fields).toEqual([{ sourceId: 1, fieldId: 1000, name: "id_bucket", transform: "bucket[16]" }]);
    expect(meta.sortOrders.find((o) => o.orderId === meta.defaultSortOrderId)?.fields[0]).toMatchObject({ sourceId: 1, transform: "identity" });
    expect(meta.properties.owner).toBe("ada");
    expect(res.body["metadata-location"]).toMatch(/metadata\/00000-.*\.metadata\.json$/);
  });

  it("loads a table with an ETag, answers If-None-Match with 304, and a new commit changes the ETag", async () => {
    await freshWithNamespace();
    await api.createTable(ident("db", "t"), SCHEMA);
    const path = `namespaces/${ns("db")}/tables/t`;
    const first = await rest.get(path);
    const etag = first.headers.get("etag") as string;
    expect((await rest.get(path, { headers: { "if-none-match": etag } })).status).toBe(304);
    expect((await rest.get(path, { headers: { "if-none-match": `W/${etag}, "other"` } })).status).toBe(304);
    expect((await rest.get(path, { headers: { "if-none-match": '"stale"' } })).status).toBe(200);
    const refs = await rest.get(`${path}?snapshots=refs`);
    expect(refs.headers.get("etag")).not.toBe(etag);
    await api.commit(ident("db", "t"), { requirements: [], updates: [{ action: "set-properties", updates: { k: "v" } }] });
    const after = await rest.get(path, { headers: { "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.body.metadata.properties.k).toBe("v");
    expect(after.headers.get("etag")).not.toBe(etag);
  });

  it("snapshots=refs returns only the snapshots a branch or tag points at; all returns every one", async () => {
    await freshWithNamespace();
    const id = ident("db", "t");
    await api.createTable(id, SCHEMA);
    for (const tag of [1, 2, 3]) {
      const { metadata } = await api.loadTable(id);
      const append = await prepareTagged({ duck: env.t.duck, io: env.t.ctx.io }, metadata, tag);
      await api.commit(id, await append.buildCommit(metadata));
    }
    const all = await api.loadTable(id, "?snapshots=all");
    const refs = await api.loadTable(id, "?snapshots=refs");
    expect(all.metadata.snapshots).toHaveLength(3);
    expect(refs.metadata.snapshots.map((s) => s.snapshotId)).toEqual([all.metadata.currentSnapshotId]);
    expect(await tagsOf({ duck: env.t.duck, io: env.t.ctx.io }, all.metadata)).toEqual([1, 2, 3]);
    expect((await rest.get(`namespaces/${ns("db")}/tables/t?snapshots=some`)).status).toBe(400);
  });

  it("answers HEAD with 204 or 404, and NoSuchTableException when loading what is missing (even in a missing namespace)", async () => {
    await freshWithNamespace();
    await api.createTable(ident("db", "t"), SCHEMA);
    expect((await rest.head(`namespaces/${ns("db")}/tables/t`)).status).toBe(204);
    expect((await rest.head(`namespaces/${ns("db")}/tables/nope`)).status).toBe(404);
    for (const path of [`namespaces/${ns("db")}/tables/nope`, `namespaces/${ns("nons")}/tables/t`]) {
      const res = await rest.get(path);
      expect(res.status).toBe(404);
      expect(res.body.error.type).toBe("NoSuchTableException");
    }
  });

  it("creating in a missing namespace is NoSuchNamespaceException; an existing name is AlreadyExistsException", async () => {
    await freshWithNamespace();
    const missing = await rest.post(`namespaces/${ns("nons")}/tables`, { name: "t", schema: SCHEMA });
    expect(missing.status).toBe(404);
    expect(missing.body.error.type).toBe("NoSuchNamespaceException");
    await api.createTable(ident("db", "t"), SCHEMA);
    const dup = await rest.post(`namespaces/${ns("db")}/tables`, { name: "t", schema: SCHEMA });
    expect(dup.status).toBe(409);
    expect(dup.body.error.type).toBe("AlreadyExistsException");
  });

  it("lists Iceberg tables page by page, views not included", async () => {
    await freshWithNamespace();
    for (const name of ["t1", "t2", "t3"]) await api.createTable(ident("db", name), SCHEMA);
    await api.createView(ident("db", "v"), { schema: SCHEMA, queries: { spark: "select 1" }, defaultNamespace: ["db"] });
    expect(await api.listTables(["db"])).toEqual(["t1", "t2", "t3"].map((name) => ({ namespace: ["db"], name })));
    const first = await rest.get(`namespaces/${ns("db")}/tables?pageSize=2`);
    expect(first.body.identifiers.map((i: { name: string }) => i.name)).toEqual(["t1", "t2"]);
    const second = await rest.get(`namespaces/${ns("db")}/tables?pageSize=2&pageToken=${first.body["next-page-token"]}`);
    expect(second.body).toEqual({ identifiers: [{ namespace: ["db"], name: "t3" }], "next-page-token": null });
  });

  it("stage-create returns metadata without a location and creates nothing", async () => {
    await freshWithNamespace();
    const res = await rest.post(`namespaces/${ns("db")}/tables`, { name: "staged", schema: SCHEMA, "stage-create": true });
    expect(res.status).toBe(200);
    expect(res.body["metadata-location"]).toBeUndefined();
    expect(res.body.metadata["table-uuid"]).toBeTruthy();
    expect(await api.tableExists(ident("db", "staged"))).toBe(false);
  });

  it("registers a table from its metadata file, and refuses the name when taken unless overwrite", async () => {
    await freshWithNamespace();
    const created = await api.createTable(ident("db", "orig"), SCHEMA);
    const location = created.metadataLocation as string;
    const registered = await api.registerTable(ident("db", "copy"), location);
    expect(registered.metadata.tableUuid).toBe(created.metadata.tableUuid);
    expect(registered.metadataLocation).toBe(location);
    const taken = await rest.post(`namespaces/${ns("db")}/register`, { name: "copy", "metadata-location": location });
    expect(taken.status).toBe(409);
    expect(taken.body.error.type).toBe("AlreadyExistsException");
    const notMetadata = await rest.post(`namespaces/${ns("db")}/register`, { name: "bad", "metadata-location": "/nonexistent/v1.metadata.json" });
    expect(notMetadata.status).toBe(400);
  });

  it("renames within and across namespaces; a missing source is NoSuchTable, a missing target namespace NoSuchNamespace, a taken name AlreadyExists", async () => {
    await freshWithNamespace();
    await api.createNamespace(["other"]);
    await api.createTable(ident("db", "a"), SCHEMA);
    await api.createTable(ident("db", "b"), SCHEMA);
    await api.renameTable(ident("db", "a"), ident("other", "a2"));
    expect(await api.tableExists(ident("other", "a2"))).toBe(true);
    expect(await api.tableExists(ident("db", "a"))).toBe(false);
    const cases = [
      { body: { source: ident("db", "nope"), destination: ident("db", "x") }, status: 404, type: "NoSuchTableException" },
      { body: { source: ident("db", "b"), destination: ident("nons", "x") }, status: 404, type: "NoSuchNamespaceException" },
      { body: { source: ident("db", "b"), destination: ident("other", "a2") }, status: 409, type: "AlreadyExistsException" },
    ];
    for (const c of cases) {
      const res = await rest.post("tables/rename", c.body);
      expect([res.status, res.body.error.type]).toEqual([c.status, c.type]);
    }
  });

  it("drops into the trash (files kept) or with purgeRequested (files gone); a missing table is 404", async () => {
    await freshWithNamespace();
    const kept = await api.createTable(ident("db", "kept"), SCHEMA);
    const purged = await api.createTable(ident("db", "purged"), SCHEMA);
    expect(await api.dropTable(ident("db", "kept"), false)).toBe(true);
    expect(await api.dropTable(ident("db", "purged"), true)).toBe(true);
    expect(await env.t.ctx.io.exists(kept.metadataLocation as string)).toBe(true);
    expect(await env.t.ctx.io.exists(purged.metadataLocation as string)).toBe(false);
    expect(await api.dropTable(ident("db", "kept"))).toBe(false);
    expect((await rest.delete(`namespaces/${ns("db")}/tables/x?purgeRequested=maybe`)).status).toBe(400);
  });

  it("accepts metrics reports for a table (204) and vends no credentials", async () => {
    await freshWithNamespace();
    await api.createTable(ident("db", "t"), SCHEMA);
    const report = { "report-type": "commit-report", "table-name": "db.t", "snapshot-id": 1, "sequence-number": 1, operation: "append", metrics: {} };
    expect((await rest.post(`namespaces/${ns("db")}/tables/t/metrics`, report)).status).toBe(204);
    expect((await rest.post(`namespaces/${ns("db")}/tables/nope/metrics`, report)).status).toBe(404);
    expect((await rest.get(`namespaces/${ns("db")}/tables/t/credentials`)).body).toEqual({ "storage-credentials": [] });
  });

  it("keeps table names with / and . and spaces through every table endpoint", async () => {
    await freshWithNamespace("new.db");
    for (const name of ["tab/le", "ta.ble", "a b", "x+y"]) {
      const id = ident("new.db", name);
      await api.createTable(id, SCHEMA);
      expect(await api.tableExists(id), name).toBe(true);
      expect((await rest.get(`namespaces/${ns("new.db")}/tables/${seg(name)}`)).status).toBe(200);
      expect(await api.dropTable(id)).toBe(true);
    }
  });
});
