/**
 * Malformed input at every endpoint: broken JSON, wrong types, missing fields, unknown
 * actions and requirement types, 10 KB names, odd numbers, deep nesting, bad query
 * parameters and encodings, wrong methods, unknown paths. Every answer must be a 4xx
 * in the spec's error shape (the client checks the shape of every response) — never a
 * 500. Bodies that happen to be valid for some endpoint may succeed; they must then be
 * valid responses, and still never 5xx.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringifyJson } from "@/lib/iceberg/spec";
import { router } from "./routes";
import { CatalogApi, ident } from "./testing/catalog-api";
import { type RestEnv, restEnv } from "./testing/env";
import type { RestClient, RestResult } from "./testing/rest-client";

const SCHEMA = { type: "struct", "schema-id": 0, fields: [{ id: 1, name: "id", type: "int", required: true }] };
const HUGE = "n".repeat(10_240);
const DEEP = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
const DEEP_TYPE = JSON.stringify({ name: "deep", schema: { type: "struct", fields: [{ id: 1, name: "x", required: false, type: nestedList(150) }] } });

function nestedList(depth: number): unknown {
  return depth === 0 ? "int" : { type: "list", "element-id": 1000 + depth, element: nestedList(depth - 1), "element-required": false };
}

/** Bodies no endpoint accepts. */
const MALFORMED_TEXT = ["{", "not json", "[1,2", '{"a":1,}', '{"a":1,"a":2}', "\u0000", DEEP, "'single'", "{\"a\":tru}", "1e", "--1"];
const MALFORMED_JSON: unknown[] = [null, 42, "text", [], true, [{}]];
/** Bodies with wrong types, missing or unknown parts, huge or odd values. */
const ODD_BODIES: unknown[] = [
  {},
  { "": "" },
  { namespace: "db" },
  { namespace: [1, 2] },
  { namespace: [HUGE] },
  { namespace: ["x"], properties: { a: 1 } },
  { namespace: ["x"], properties: [] },
  { name: 5, schema: "x" },
  { name: HUGE, schema: SCHEMA },
  { name: "ok", schema: { type: "struct", fields: [{ id: 1, name: "x", type: "no-such-type", required: true }] } },
  { name: "ok", schema: { type: "map" } },
  { name: "ok", schema: SCHEMA, "partition-spec": { fields: [{ "source-id": 99, name: "p", transform: "identity" }] } },
  { name: "ok", schema: SCHEMA, "partition-spec": { fields: [{ "source-id": 1, name: "p", transform: "rot13" }] } },
  { name: "ok", schema: SCHEMA, "write-order": { "order-id": "one", fields: [] } },
  { name: "ok", schema: SCHEMA, properties: { "format-version": "9" } },
  { name: "ok", schema: SCHEMA, location: "relative/path" },
  { name: "ok", schema: SCHEMA, location: "s3://bucket/elsewhere" },
  { requirements: "x", updates: {} },
  { requirements: [{ type: "assert-nonsense" }], updates: [] },
  { requirements: [{ type: 42 }], updates: [] },
  { requirements: [], updates: [{ action: "drop-everything" }] },
  { requirements: [], updates: [{ action: "add-snapshot", snapshot: {} }] },
  { requirements: [], updates: [{ action: "set-current-schema", "schema-id": "zero" }] },
  { requirements: [{ type: "assert-current-schema-id", "current-schema-id": 123456789012345678901234567890n }], updates: [] },
  { requirements: [{ type: "assert-ref-snapshot-id", ref: "main", "snapshot-id": 1.5 }], updates: [] },
  { requirements: [], updates: [{ action: "set-properties", updates: { k: 1 } }] },
  { requirements: [], updates: [{ action: "set-location", location: "" }] },
  { requirements: [], updates: [{ action: "upgrade-format-version", "format-version": 99 }] },
  { "table-changes": "x" },
  { "table-changes": [{ identifier: { namespace: ["db"], name: "t" }, requirements: [{ type: 42 }], updates: [] }] },
  { "table-changes": [{ identifier: { namespace: "db", name: "t" }, requirements: [], updates: [] }] },
  { source: 1, destination: 2 },
  { source: { namespace: ["db"], name: "t" }, destination: { namespace: ["db"], name: HUGE } },
  { source: { namespace: ["db"], name: "t" }, destination: { namespace: ["db"] } },
  { updates: { a: 1 } },
  { updates: [{ action: "explode" }] },
  { removals: "x" },
  { removals: [1] },
  { "report-type": 1 },
  { "report-type": "scan-report" },
  { name: "v2", schema: {}, "view-version": {}, properties: {} },
  { name: "v2", schema: SCHEMA, "view-version": { "version-id": "one" }, properties: {} },
  { "metadata-location": 7, name: "x" },
  { "metadata-location": "/etc/passwd", name: "x" },
  { "metadata-location": "s3://bucket/x.metadata.json", name: "x" },
  { "metadata-location": "", name: "x" },
];

let env: RestEnv;
let rest: RestClient;
beforeAll(async () => {
  env = await restEnv();
  rest = await env.freshCatalog();
  const api = new CatalogApi(rest);
  await api.createNamespace(["db"]);
  await api.createTable(ident("db", "t"), SCHEMA);
  await api.createView(ident("db", "v"), { schema: SCHEMA, queries: { spark: "select 1 as id" }, defaultNamespace: ["db"] });
});
afterAll(() => env.close());

/** A route's path with real objects in it (so handlers get past lookups), relative to /iceberg. */
function pathOf(pattern: string, fill: Partial<Record<string, string>> = {}): string {
  return pattern
    .replace("{prefix}", encodeURIComponent(rest.catalog))
    .replace("{namespace}", fill.namespace ?? "db")
    .replace("{table}", fill.table ?? "t")
    .replace("{view}", fill.view ?? "v");
}

function expectClientError(res: RestResult, what: string): void {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
}

function expectNoServerError(res: RestResult, what: string): void {
  expect(res.status, `${what} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
}

const postRoutes = () => router.routes.filter((r) => r.method === "POST");

describe("fuzz: every endpoint answers bad input with a 4xx in the spec's error shape", () => {
  it("malformed JSON and non-object bodies, at every POST endpoint", async () => {
    for (const route of postRoutes()) {
      for (const text of MALFORMED_TEXT) expectClientError(await rest.post(pathOf(route.path), undefined, { rawBody: text }), `${route.name} ${JSON.stringify(text.slice(0, 20))}`);
      for (const body of MALFORMED_JSON) expectClientError(await rest.post(pathOf(route.path), JSON.stringify(body)), `${route.name} ${JSON.stringify(body)}`);
      expectClientError(await rest.post(pathOf(route.path)), `${route.name} without a body`);
    }
  });

  it("wrong types, missing fields, unknown actions and requirement types, huge and odd values, at every POST endpoint", async () => {
    for (const route of postRoutes()) {
      for (const body of ODD_BODIES) expectNoServerError(await rest.post(pathOf(route.path), body), `${route.name} ${stringifyJson(body).slice(0, 120)}`);
      expectClientError(await rest.post(pathOf(route.path), undefined, { rawBody: DEEP_TYPE }), `${route.name} deeply nested type`);
    }
  });

  it("huge, empty, control-character and badly encoded names in paths, at every endpoint", async () => {
    const names = [HUGE, "%ZZ", "%E0%A4%A", "a%00b", "%2E%2E", encodeURIComponent("x\u001fy")];
    for (const route of router.routes) {
      for (const name of names) {
        const fills = [{ namespace: name }, { table: name }, { view: name }].filter((fill) => route.path.includes(`{${Object.keys(fill)[0]}}`));
        for (const fill of fills) {
          const path = pathOf(route.path, fill);
          const res = await rest.request(route.method, path, route.method === "POST" ? {} : undefined);
          expectNoServerError(res, `${route.name} ${route.method} ${path.slice(0, 80)}`);
        }
      }
    }
    expectClientError(await rest.get(`/v1/${encodeURIComponent(HUGE)}/namespaces`), "huge prefix");
    expectClientError(await rest.get("/v1/%ZZ/namespaces"), "malformed prefix");
  });

  it("bad query parameters", async () => {
    const cases = [
      "namespaces?pageSize=abc",
      "namespaces?pageSize=-5",
      "namespaces?pageSize=99999999999999999999",
      "namespaces?pageToken=%%%",
      "namespaces?pageToken=bm90LWpzb24",
      `namespaces?parent=${HUGE}`,
      "namespaces?parent=%1F%1F",
      "namespaces/db/tables?pageSize=0",
      "namespaces/db/views?pageToken=e30",
      "namespaces/db/tables/t?snapshots=none",
    ];
    for (const path of cases) expectClientError(await rest.get(path), path);
    expectClientError(await rest.delete("namespaces/db/tables/t?purgeRequested=yes"), "purgeRequested=yes");
    expectClientError(await rest.get("/v1/config?warehouse=%00"), "warehouse with NUL");
  });

  it("wrong methods at every endpoint: 405 with Allow", async () => {
    for (const route of router.routes) {
      for (const method of ["PUT", "PATCH", "GET", "POST", "DELETE", "HEAD"]) {
        if (router.routes.some((r) => r.path === route.path && r.method === method)) continue;
        const res = await rest.request(method, pathOf(route.path), method === "POST" ? {} : undefined);
        expect(res.status, `${method} ${route.path}`).toBe(405);
        expect(res.headers.get("allow"), `${method} ${route.path}`).toBeTruthy();
      }
    }
  });

  it("unknown paths: 404", async () => {
    for (const path of ["/v1", "/v1/", "/v2/config", "/v1/config/extra", `/v1/${rest.catalog}/nonsense`, "namespaces/db/tables/t/extra", "namespaces/db/tables/t/metrics/x", "namespaces/db/things", "tables/rename/now", "/v1/oauth"]) {
      const res = await rest.get(path);
      expect(res.status, path).toBe(404);
    }
  });

  it("malformed Idempotency-Key headers on every mutation", async () => {
    for (const route of router.routes.filter((r) => r.idempotent)) {
      for (const key of ["", "x", HUGE.slice(0, 300), "017F22E2-79B0-7CC3-98C4-DC0C0C07398"]) {
        const res = await rest.request(route.method, pathOf(route.path), route.method === "POST" ? {} : undefined, { headers: { "idempotency-key": key } });
        expectClientError(res, `${route.name} key ${JSON.stringify(key.slice(0, 20))}`);
      }
    }
  });

  it("the token endpoint: bad forms and content are OAuth errors, never 5xx", async () => {
    const anonymous = rest.as(null);
    for (const body of ["", "grant_type=", "grant_type=password&username=a&password=b", "%%%", HUGE, "grant_type=client_credentials&client_id=&client_secret=", "grant_type=client_credentials&client_id=a%00b&client_secret=x", `grant_type=client_credentials&client_id=${HUGE}&client_secret=${HUGE}`]) {
      const res = await anonymous.post("/v1/oauth/tokens", undefined, { rawBody: body, headers: { "content-type": "application/x-www-form-urlencoded" } });
      expectClientError(res, `token ${JSON.stringify(body.slice(0, 40))}`);
    }
    for (const basic of ["Basic !!!", "Basic ", `Basic ${Buffer.from("no-colon").toString("base64")}`]) {
      const res = await anonymous.post("/v1/oauth/tokens", undefined, { rawBody: "grant_type=client_credentials", headers: { authorization: basic } });
      expectClientError(res, `token ${basic}`);
    }
  });

  it("left the catalog's objects as they were", async () => {
    const api = new CatalogApi(rest);
    expect(await api.tableExists(ident("db", "t"))).toBe(true);
    expect(await api.viewExists(ident("db", "v"))).toBe(true);
  });
});

describe("fuzz: NUL characters never reach the metadata store as a 500", () => {
  it("in names, bodies, warehouse and page tokens", async () => {
    // A page token is lib/catalog's opaque cursor: SQLite pages past a NUL, PostgreSQL refuses it (400).
    const nulToken = Buffer.from(JSON.stringify({ a: "\u0000" })).toString("base64url");
    expectNoServerError(await rest.get(`namespaces?pageToken=${nulToken}`), "NUL page token");
    expectNoServerError(await rest.get(`namespaces/db/tables?pageToken=${nulToken}`), "NUL page token");
    for (const res of [
      await rest.post("tables/rename", { source: { namespace: ["db"], name: "t\u0000" }, destination: { namespace: ["db"], name: "u" } }),
      await rest.post("transactions/commit", { "table-changes": [{ identifier: { namespace: ["d\u0000b"], name: "t" }, requirements: [], updates: [] }] }),
      await rest.get("namespaces/db%00/tables/t"),
    ]) {
      expectClientError(res, res.operation);
    }
  });
});
