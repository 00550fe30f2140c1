import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CatalogApi, ident, tablePath } from "./testing/catalog-api";
import { type RestEnv, restEnv } from "./testing/env";
import { ns, type RestClient } from "./testing/rest-client";

const SCHEMA = { type: "struct", fields: [{ id: 1, name: "id", type: "long", required: true }] };

let env: RestEnv;
let rest: RestClient;
beforeAll(async () => {
  env = await restEnv();
});
afterAll(() => env.close());
beforeEach(async () => {
  rest = await env.freshCatalog();
});

const withKey = (key: string) => ({ headers: { "idempotency-key": key } });

describe("Idempotency-Key", () => {
  it("replays the first answer to a retry with the same key, and does the work once", async () => {
    const key = randomUUID();
    const first = await rest.post("namespaces", { namespace: ["once"] }, withKey(key));
    const retry = await rest.post("namespaces", { namespace: ["once"] }, withKey(key));
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get("idempotency-replayed")).toBe("true");
    // without the key, the same request is a new one: the namespace exists now
    expect((await rest.post("namespaces", { namespace: ["once"] })).status).toBe(409);
    const audit = await env.t.db.auditEvent.count({ where: { action: "namespace.create", details: { contains: "once" } } });
    expect(audit).toBe(1);
  });

  it("replays a commit's response (same metadata location) instead of committing twice", async () => {
    const api = new CatalogApi(rest);
    await api.createNamespace(["db"]);
    await api.createTable(ident("db", "t"), SCHEMA);
    const key = randomUUID();
    const body = { requirements: [], updates: [{ action: "set-properties", updates: { n: "1" } }] };
    const first = await rest.post(tablePath(ident("db", "t")), body, withKey(key));
    const retry = await rest.post(tablePath(ident("db", "t")), body, withKey(key));
    expect(retry.body["metadata-location"]).toBe(first.body["metadata-location"]);
    expect((await api.loadTable(ident("db", "t"))).metadata.metadataLog).toHaveLength(1);
  });

  it("replays final 4xx answers too (the spec finalizes deterministic 4xx)", async () => {
    await rest.post("namespaces", { namespace: ["taken"] });
    const key = randomUUID();
    const first = await rest.post("namespaces", { namespace: ["taken"] }, withKey(key));
    expect(first.status).toBe(409);
    await rest.delete(`namespaces/${ns("taken")}`);
    const retry = await rest.post("namespaces", { namespace: ["taken"] }, withKey(key));
    expect([retry.status, retry.body]).toEqual([409, first.body]);
  });

  it("refuses the same key for a different request with 422, running nothing", async () => {
    const key = randomUUID();
    await rest.post("namespaces", { namespace: ["a"] }, withKey(key));
    const other = await rest.post("namespaces", { namespace: ["b"] }, withKey(key));
    expect([other.status, other.body.error.type]).toEqual([422, "UnprocessableEntityException"]);
    expect((await rest.head(`namespaces/${ns("b")}`)).status).toBe(404);
    const otherPath = await rest.delete(`namespaces/${ns("a")}`, withKey(key));
    expect(otherPath.status).toBe(422);
  });

  it("keeps keys of different principals apart", async () => {
    const key = randomUUID();
    await rest.post("namespaces", { namespace: ["mine"] }, withKey(key));
    const steward = rest.as(env.tokens.steward);
    const theirs = await steward.post("namespaces", { namespace: ["theirs"] }, withKey(key));
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get("idempotency-replayed")).toBeNull();
  });

  it("answers 409 while the first attempt still runs, and forgets keys after their lifetime", async () => {
    const key = randomUUID();
    await rest.post("namespaces", { namespace: ["slow"] }, withKey(key));
    const record = await env.t.db.idempotencyRecord.findFirstOrThrow({ where: { key } });
    await env.t.db.idempotencyRecord.update({ where: { id: record.id }, data: { status: 0, body: "" } });
    const running = await rest.post("namespaces", { namespace: ["slow"] }, withKey(key));
    expect([running.status, running.body.error.type]).toEqual([409, "ConflictException"]);
    await env.t.db.idempotencyRecord.update({ where: { id: record.id }, data: { status: 200, createdAt: new Date(Date.now() - 25 * 3600_000) } });
    const afterLifetime = await rest.post("namespaces", { namespace: ["slow"] }, withKey(key));
    expect(afterLifetime.status).toBe(409);
    expect(afterLifetime.body.error.type).toBe("AlreadyExistsException");
  });

  it("refuses a key that is not a UUID, and ignores keys on reads", async () => {
    const bad = await rest.post("namespaces", { namespace: ["k"] }, withKey("not-a-uuid"));
    expect([bad.status, bad.body.error.type]).toEqual([400, "BadRequestException"]);
    expect((await rest.get("namespaces", withKey("also-not-a-uuid"))).status).toBe(200);
  });

  it("advertises the key lifetime in /v1/config", async () => {
    const config = await rest.get(`/v1/config?warehouse=${encodeURIComponent(rest.catalog)}`);
    expect(config.body["idempotency-key-lifetime"]).toBe("PT24H");
  });
});
