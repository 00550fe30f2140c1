import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commitToJson } from "@/lib/iceberg/commit";
import { CatalogApi, ident, type TableState, tablePath } from "./testing/catalog-api";
import { type RestEnv, restEnv } from "./testing/env";
import type { RestClient } from "./testing/rest-client";
import { createTransaction, prepareTagged, tagsOf, type Writer } from "./testing/table-ops";

const SCHEMA = {
  type: "struct",
  "schema-id": 0,
  fields: [
    { id: 1, name: "id", type: "int", required: true },
    { id: 2, name: "data", type: "string", required: false },
  ],
};

let env: RestEnv;
let rest: RestClient;
let api: CatalogApi;
let writer: Writer;
const T = ident("db", "t");

beforeAll(async () => {
  env = await restEnv();
  writer = { duck: env.t.duck, io: env.t.ctx.io };
});
afterAll(() => env.close());
beforeEach(async () => {
  rest = await env.freshCatalog();
  api = new CatalogApi(rest);
  await api.createNamespace(["db"]);
});

/** A table with one appended snapshot (tag 1). */
async function tableWithSnapshot(): Promise<TableState> {
  const created = await api.createTable(T, SCHEMA, { properties: { "format-version": "2" } });
  const append = await prepareTagged(writer, created.metadata, 1);
  return api.commit(T, await append.buildCommit(created.metadata));
}

function commitBody(requirements: unknown[], updates: unknown[]) {
  return { identifier: T, requirements, updates };
}

describe("commits: every requirement type holds or fails", () => {
  it("each requirement that holds lets the commit through; each that does not is a 409 CommitFailedException", async () => {
    const base = (await tableWithSnapshot()).metadata;
    const snapshotId = base.currentSnapshotId as bigint;
    const holds = [
      { type: "assert-table-uuid", uuid: base.tableUuid },
      { type: "assert-ref-snapshot-id", ref: "main", "snapshot-id": snapshotId },
      { type: "assert-ref-snapshot-id", ref: "no-such-branch", "snapshot-id": null },
      { type: "assert-last-assigned-field-id", "last-assigned-field-id": base.lastColumnId },
      { type: "assert-current-schema-id", "current-schema-id": base.currentSchemaId },
      { type: "assert-last-assigned-partition-id", "last-assigned-partition-id": base.lastPartitionId },
      { type: "assert-default-spec-id", "default-spec-id": base.defaultSpecId },
      { type: "assert-default-sort-order-id", "default-sort-order-id": base.defaultSortOrderId },
    ];
    const fails = [
      { type: "assert-create" },
      { type: "assert-table-uuid", uuid: "00000000-0000-0000-0000-000000000000" },
      { type: "assert-ref-snapshot-id", ref: "main", "snapshot-id": null },
      { type: "assert-ref-snapshot-id", ref: "main", "snapshot-id": 42 },
      { type: "assert-last-assigned-field-id", "last-assigned-field-id": 99 },
      { type: "assert-current-schema-id", "current-schema-id": 7 },
      { type: "assert-last-assigned-partition-id", "last-assigned-partition-id": 1 },
      { type: "assert-default-spec-id", "default-spec-id": 3 },
      { type: "assert-default-sort-order-id", "default-sort-order-id": 5 },
    ];
    for (const [i, requirement] of holds.entries()) {
      const res = await rest.post(tablePath(T), commitBody([requirement], [{ action: "set-properties", updates: { [`ok${i}`]: "yes" } }]));
      expect(res.status, requirement.type).toBe(200);
      expect(res.body.metadata.properties[`ok${i}`]).toBe("yes");
    }
    for (const requirement of fails) {
      const res = await rest.post(tablePath(T), commitBody([requirement], [{ action: "set-properties", updates: { bad: "no" } }]));
      expect(res.status, JSON.stringify(requirement)).toBe(409);
      expect(res.body.error.type, requirement.type).toBe(requirement.type === "assert-create" ? "AlreadyExistsException" : "CommitFailedException");
    }
    expect((await api.loadTable(T)).metadata.properties.bad).toBeUndefined();
  });
});

describe("commits: every update type applies", () => {
  it("schema, spec and sort order updates, with -1 for the one just added", async () => {
    await api.createTable(T, SCHEMA);
    const schema = { type: "struct", "schema-id": 1, fields: [...SCHEMA.fields, { id: 3, name: "extra", type: "long", required: false }] };
    const res = await rest.post(tablePath(T), commitBody([{ type: "assert-current-schema-id", "current-schema-id": 0 }], [
      { action: "add-schema", schema, "last-column-id": 3 },
      { action: "set-current-schema", "schema-id": -1 },
      { action: "add-spec", spec: { fields: [{ "source-id": 1, name: "id_bucket", transform: "bucket[8]" }] } },
      { action: "set-default-spec", "spec-id": -1 },
      { action: "add-sort-order", "sort-order": { "order-id": 1, fields: [{ "source-id": 3, transform: "identity", direction: "desc", "null-order": "nulls-last" }] } },
      { action: "set-default-sort-order", "sort-order-id": -1 },
    ]));
    expect(res.status).toBe(200);
    const meta = res.body.metadata;
    expect(meta["current-schema-id"]).toBe(1);
    expect(meta["last-column-id"]).toBe(3);
    expect(meta["default-spec-id"]).toBe(1);
    expect(meta["partition-specs"][1].fields[0]).toMatchObject({ "source-id": 1, "field-id": 1000, transform: "bucket[8]" });
    expect(meta["default-sort-order-id"]).toBe(1);
    const removed = await rest.post(tablePath(T), commitBody([], [{ action: "remove-schemas", "schema-ids": [0] }, { action: "remove-partition-specs", "spec-ids": [0] }]));
    expect(removed.status).toBe(200);
    expect(removed.body.metadata.schemas.map((s: { "schema-id": number }) => s["schema-id"])).toEqual([1]);
    expect(removed.body.metadata["partition-specs"].map((s: { "spec-id": number }) => s["spec-id"])).toEqual([1]);
  });

  it("snapshot updates: add-snapshot and set-snapshot-ref (an append), tags, remove-snapshot-ref, remove-snapshots", async () => {
    const first = (await tableWithSnapshot()).metadata;
    const firstId = first.currentSnapshotId as bigint;
    const append = await prepareTagged(writer, first, 2);
    const second = await api.commit(T, await append.buildCommit(first));
    expect(await tagsOf(writer, second.metadata)).toEqual([1, 2]);
    const secondId = second.metadata.currentSnapshotId as bigint;
    const tagged = await rest.post(tablePath(T), commitBody([], [{ action: "set-snapshot-ref", "ref-name": "v1", type: "tag", "snapshot-id": firstId }]));
    expect(tagged.body.metadata.refs.v1).toEqual({ type: "tag", "snapshot-id": Number(firstId) });
    const rolledBack = await rest.post(tablePath(T), commitBody([{ type: "assert-ref-snapshot-id", ref: "main", "snapshot-id": secondId }], [{ action: "set-snapshot-ref", "ref-name": "main", type: "branch", "snapshot-id": firstId }]));
    expect(rolledBack.body.metadata["current-snapshot-id"]).toBe(Number(firstId));
    const untagged = await rest.post(tablePath(T), commitBody([], [{ action: "remove-snapshot-ref", "ref-name": "v1" }, { action: "remove-snapshots", "snapshot-ids": [secondId] }]));
    expect(untagged.body.metadata.refs.v1).toBeUndefined();
    expect(untagged.body.metadata.snapshots.map((s: { "snapshot-id": number }) => s["snapshot-id"])).toEqual([Number(firstId)]);
  });

  it("table-level updates: uuid, format version, location, properties, statistics", async () => {
    const base = (await tableWithSnapshot()).metadata;
    const snapshotId = base.currentSnapshotId as bigint;
    const statistics = { "snapshot-id": snapshotId, "statistics-path": `${base.location}/metadata/stats.puffin`, "file-size-in-bytes": 10, "file-footer-size-in-bytes": 4, "blob-metadata": [] };
    const partitionStatistics = { "snapshot-id": snapshotId, "statistics-path": `${base.location}/metadata/pstats.parquet`, "file-size-in-bytes": 20 };
    const res = await rest.post(tablePath(T), commitBody([], [
      { action: "assign-uuid", uuid: base.tableUuid },
      { action: "set-location", location: `${base.location}` },
      { action: "set-properties", updates: { a: "1", b: "2" } },
      { action: "remove-properties", removals: ["b"] },
      { action: "set-statistics", statistics },
      { action: "set-partition-statistics", "partition-statistics": partitionStatistics },
    ]));
    expect(res.status).toBe(200);
    expect(res.body.metadata.properties).toMatchObject({ a: "1" });
    expect(res.body.metadata.properties.b).toBeUndefined();
    expect(res.body.metadata.statistics).toHaveLength(1);
    expect(res.body.metadata["partition-statistics"]).toHaveLength(1);
    const cleared = await rest.post(tablePath(T), commitBody([], [{ action: "remove-statistics", "snapshot-id": snapshotId }, { action: "remove-partition-statistics", "snapshot-id": snapshotId }]));
    expect(cleared.body.metadata.statistics ?? []).toHaveLength(0);
    expect(cleared.body.metadata["partition-statistics"] ?? []).toHaveLength(0);
    const upgraded = await rest.post(tablePath(T), commitBody([], [{ action: "upgrade-format-version", "format-version": 3 }]));
    expect(upgraded.body.metadata["format-version"]).toBe(3);
    const keyed = await rest.post(tablePath(T), commitBody([], [{ action: "add-encryption-key", "encryption-key": { "key-id": "k1", "encrypted-key-metadata": "AAAA" } }]));
    expect(keyed.status).toBe(200);
    expect(keyed.body.metadata["encryption-keys"]).toEqual([{ "key-id": "k1", "encrypted-key-metadata": "AAAA" }]);
    const unkeyed = await rest.post(tablePath(T), commitBody([], [{ action: "remove-encryption-key", "key-id": "k1" }]));
    expect(unkeyed.body.metadata["encryption-keys"] ?? []).toEqual([]);
  });

  it("an update that cannot apply is a 400, and the table is unchanged", async () => {
    await api.createTable(T, SCHEMA);
    for (const update of [
      { action: "set-current-schema", "schema-id": 42 },
      { action: "set-default-spec", "spec-id": 9 },
      { action: "set-snapshot-ref", "ref-name": "main", type: "branch", "snapshot-id": 12345 },
      { action: "upgrade-format-version", "format-version": 1 },
      { action: "add-spec", spec: { fields: [{ "source-id": 77, name: "x", transform: "identity" }] } },
    ]) {
      const res = await rest.post(tablePath(T), commitBody([], [update]));
      expect(res.status, JSON.stringify(update)).toBe(400);
      expect(res.body.error.type).toBe("BadRequestException");
    }
    expect((await api.loadTable(T)).metadata.metadataLog).toHaveLength(0);
  });

  it("refuses a body whose identifier is another table", async () => {
    await api.createTable(T, SCHEMA);
    const res = await rest.post(tablePath(T), { identifier: ident("db", "other"), requirements: [], updates: [] });
    expect(res.status).toBe(400);
  });
});

describe("commits: stage-create and concurrency", () => {
  it("a staged table is created by its commit (assert-create), with the snapshot written to the staged location", async () => {
    const staged = await api.stageCreate(T, SCHEMA);
    const append = await prepareTagged(writer, staged.metadata, 7);
    const res = await rest.post(tablePath(T), commitToJson(await createTransaction(staged.metadata, append)));
    expect(res.status).toBe(200);
    const loaded = await api.loadTable(T);
    expect(loaded.metadata.tableUuid).toBe(staged.metadata.tableUuid);
    expect(await tagsOf(writer, loaded.metadata)).toEqual([7]);
    expect(loaded.metadata.metadataLog).toHaveLength(0);
    const again = await rest.post(tablePath(T), commitToJson(await createTransaction(staged.metadata)));
    expect([again.status, again.body.error.type]).toEqual([409, "AlreadyExistsException"]);
  });

  it("concurrent commits whose requirements still hold all land: each is re-checked on fresh metadata", async () => {
    await api.createTable(T, SCHEMA);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => rest.post(tablePath(T), commitBody([{ type: "assert-current-schema-id", "current-schema-id": 0 }], [{ action: "set-properties", updates: { [`k${i}`]: String(i) } }]))),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const props = (await api.loadTable(T)).metadata.properties;
    for (let i = 0; i < 6; i++) expect(props[`k${i}`]).toBe(String(i));
  });

  it("of concurrent appends on one head, one lands and the others get 409 (their branch moved)", async () => {
    const base = (await tableWithSnapshot()).metadata;
    const commits = await Promise.all([2, 3, 4].map(async (tag) => (await prepareTagged(writer, base, tag)).buildCommit(base)));
    const results = await Promise.all(commits.map((c) => rest.post(tablePath(T), commitToJson({ ...c, identifier: T }))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect((await tagsOf(writer, (await api.loadTable(T)).metadata)).length).toBe(2);
  });
});

describe("transactions/commit", () => {
  const A = ident("db", "a");
  const B = ident("db", "b");

  it("commits to several tables at once, or (one requirement failing) to none", async () => {
    await api.createTable(A, SCHEMA);
    await api.createTable(B, SCHEMA);
    await api.commitTransaction([
      { id: A, commit: { requirements: [], updates: [{ action: "set-properties", updates: { x: "1" } }] } },
      { id: B, commit: { requirements: [], updates: [{ action: "set-properties", updates: { x: "1" } }] } },
    ]);
    expect((await api.loadTable(A)).metadata.properties.x).toBe("1");
    expect((await api.loadTable(B)).metadata.properties.x).toBe("1");
    const res = await rest.post("transactions/commit", {
      "table-changes": [
        { identifier: A, requirements: [], updates: [{ action: "set-properties", updates: { y: "2" } }] },
        { identifier: B, requirements: [{ type: "assert-current-schema-id", "current-schema-id": 9 }], updates: [{ action: "set-properties", updates: { y: "2" } }] },
      ],
    });
    expect([res.status, res.body.error.type]).toEqual([409, "CommitFailedException"]);
    expect((await api.loadTable(A)).metadata.properties.y).toBeUndefined();
  });

  it("refuses changes without identifiers, twice the same table, an empty list, and missing tables", async () => {
    await api.createTable(A, SCHEMA);
    const change = { identifier: A, requirements: [], updates: [] };
    const cases: [unknown, number][] = [
      [{ "table-changes": [{ requirements: [], updates: [] }] }, 400],
      [{ "table-changes": [change, change] }, 400],
      [{ "table-changes": [] }, 400],
      [{ "table-changes": [{ ...change, identifier: ident("db", "nope") }] }, 404],
    ];
    for (const [body, status] of cases) expect((await rest.post("transactions/commit", body)).status, JSON.stringify(body)).toBe(status);
  });
});
