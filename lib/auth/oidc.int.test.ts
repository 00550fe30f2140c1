import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/access";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { createUser, setUserDisabled } from "./index";
import { readOidcSettings, upsertOidcUser } from "./oidc";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe("OIDC settings", () => {
  it("is off unless an issuer is set, and complete when it is", () => {
    expect(readOidcSettings({})).toBeNull();
    expect(() => readOidcSettings({ TARN_OIDC_ISSUER: "https://idp" })).toThrow(/TARN_OIDC_CLIENT_ID and TARN_OIDC_CLIENT_SECRET/);
    expect(() => readOidcSettings({ TARN_OIDC_ISSUER: "https://idp", TARN_OIDC_CLIENT_ID: "a", TARN_OIDC_CLIENT_SECRET: "b", TARN_OIDC_DEFAULT_ROLE: "root" })).toThrow(/TARN_OIDC_DEFAULT_ROLE/);
    expect(readOidcSettings({ TARN_OIDC_ISSUER: "https://idp/realms/x/", TARN_OIDC_CLIENT_ID: "a", TARN_OIDC_CLIENT_SECRET: "b" })).toEqual({
      issuer: "https://idp/realms/x",
      clientId: "a",
      clientSecret: "b",
      name: "Single sign-on",
      defaultRole: "analyst",
    });
  });
});

describe("upsertOidcUser", () => {
  const issuer = "https://idp.example";

  it("creates a user on first sign-in and finds the same one after", async () => {
    const first = await upsertOidcUser(t.db, { issuer, subject: "s-1", email: "Kim@Example.com", name: "Kim", preferredUsername: "kim" }, "analyst");
    const again = await upsertOidcUser(t.db, { issuer, subject: "s-1", email: "kim@example.com" }, "analyst");
    expect(again?.id).toBe(first?.id);
    const row = await t.db.user.findUniqueOrThrow({ where: { id: first!.id } });
    expect(row).toMatchObject({ username: "kim", email: "kim@example.com", role: "analyst", authProvider: "oidc", passwordHash: null });
  });

  it("never takes over a local account with the same name", async () => {
    await createUser(t.db, SYSTEM, { username: "lee", role: "admin", password: "local-password" });
    const sso = await upsertOidcUser(t.db, { issuer, subject: "s-2", preferredUsername: "lee" }, "analyst");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: sso!.id } });
    expect(row.username).toBe("lee-2");
    expect(row.role).toBe("analyst");
  });

  it("refuses a disabled user", async () => {
    const user = await upsertOidcUser(t.db, { issuer, subject: "s-3", preferredUsername: "max" }, "analyst");
    await setUserDisabled(t.db, SYSTEM, { id: user!.id, disabled: true });
    expect(await upsertOidcUser(t.db, { issuer, subject: "s-3" }, "analyst")).toBeNull();
  });
});
