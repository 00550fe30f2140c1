import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schema } from "@/lib/iceberg/spec";
import { testCatalog, type TestCatalog } from "@/tests/support/catalog";
import { appendRows, createTable, loadTable, scanTable } from "./index";

let t: TestCatalog;
beforeAll(async () => {
  t = await testCatalog();
});
afterAll(() => t.close());

const ident = { catalog: "lake", namespace: ["db"], name: "survivor" };
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "day", type: "date", required: false },
    { id: 3, name: "label", type: "string", required: false },
  ],
};

async function rowCount(): Promise<number> {
  const { sql } = await scanTable(t.ctx, ident);
  return Number((await t.rows(`SELECT count(*) AS n FROM ${sql} s`))[0].n);
}

/** Starts the crash writer and resolves once it has written everything but the commit. */
function writerReadyToCommit(): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/crash-writer.ts", t.url, "lake", "db", "survivor"], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      if (out.includes("READY")) resolve(child);
    });
    child.stderr?.on("data", (chunk) => {
      err += chunk;
    });
    child.on("exit", (code) => reject(new Error(`crash writer exited (${code}) before it was ready: ${err}`)));
  });
}

describe("a writer killed between writing files and committing", () => {
  it("leaves the table readable at its previous snapshot, and writable", async () => {
    await createTable(t.ctx, ident, { schema });
    await appendRows(t.ctx, ident, t.duck, "SELECT range AS id, NULL::DATE AS day, 'kept' AS label FROM range(10)");
    const before = await loadTable(t.ctx, ident);

    const child = await writerReadyToCommit();
    child.kill("SIGKILL");
    await new Promise((resolve) => child.once("exit", resolve));

    const after = await loadTable(t.ctx, ident);
    expect(after.metadataLocation).toBe(before.metadataLocation);
    expect(after.metadata.currentSnapshotId).toBe(before.metadata.currentSnapshotId);
    expect(await rowCount()).toBe(10);

    await appendRows(t.ctx, ident, t.duck, "SELECT 99 AS id, NULL::DATE AS day, 'later' AS label");
    expect(await rowCount()).toBe(11);
  }, 60_000);
});
