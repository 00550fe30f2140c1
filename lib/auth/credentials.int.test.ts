import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, SYSTEM } from "@/lib/access";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { authenticate, createUser, WRONG_CREDENTIALS } from "./index";
import type { ThrottlePolicy } from "./throttle";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await createUser(t.db, SYSTEM, { username: "grace", role: "analyst", password: "compiler-1952" });
});
afterAll(() => t.drop());

const policy: ThrottlePolicy = { windowMs: 60_000, maxFailuresPerLogin: 3, maxFailuresPerAddress: 10, lockMs: 60_000 };

describe("authenticate", () => {
  it("answers a wrong password and an unknown user the same way", async () => {
    await expect(authenticate(t.db, { login: "grace", password: "wrong-password" }, policy)).rejects.toMatchObject({ code: "unauthenticated", message: WRONG_CREDENTIALS });
    await expect(authenticate(t.db, { login: "nobody", password: "wrong-password" }, policy)).rejects.toMatchObject({ code: "unauthenticated", message: WRONG_CREDENTIALS });
  });

  it("locks a login after repeated failures, even for the right password, and says for how long", async () => {
    await createUser(t.db, SYSTEM, { username: "henry", role: "analyst", password: "henry-password" });
    for (let i = 0; i < 3; i++) await expect(authenticate(t.db, { login: "henry", password: "nope-nope-nope" }, policy)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(authenticate(t.db, { login: "henry", password: "henry-password" }, policy)).rejects.toMatchObject({
      code: "too_many_requests",
      message: "Too many failed sign-ins. Try again in 1 minute.",
    });
    // Other accounts are unaffected.
    expect((await authenticate(t.db, { login: "grace", password: "compiler-1952" }, policy)).username).toBe("grace");
  });

  it("locks an address that sprays many accounts", async () => {
    const spray: ThrottlePolicy = { ...policy, maxFailuresPerLogin: 100, maxFailuresPerAddress: 4 };
    for (let i = 0; i < 4; i++) await expect(authenticate(t.db, { login: `victim${i}`, password: "guess-guess", address: "10.9.9.9" }, spray)).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(authenticate(t.db, { login: "grace", password: "compiler-1952", address: "10.9.9.9" }, spray)).rejects.toMatchObject({ code: "too_many_requests" });
    expect((await authenticate(t.db, { login: "grace", password: "compiler-1952", address: "10.1.1.1" }, spray)).username).toBe("grace");
  });

  it("a success clears the login's failure count", async () => {
    await createUser(t.db, SYSTEM, { username: "ida", role: "analyst", password: "ida-password" });
    for (let i = 0; i < 2; i++) await expect(authenticate(t.db, { login: "ida", password: "wrong-wrong" }, policy)).rejects.toBeTruthy();
    await authenticate(t.db, { login: "ida", password: "ida-password" }, policy);
    for (let i = 0; i < 2; i++) await expect(authenticate(t.db, { login: "ida", password: "wrong-wrong" }, policy)).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await authenticate(t.db, { login: "ida", password: "ida-password" }, policy)).username).toBe("ida");
  });

  it("audits failures with the reason but never the password", async () => {
    const events = await listAuditEvents(t.db, { action: "auth.signIn" });
    const failure = events.find((e) => e.outcome === "denied" && e.actorName === "grace");
    expect(failure?.details.reason).toBe("wrong password");
    expect(JSON.stringify(events)).not.toContain("wrong-password");
  });

  it("asks for both fields when one is empty", async () => {
    await expect(authenticate(t.db, { login: " ", password: "" }, policy)).rejects.toMatchObject({ code: "bad_request" });
  });
});
