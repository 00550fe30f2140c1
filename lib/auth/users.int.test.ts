import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents, SYSTEM, type UserPrincipal } from "@/lib/access";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { addGroupMember, authenticate, createGroup, createUser, ensureAdmin, listGroups, listUsers, removeGroupMember, resetUserPassword, setUserDisabled, setUserRole } from "./index";
import { principalForSession } from "./session-principal";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

const analyst = (userId = "x"): UserPrincipal => ({ kind: "user", userId, username: "someone", displayName: null, role: "analyst", groupIds: [] });

describe("users and groups", () => {
  it("bootstraps one admin once, with a generated password that signs in", async () => {
    const first = await ensureAdmin(t.db);
    expect(first.created).toBe(true);
    expect(first.generatedPassword).toHaveLength(20);
    expect(await ensureAdmin(t.db)).toEqual({ created: false });
    const user = await authenticate(t.db, { login: "admin", password: first.generatedPassword! });
    expect(user.username).toBe("admin");
  });

  it("creates a user, audited, who can then sign in by username or e-mail", async () => {
    const { id, generatedPassword } = await createUser(t.db, SYSTEM, { username: "Ada", email: "Ada@Example.com", role: "steward", password: "analytical-engine" });
    expect(generatedPassword).toBeUndefined();
    expect((await authenticate(t.db, { login: "ada", password: "analytical-engine" })).id).toBe(id);
    expect((await authenticate(t.db, { login: "ADA@example.com", password: "analytical-engine" })).id).toBe(id);
    const events = await listAuditEvents(t.db, { action: "user.create" });
    expect(events.some((e) => e.targetId === id && e.actorName === "system" && e.details.username === "ada")).toBe(true);
  });

  it("refuses duplicates and bad e-mail addresses with clear messages, writing nothing", async () => {
    const before = await t.db.user.count();
    await expect(createUser(t.db, SYSTEM, { username: "ada", role: "analyst" })).rejects.toMatchObject({ code: "conflict", message: 'A user named "ada" already exists.' });
    await expect(createUser(t.db, SYSTEM, { username: "ada2", email: "ada@example.com", role: "analyst" })).rejects.toMatchObject({
      code: "conflict",
      message: "The e-mail address ada@example.com is already in use.",
    });
    await expect(createUser(t.db, SYSTEM, { username: "bob", email: "bob@", role: "analyst" })).rejects.toMatchObject({ code: "bad_request", fieldErrors: { email: [expect.stringContaining("valid e-mail")] } });
    expect(await t.db.user.count()).toBe(before);
  });

  it("lets only admins manage users", async () => {
    await expect(createUser(t.db, analyst(), { username: "eve", role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listUsers(t.db, analyst())).rejects.toMatchObject({ code: "forbidden" });
    expect(await t.db.user.findUnique({ where: { username: "eve" } })).toBeNull();
  });

  it("disabling signs a user out and stops sign-in; enabling restores it", async () => {
    const { id } = await createUser(t.db, SYSTEM, { username: "carol", role: "analyst", password: "carol-password" });
    const user = await authenticate(t.db, { login: "carol", password: "carol-password" });
    expect(await principalForSession(t.db, { userId: id, sessionVersion: user.sessionVersion })).not.toBeNull();
    await setUserDisabled(t.db, SYSTEM, { id, disabled: true });
    expect(await principalForSession(t.db, { userId: id, sessionVersion: user.sessionVersion })).toBeNull();
    await expect(authenticate(t.db, { login: "carol", password: "carol-password" })).rejects.toMatchObject({ code: "unauthenticated" });
    await setUserDisabled(t.db, SYSTEM, { id, disabled: false });
    expect((await authenticate(t.db, { login: "carol", password: "carol-password" })).id).toBe(id);
  });

  it("resetting a password ends old sessions and only the new password works", async () => {
    const { id } = await createUser(t.db, SYSTEM, { username: "dave", role: "analyst", password: "dave-old-password" });
    const before = await authenticate(t.db, { login: "dave", password: "dave-old-password" });
    const { generatedPassword } = await resetUserPassword(t.db, SYSTEM, { id });
    expect(await principalForSession(t.db, { userId: id, sessionVersion: before.sessionVersion })).toBeNull();
    await expect(authenticate(t.db, { login: "dave", password: "dave-old-password" })).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await authenticate(t.db, { login: "dave", password: generatedPassword! })).id).toBe(id);
  });

  it("never leaves Tarn without an active admin", async () => {
    const admin = await t.db.user.findUniqueOrThrow({ where: { username: "admin" } });
    await expect(setUserDisabled(t.db, SYSTEM, { id: admin.id, disabled: true })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("last active admin") });
    await expect(setUserRole(t.db, SYSTEM, { id: admin.id, role: "analyst" })).rejects.toMatchObject({ code: "conflict" });
    const adminPrincipal = await principalForSession(t.db, { userId: admin.id, sessionVersion: admin.sessionVersion });
    await expect(setUserDisabled(t.db, adminPrincipal!, { id: admin.id, disabled: true })).rejects.toMatchObject({ message: "You cannot disable your own account." });
  });

  it("groups: create, refuse duplicates, add and remove members, all audited", async () => {
    const { id: groupId } = await createGroup(t.db, SYSTEM, { name: "Finance", description: "Money people" });
    await expect(createGroup(t.db, SYSTEM, { name: "finance" })).rejects.toMatchObject({ code: "conflict", message: 'A group named "finance" already exists.' });
    const ada = await t.db.user.findUniqueOrThrow({ where: { username: "ada" } });
    await addGroupMember(t.db, SYSTEM, { groupId, userId: ada.id });
    await expect(addGroupMember(t.db, SYSTEM, { groupId, userId: ada.id })).rejects.toMatchObject({ code: "conflict" });
    const principal = await principalForSession(t.db, { userId: ada.id, sessionVersion: ada.sessionVersion });
    expect(principal?.groupIds).toEqual([groupId]);
    expect((await listGroups(t.db, SYSTEM)).find((g) => g.id === groupId)?.members.map((m) => m.username)).toEqual(["ada"]);
    expect((await listUsers(t.db, SYSTEM)).find((u) => u.id === ada.id)?.groups).toEqual([{ id: groupId, name: "finance" }]);
    await removeGroupMember(t.db, SYSTEM, { groupId, userId: ada.id });
    const actions = (await listAuditEvents(t.db, { action: "group." })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["group.create", "group.addMember", "group.removeMember"]));
  });

  it("creates a user straight into groups, refusing a group that does not exist", async () => {
    const { id: groupId } = await createGroup(t.db, SYSTEM, { name: "ops" });
    const { id } = await createUser(t.db, SYSTEM, { username: "erin", role: "analyst", groupIds: [groupId] });
    expect(await t.db.groupMember.count({ where: { userId: id } })).toBe(1);
    await expect(createUser(t.db, SYSTEM, { username: "frank", role: "analyst", groupIds: ["nope"] })).rejects.toMatchObject({ code: "bad_request" });
    expect(await t.db.user.findUnique({ where: { username: "frank" } })).toBeNull();
  });
});
