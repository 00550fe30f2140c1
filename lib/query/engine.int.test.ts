/**
 * The query engine as a notebook uses it: the real planner (plan/ + commands/) in the
 * real exec pool — DDL, DML, queries, time travel, refusals and errors, each statement of
 * a cell one run in the session the one before it left.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRun, type QueryEngine, readRows, type RunStatus, runStatements } from "./exec";
import { type ExecFixture, execFixture } from "./exec/testing/exec-fixture";
import { tarnPlanner } from "./planner";

let f: ExecFixture;
let engine: QueryEngine;
beforeAll(async () => {
  f = await execFixture({ rows: 100 });
  engine = f.engine({ slots: 2 }, tarnPlanner);
});
afterAll(() => f.close());

async function run(text: string): Promise<RunStatus[]> {
  const batch = await f.runAll(engine, text);
  return Promise.all(batch.runs.map((r) => getRun(f.reader(), engine, r.id)));
}

async function rowsOf(status: RunStatus): Promise<unknown[][]> {
  expect(status.error).toBeNull();
  return (await readRows(f.reader(), engine, status.id, { offset: 0, limit: 1000 })).rows;
}

describe("a notebook session through the real planner", () => {
  it("creates a table, writes it in several statements and reads each result", async () => {
    const runs = await run(`
      CREATE TABLE lake.db.events (id BIGINT, kind VARCHAR, amount DECIMAL(10, 2));
      INSERT INTO events VALUES (1, 'click', 1.50), (2, 'view', 2.25), (3, 'click', 3.00);
      UPDATE events SET amount = amount * 2 WHERE kind = 'click';
      DELETE FROM events WHERE id = 2;
      SELECT id, kind, amount FROM events ORDER BY id`);
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(runs[1].rowsAffected).toBe(3);
    expect(await rowsOf(runs[4])).toEqual([
      ["1", "click", "3.00"],
      ["3", "click", "6.00"],
    ]);
  });

  it("reads every earlier snapshot with AT (VERSION => …) and lists them in t$snapshots", async () => {
    const [snapshots] = await run(`SELECT snapshot_id FROM "events$snapshots" ORDER BY committed_at`);
    const ids = (await rowsOf(snapshots)).map(([id]) => String(id));
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const counts: unknown[] = [];
    for (const id of ids) {
      const [count] = await run(`SELECT count(*) AS n FROM events AT (VERSION => ${id})`);
      counts.push((await rowsOf(count))[0][0]);
    }
    // after INSERT: 3 rows; UPDATE keeps 3; DELETE leaves 2
    expect(counts.at(0)).toBe("3");
    expect(counts.at(-1)).toBe("2");
  });

  it("binds :name parameters instead of splicing them", async () => {
    const batch = await runStatementsWith("SELECT count(*) AS n FROM numbers WHERE label = :label", { label: "row 7' OR '1'='1" });
    expect(await rowsOf(batch)).toEqual([["0"]]);
    const exact = await runStatementsWith("SELECT count(*) AS n FROM numbers WHERE label = :label", { label: "row 7" });
    expect(await rowsOf(exact)).toEqual([["1"]]);
  });

  it("refuses what the sandbox does not run, naming the construct, and runs nothing after it", async () => {
    const runs = await run("SELECT * FROM read_csv('/etc/passwd'); SELECT 1");
    expect(runs.map((r) => r.status)).toEqual(["failed", "cancelled"]);
    expect(runs[0].error?.message).toMatch(/read_csv/i);
    expect(runs[0].error?.message).not.toMatch(/\/etc\/passwd.*No such|warehouse/);
    const [attach] = await run("ATTACH '/tmp/x.duckdb' AS x");
    expect(attach.error?.message).toMatch(/ATTACH/);
  });

  it("names the closest tables for an unknown one, at its line and column in the cell", async () => {
    const runs = await run("SELECT 1;\nSELECT *\n  FROM evnts");
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "failed"]);
    expect(runs[1].error?.message).toMatch(/events/);
    expect(runs[1].error).toMatchObject({ line: 3, column: 8 });
  });

  it("leaves no trace of a failed statement in the table", async () => {
    const before = await run("SELECT count(*) FROM events");
    const failed = await run("INSERT INTO events SELECT id, label, 1 / 0 FROM numbers WHERE CAST(label AS INTEGER) > 0");
    expect(failed[0].status).toBe("failed");
    const after = await run("SELECT count(*) FROM events");
    expect(await rowsOf(after[0])).toEqual(await rowsOf(before[0]));
  });
});

async function runStatementsWith(text: string, params: Record<string, string>): Promise<RunStatus> {
  const batch = await runStatements({ ...f.ctx(), params }, text, {}, engine);
  await batch.done;
  return getRun(f.reader(), engine, batch.runs[0].id);
}
