import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { listMigrations, migrate } from "./migrate";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe("migrate", () => {
  it("has applied every committed migration and applies nothing twice", async () => {
    expect(listMigrations(t.provider).length).toBeGreaterThan(0);
    expect(await migrate(t.url)).toEqual([]);
    expect(await t.db.user.count()).toBe(0);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "tarn-migrations-"));
    cpSync(path.resolve("prisma/migrations"), root, { recursive: true });
    const first = listMigrations(t.provider, root)[0];
    writeFileSync(path.join(root, t.provider, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(migrate(t.url, root)).rejects.toThrow(`Migration ${first.name} was changed after it was applied`);
  });

  it("applies a new migration once, and a failing one leaves no trace", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "tarn-migrations-"));
    cpSync(path.resolve("prisma/migrations"), root, { recursive: true });
    const dir = path.join(root, t.provider);
    cpSync(path.join(dir, listMigrations(t.provider, root)[0].name), path.join(dir, "9998_extra"), { recursive: true });
    writeFileSync(path.join(dir, "9998_extra", "migration.sql"), "CREATE TABLE tarn_probe (id INTEGER PRIMARY KEY);");
    expect(await migrate(t.url, root)).toEqual(["9998_extra"]);
    expect(await migrate(t.url, root)).toEqual([]);
    cpSync(path.join(dir, "9998_extra"), path.join(dir, "9999_broken"), { recursive: true });
    writeFileSync(path.join(dir, "9999_broken", "migration.sql"), "CREATE TABLE tarn_probe2 (id INTEGER PRIMARY KEY); CREATE TABLE tarn_probe (id INTEGER);");
    await expect(migrate(t.url, root)).rejects.toThrow();
    const probe2 = await t.db.$queryRawUnsafe<unknown[]>(
      t.provider === "sqlite" ? "SELECT name FROM sqlite_master WHERE name = 'tarn_probe2'" : "SELECT tablename::text FROM pg_tables WHERE tablename = 'tarn_probe2'",
    );
    expect(probe2).toEqual([]);
  });
});
