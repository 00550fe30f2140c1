import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { listAuditEvents, SYSTEM, type UserPrincipal } from "@/lib/access";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import {
  createApiClient,
  createPersonalToken,
  createUser,
  forgetBearerTokens,
  INVALID_CLIENT,
  issueClientToken,
  listApiClients,
  listPersonalTokens,
  principalForBearer,
  revokePersonalToken,
  setApiClientDisabled,
  setUserDisabled,
} from "./index";

let t: TestDatabase;
let owner: { id: string };
let person: UserPrincipal;
beforeAll(async () => {
  t = await freshDatabase();
  owner = await createUser(t.db, SYSTEM, { username: "spark-owner", role: "analyst", password: "owner-password" });
  const u = await createUser(t.db, SYSTEM, { username: "pat-user", role: "steward", password: "pat-password" });
  person = { kind: "user", userId: u.id, username: "pat-user", displayName: null, role: "steward", groupIds: [] };
});
afterAll(() => t.drop());
beforeEach(() => forgetBearerTokens());

describe("API clients and the client-credentials grant", () => {
  it("issues a token for the right secret that acts as the client's owner", async () => {
    const client = await createApiClient(t.db, SYSTEM, { name: "spark prod", ownerId: owner.id });
    expect(client.clientId).toMatch(/^tarn_[0-9a-f]{18}$/);
    const { accessToken, expiresIn } = await issueClientToken(t.db, client.clientId, client.clientSecret);
    expect(expiresIn).toBe(3600);
    expect(await principalForBearer(t.db, accessToken)).toMatchObject({ kind: "user", userId: owner.id, username: "spark-owner", role: "analyst" });
    expect((await listApiClients(t.db, SYSTEM)).find((c) => c.clientId === client.clientId)?.lastUsedAt).not.toBeNull();
  });

  it("refuses a wrong secret, an unknown client and a disabled one the same way, and audits it", async () => {
    const client = await createApiClient(t.db, SYSTEM, { name: "trino", ownerId: owner.id });
    await expect(issueClientToken(t.db, client.clientId, "wrong")).rejects.toMatchObject({ code: "unauthenticated", message: INVALID_CLIENT });
    await expect(issueClientToken(t.db, "tarn_nope", client.clientSecret)).rejects.toMatchObject({ message: INVALID_CLIENT });
    const { accessToken } = await issueClientToken(t.db, client.clientId, client.clientSecret);
    await setApiClientDisabled(t.db, SYSTEM, client.id, true);
    forgetBearerTokens();
    expect(await principalForBearer(t.db, accessToken)).toBeNull();
    await expect(issueClientToken(t.db, client.clientId, client.clientSecret)).rejects.toMatchObject({ message: INVALID_CLIENT });
    expect((await listAuditEvents(t.db, { action: "oauth.token" })).filter((e) => e.outcome === "denied").length).toBeGreaterThanOrEqual(3);
  });

  it("only admins manage clients; names are unique", async () => {
    await expect(createApiClient(t.db, person, { name: "mine" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createApiClient(t.db, SYSTEM, { name: "spark prod", ownerId: owner.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(createApiClient(t.db, SYSTEM, { name: "x" })).rejects.toMatchObject({ code: "bad_request" });
  });

  it("an expired token is refused", async () => {
    const client = await createApiClient(t.db, SYSTEM, { name: "flink", ownerId: owner.id });
    const { accessToken } = await issueClientToken(t.db, client.clientId, client.clientSecret);
    expect(await principalForBearer(t.db, accessToken, Date.now() + 3601_000)).toBeNull();
  });
});

describe("personal access tokens", () => {
  it("creates, lists and revokes; a revoked or disabled user's token stops working", async () => {
    const { id, token } = await createPersonalToken(t.db, person, { name: "laptop" });
    expect(token).toMatch(/^tarn_pat_/);
    expect((await principalForBearer(t.db, token))?.username).toBe("pat-user");
    const listed = await listPersonalTokens(t.db, person);
    expect(listed).toEqual([expect.objectContaining({ id, name: "laptop", prefix: `${token.slice(0, 13)}…` })]);
    expect(JSON.stringify(listed)).not.toContain(token);
    await revokePersonalToken(t.db, person, id);
    forgetBearerTokens();
    expect(await principalForBearer(t.db, token)).toBeNull();
    const second = await createPersonalToken(t.db, person, { name: "ci", expiresInDays: 0 });
    await setUserDisabled(t.db, SYSTEM, { id: person.userId, disabled: true });
    forgetBearerTokens();
    expect(await principalForBearer(t.db, second.token)).toBeNull();
  });

  it("does not accept garbage", async () => {
    expect(await principalForBearer(t.db, "tarn_pat_nonsense")).toBeNull();
    expect(await principalForBearer(t.db, "")).toBeNull();
  });
});
