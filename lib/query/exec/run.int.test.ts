import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QueryEngine } from "./engine";
import { listRuns } from "./history";
import { readRows } from "./result-pages";
import { runStatements } from "./run-batch";
import { getRun } from "./run-view";
import { type ExecFixture, execFixture } from "./testing/exec-fixture";

let f: ExecFixture;
let engine: QueryEngine;
beforeAll(async () => {
  f = await execFixture();
  engine = f.engine({ slots: 2 });
});
afterAll(() => f.close());

describe("a batch of statements", () => {
  it("runs each statement in the session the one before left, one run each, and keeps every result", async () => {
    const batch = await f.runAll(engine, "SELECT count(*) AS n FROM numbers;\nUSE lake.db;\nSELECT id, label FROM lake.db.numbers WHERE grp = 3 ORDER BY id LIMIT 5");
    expect(batch.runs.map((r) => r.sql)).toEqual(["SELECT count(*) AS n FROM numbers", "USE lake.db", "SELECT id, label FROM lake.db.numbers WHERE grp = 3 ORDER BY id LIMIT 5"]);
    const [count, use, select] = await Promise.all(batch.runs.map((r) => getRun(f.reader(), engine, r.id)));
    expect(count).toMatchObject({ status: "succeeded", rowCount: 1, complete: true, columns: [{ name: "n", type: "BIGINT" }], tablesRead: ["lake.db.numbers"] });
    expect(count.bytesScanned).toBeGreaterThan(0);
    expect(use).toMatchObject({ status: "succeeded", message: expect.stringContaining("lake.db"), session: { catalog: "lake", namespace: ["db"] }, columns: null });
    expect(select).toMatchObject({ status: "succeeded", rowCount: 5 });
    const page = await readRows(f.reader(), engine, select.id, { offset: 0, limit: 10 });
    expect(page).toEqual({ columns: [{ name: "id", type: "BIGINT" }, { name: "label", type: "VARCHAR" }], rows: [["3", "row 3"], ["10", "row 10"], ["17", "row 17"], ["24", "row 24"], ["31", "row 31"]], total: 5, complete: true });
    const file = path.join(engine.options.resultsDir, f.user.userId, `${select.id}.parquet`);
    expect(existsSync(file)).toBe(true);
    const row = await f.t.db.queryRun.findUniqueOrThrow({ where: { id: select.id } });
    expect(row).toMatchObject({ status: "succeeded", rowCount: 5, resultPath: file, userId: f.user.userId, tablesRead: '["lake.db.numbers"]' });
    expect(row.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("stops at the first statement that fails; the ones after it are not run", async () => {
    const batch = await f.runAll(engine, "SELECT 1 AS a; SELECT no_such_column FROM numbers; SELECT 2 AS b");
    const states = await Promise.all(batch.runs.map((r) => getRun(f.reader(), engine, r.id)));
    expect(states.map((s) => s.status)).toEqual(["succeeded", "failed", "cancelled"]);
    expect(states[1].error?.message).toMatch(/no_such_column/);
    expect(states[2].error).toEqual({ message: "Not run: statement 2 failed." });
  });

  it("refuses what cannot be run before recording anything", async () => {
    const before = await f.t.db.queryRun.count();
    await expect(runStatements(f.ctx(), "  ;  ", {}, engine)).rejects.toMatchObject({ code: "bad_request", message: "There is no statement to run." });
    await expect(runStatements(f.ctx(), "SELECT 1", { notebookId: "nosuchnotebook" }, engine)).rejects.toMatchObject({ code: "not_found" });
    await expect(runStatements(f.ctx(), "SELECT 1", { cellId: "c1" }, engine)).rejects.toMatchObject({ code: "bad_request" });
    await expect(runStatements(f.ctx(), "SELECT 1;".repeat(101), {}, engine)).rejects.toMatchObject({ message: "A cell may hold at most 100 statements; this one has 101." });
    expect(await f.t.db.queryRun.count()).toBe(before);
  });

  it("keeps history per person, newest first, searchable", async () => {
    const history = await listRuns(f.reader(), { search: "no_such" });
    expect(history.runs.map((r) => [r.sql, r.status])).toEqual([["SELECT no_such_column FROM numbers", "failed"]]);
    expect(history.runs[0].error?.message).toMatch(/no_such_column/);
    const all = await listRuns(f.reader(), { limit: 2 });
    expect(all.runs.map((r) => r.sql)).toEqual(["SELECT 2 AS b", "SELECT no_such_column FROM numbers"]);
    const next = await listRuns(f.reader(), { limit: 2, after: all.next as string });
    expect(next.runs.map((r) => r.sql)).toEqual(["SELECT 1 AS a", "SELECT id, label FROM lake.db.numbers WHERE grp = 3 ORDER BY id LIMIT 5"]);
    const other = await f.person();
    expect((await listRuns(f.reader(other))).runs).toEqual([]);
  });
});
