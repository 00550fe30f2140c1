import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM, type UserPrincipal } from "@/lib/access";
import { getConfig } from "@/lib/config";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { createCatalog } from "./catalogs";
import { addStorageLocation, listStorageLocations, removeStorageLocation } from "./storage";

let t: TestCatalog;
let root: string;
beforeAll(async () => {
  t = await testCatalog();
  root = mkdtempSync(path.join(tmpdir(), "tarn-storage-"));
});
afterAll(async () => {
  await t.close();
  rmSync(root, { recursive: true, force: true });
});

const analyst: UserPrincipal = { kind: "user", userId: "u", username: "ana", displayName: null, role: "analyst", groupIds: [] };

describe("storage locations", () => {
  it("adds a location, creating its folder, and lists which catalogs use each", async () => {
    const folder = path.join(root, "fast", "disk");
    const added = await addStorageLocation(t.db, SYSTEM, { name: "fast", path: folder, comment: "NVMe" });
    expect(added).toMatchObject({ name: "fast", path: folder, comment: "NVMe", isDefault: false, catalogs: [] });
    await createCatalog(t.db, SYSTEM, { name: "hot", kind: "managed", storageLocation: "fast" });
    const list = await listStorageLocations(t.db, SYSTEM);
    expect(list.map((l) => [l.name, l.isDefault, l.catalogs.map((c) => c.path)])).toEqual([
      ["fast", false, ["hot"]],
      ["warehouse", true, ["lake"]],
    ]);
    const audit = await t.db.auditEvent.findFirst({ where: { action: "storage.add" } });
    expect(JSON.parse(audit?.details ?? "{}")).toEqual({ name: "fast", path: folder });
  });

  it("refuses a location in use, the default one, and unknown names", async () => {
    await expect(removeStorageLocation(t.db, SYSTEM, "fast")).rejects.toMatchObject({ code: "conflict", message: 'Storage location "fast" is in use by catalog hot; drop or move those catalogs first.' });
    await expect(removeStorageLocation(t.db, SYSTEM, "warehouse")).rejects.toMatchObject({ code: "bad_request" });
    await expect(removeStorageLocation(t.db, SYSTEM, "nope")).rejects.toMatchObject({ code: "not_found" });
  });

  it("removes an unused location and keeps its folder", async () => {
    const folder = path.join(root, "spare");
    await addStorageLocation(t.db, SYSTEM, { name: "spare", path: folder });
    await removeStorageLocation(t.db, SYSTEM, "spare");
    expect((await listStorageLocations(t.db, SYSTEM)).map((l) => l.name)).toEqual(["fast", "warehouse"]);
    expect(await t.db.auditEvent.count({ where: { action: "storage.remove" } })).toBe(1);
  });

  it("refuses bad folders and names with clear messages", async () => {
    const add = (name: string, p: string) => addStorageLocation(t.db, SYSTEM, { name, path: p });
    await expect(add("rel", "relative/dir")).rejects.toMatchObject({ message: expect.stringContaining("absolute path") });
    await expect(add("", path.join(root, "x"))).rejects.toMatchObject({ message: "A storage location name cannot be empty." });
    await expect(add("fast", path.join(root, "y"))).rejects.toMatchObject({ code: "conflict", message: 'A storage location named "fast" already exists.' });
    await expect(add("again", path.join(root, "fast", "disk"))).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining('Storage location "fast" already uses') });
    await expect(add("inner", path.join(root, "fast", "disk", "inner"))).rejects.toMatchObject({ message: expect.stringContaining("locations cannot be nested") });
    await expect(add("outer", root)).rejects.toMatchObject({ message: expect.stringContaining("locations cannot be nested") });
    await expect(add("data", path.join(getConfig().dataDir, "elsewhere"))).rejects.toMatchObject({ message: expect.stringContaining("inside Tarn's data folder") });
    writeFileSync(path.join(root, "a-file"), "");
    await expect(add("file", path.join(root, "a-file"))).rejects.toMatchObject({ message: expect.stringContaining("a file is in the way") });
  });

  it("refuses a folder the server cannot write", async () => {
    // /proc/1 exists and refuses new files even to root, so this holds for every user.
    await expect(addStorageLocation(t.db, SYSTEM, { name: "locked", path: "/proc/1" })).rejects.toMatchObject({ message: expect.stringContaining("Tarn cannot write to") });
  });

  it("is for admins only", async () => {
    await expect(listStorageLocations(t.db, analyst)).rejects.toMatchObject({ code: "forbidden" });
    await expect(addStorageLocation(t.db, analyst, { name: "mine", path: path.join(root, "mine") })).rejects.toMatchObject({ code: "forbidden" });
    await expect(removeStorageLocation(t.db, analyst, "fast")).rejects.toMatchObject({ code: "forbidden" });
  });
});
