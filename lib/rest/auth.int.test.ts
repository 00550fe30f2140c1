import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/access";
import { createApiClient, createPersonalToken, createUser, forgetBearerTokens, revokePersonalToken } from "@/lib/auth";
import { CatalogApi, ident } from "./testing/catalog-api";
import { type RestEnv, restEnv } from "./testing/env";
import { checkAgainstSpec, ns, type RestClient } from "./testing/rest-client";

const SCHEMA = { type: "struct", fields: [{ id: 1, name: "id", type: "long", required: true }] };

let env: RestEnv;
let client: { clientId: string; clientSecret: string };
beforeAll(async () => {
  env = await restEnv();
  const owner = await createUser(env.t.db, SYSTEM, { username: "engine-owner", role: "analyst", password: "engine-owner-password" });
  client = await createApiClient(env.t.db, SYSTEM, { name: "spark", ownerId: owner.id });
});
afterAll(() => env.close());
beforeEach(() => forgetBearerTokens());

async function token(body: string, headers: Record<string, string> = {}) {
  return env.admin.as(null).post("/v1/oauth/tokens", undefined, { rawBody: body, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
}

describe("authentication", () => {
  it("refuses a call without a token, or with a wrong one, with 401 NotAuthorizedException and a challenge", async () => {
    for (const anonymous of [env.admin.as(null), env.admin.as("tarn_pat_nonsense")]) {
      const res = await anonymous.get("namespaces");
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ type: "NotAuthorizedException", code: 401 });
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    // unknown paths and methods too: nothing is told before authentication
    expect((await env.admin.as(null).get("/v1/nowhere")).status).toBe(401);
    expect((await env.admin.as(null).request("DELETE", "/v1/config")).status).toBe(401);
  });

  it("accepts a person's access token until it is revoked", async () => {
    const { id } = await createUser(env.t.db, SYSTEM, { username: "pat-person", role: "analyst", password: "pat-person-password" });
    const person = { kind: "user" as const, userId: id, username: "pat-person", displayName: null, role: "analyst" as const, groupIds: [] };
    const pat = await createPersonalToken(env.t.db, person, { name: "laptop" });
    expect(pat.token).toMatch(/^tarn_pat_/);
    expect((await env.admin.as(pat.token).get("namespaces")).status).toBe(200);
    await revokePersonalToken(env.t.db, person, pat.id);
    forgetBearerTokens();
    expect((await env.admin.as(pat.token).get("namespaces")).status).toBe(401);
  });

  it("issues tokens for client credentials in the body or as HTTP Basic, usable as bearer tokens", async () => {
    const form = `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}&scope=catalog`;
    const res = await token(form);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: "bearer", expires_in: 3600, issued_token_type: "urn:ietf:params:oauth:token-type:access_token", scope: "catalog" });
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await env.admin.as(res.body.access_token).get("/v1/config?warehouse=lake")).status).toBe(200);
    const basic = Buffer.from(`${client.clientId}:${client.clientSecret}`).toString("base64");
    const viaBasic = await token("grant_type=client_credentials", { authorization: `Basic ${basic}` });
    expect(viaBasic.status).toBe(200);
  });

  it("refreshes a valid client token by token exchange, as Java clients do, and not a personal one", async () => {
    const first = await token(`grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}`);
    const subject = String(first.body.access_token);
    const refreshed = await token(`grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=${encodeURIComponent(subject)}&subject_token_type=urn:ietf:params:oauth:token-type:access_token`);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(subject);
    expect(refreshed.body.expires_in).toBe(3600);
  });

  it("answers token errors in OAuth's shape: invalid_client 401, invalid_request and unsupported_grant_type 400", async () => {
    const wrong = await token(`grant_type=client_credentials&client_id=${client.clientId}&client_secret=wrong`);
    expect([wrong.status, wrong.body.error]).toEqual([401, "invalid_client"]);
    expect(wrong.body.error_description).toContain("not right");
    const unknown = await token("grant_type=client_credentials&client_id=nobody&client_secret=x");
    expect(unknown.body).toEqual(wrong.body);
    expect((await token("grant_type=client_credentials")).body.error).toBe("invalid_request");
    expect((await token("client_id=a&client_secret=b")).body.error).toBe("invalid_request");
    const exchange = await token("grant_type=urn:ietf:params:oauth:grant-type:token-exchange&subject_token=x");
    expect([exchange.status, exchange.body.error]).toEqual([400, "invalid_grant"]);
    const password = await token("grant_type=password&username=a&password=b");
    expect([password.status, password.body.error]).toEqual([400, "unsupported_grant_type"]);
    const get = await env.admin.as(null).get("/v1/oauth/tokens");
    expect(get.status).toBe(405);
  });
});

describe("authorization: the principal's grants, through lib/access", () => {
  let admin: CatalogApi;
  let analyst: RestClient;
  beforeAll(async () => {
    const rest = await env.freshCatalog();
    admin = new CatalogApi(rest);
    analyst = rest.as(env.tokens.analyst);
    await admin.createNamespace(["db"]);
    await admin.createTable(ident("db", "t"), SCHEMA);
  });

  it("lets an analyst read and create but not drop: 403 ForbiddenException", async () => {
    expect((await analyst.get(`namespaces/${ns("db")}/tables/t`)).status).toBe(200);
    expect((await analyst.post(`namespaces/${ns("db")}/tables`, { name: "mine", schema: SCHEMA })).status).toBe(200);
    for (const res of [await analyst.delete(`namespaces/${ns("db")}/tables/t`), await analyst.delete(`namespaces/${ns("db")}`)]) {
      expect(res.status, res.operation).toBe(403);
      expect(res.body.error.type).toBe("ForbiddenException");
    }
    expect(await admin.tableExists(ident("db", "t"))).toBe(true);
  });

  it("a forbidden object and a missing one look the same, so names cannot be probed", async () => {
    const existing = await analyst.delete(`namespaces/${ns("db")}/tables/t`);
    const missing = await analyst.delete(`namespaces/${ns("db")}/tables/no-such-table`);
    expect([missing.status, missing.body]).toEqual([existing.status, existing.body]);
  });
});

describe("routing", () => {
  it("answers unknown paths with 404 and wrong methods with 405 and Allow, in the spec's error shape", async () => {
    const unknown = await env.admin.get("namespaces/x/y/z");
    expect([unknown.status, unknown.body.error.type]).toEqual([404, "NotFoundException"]);
    const wrong = await env.admin.request("PUT", "namespaces");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET, POST");
    checkAgainstSpec("PUT", wrong);
  });

  it("config needs a warehouse that exists", async () => {
    const none = await env.admin.get("/v1/config");
    expect([none.status, none.body.error.type]).toEqual([400, "BadRequestException"]);
    const missing = await env.admin.get("/v1/config?warehouse=nope");
    expect([missing.status, missing.body.error.type]).toEqual([404, "NoSuchWarehouseException"]);
  });
});
