import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "@/lib/config";
import { createDb } from "@/lib/db";
import { freshDatabase, type TestDatabase } from "@/tests/support/db";
import { checkHealth } from "./index";

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
});
afterAll(() => t.drop());

describe("checkHealth", () => {
  it("reports ok when the database answers and the warehouse is writable", async () => {
    const config = readConfig({ TARN_DATA_DIR: mkdtempSync(path.join(tmpdir(), "tarn-health-")), DATABASE_URL: t.url });
    const report = await checkHealth(t.db, config);
    expect(report).toMatchObject({ status: "ok", database: { status: "ok", provider: t.provider }, warehouse: { status: "ok" } });
  });

  it("reports degraded, without details, when the database is unreachable", async () => {
    const url = t.provider === "sqlite" ? "file:/proc/no-such-dir/tarn.db" : "postgres://postgres@127.0.0.1:1/none";
    const broken = createDb(url);
    const config = readConfig({ TARN_DATA_DIR: mkdtempSync(path.join(tmpdir(), "tarn-health-")), DATABASE_URL: url });
    const report = await checkHealth(broken, config);
    expect(report.status).toBe("degraded");
    expect(report.database).toEqual({ status: "error", provider: t.provider, message: "The metadata database does not answer." });
    expect(JSON.stringify(report)).not.toContain("127.0.0.1");
  });

  it("reports a warehouse that cannot be used", async () => {
    // A file where the folder should be fails for every user, root included.
    const dataDir = mkdtempSync(path.join(tmpdir(), "tarn-health-"));
    writeFileSync(path.join(dataDir, "warehouse"), "not a folder");
    const report = await checkHealth(t.db, readConfig({ TARN_DATA_DIR: dataDir, DATABASE_URL: t.url }));
    expect(report).toMatchObject({ status: "degraded", warehouse: { status: "error", message: "The warehouse folder is not writable." } });
  });
});
