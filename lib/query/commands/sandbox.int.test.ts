import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import { createSandboxedInstance } from "../exec/sandbox";
import { type Harness, harness } from "./testing/harness";

// Commands run on the connections exec lends: a sandboxed DuckDB that reaches only the warehouse.
let t: TestCatalog;
let instance: DuckDBInstance;
let duck: DuckDBConnection;
let tempDir: string;
let h: Harness;
beforeAll(async () => {
  t = await testCatalog();
  tempDir = mkdtempSync(path.join(tmpdir(), "tarn-commands-spill-"));
  instance = await createSandboxedInstance({ allowed: [t.warehouse], memoryLimit: "512MB", threads: 1, tempDir });
  duck = await instance.connect();
  h = harness(t, { duck });
});
afterAll(async () => {
  duck.closeSync();
  instance.closeSync();
  rmSync(tempDir, { recursive: true, force: true });
  await t.close();
});

it("writes, rewrites and merges inside the sandbox", async () => {
  await h.run("CREATE TABLE events (id BIGINT, kind VARCHAR, ts TIMESTAMPTZ) PARTITIONED BY (day(ts), bucket(4, id))");
  expect((await h.run("INSERT INTO events SELECT range, CASE WHEN range % 2 = 0 THEN 'even' ELSE 'odd' END, TIMESTAMPTZ '2024-05-01 00:00:00+00' + range * INTERVAL 7 HOUR FROM range(20)")).rowsAffected).toBe(20);
  expect((await h.run("UPDATE events SET kind = upper(kind) WHERE id < 4")).rowsAffected).toBe(4);
  expect((await h.run("DELETE FROM events WHERE kind = 'odd'")).rowsAffected).toBe(8);
  expect((await h.run("CREATE TABLE summary AS SELECT kind, count(*) AS n, min(ts) AS first_at FROM events GROUP BY kind")).rowsAffected).toBe(3);
  await h.run("MERGE INTO summary s USING (SELECT 'even' AS kind, 100 AS n) c ON s.kind = c.kind WHEN MATCHED THEN UPDATE SET n = c.n");
  expect(await h.query("SELECT kind, n, first_at FROM summary ORDER BY kind")).toEqual([
    { kind: "EVEN", n: "2", first_at: "2024-05-01 00:00:00+00" },
    { kind: "ODD", n: "2", first_at: "2024-05-01 07:00:00+00" },
    { kind: "even", n: "100", first_at: "2024-05-02 04:00:00+00" },
  ]);
});
