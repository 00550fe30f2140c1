import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelRun } from "./cancel";
import type { QueryEngine } from "./engine";
import { readRows } from "./result-pages";
import { runStatements } from "./run-batch";
import { HELD_MAX_STREAMED_ROWS } from "./stream-query";
import type { RunStatus } from "./run-types";
import { getRun } from "./run-view";
import { type ExecFixture, execFixture } from "./testing/exec-fixture";

// Runs until stopped: far more work than a test allows, checked for interrupts all along.
const ENDLESS = "SELECT count(*) AS n FROM range(1000000000000) t(i) WHERE i % 7 = 3";

let f: ExecFixture;
beforeAll(async () => {
  f = await execFixture();
});
afterAll(() => f.close());

/** The run's state once `until` holds, following its versions (long poll). */
async function waitFor(
  engine: QueryEngine,
  id: string,
  until: (s: RunStatus) => boolean,
): Promise<RunStatus> {
  let state = await getRun(f.reader(), engine, id);
  while (!until(state))
    state = await getRun(f.reader(), engine, id, { since: state.version, waitMs: 5_000 });
  return state;
}

describe("the pool", () => {
  it("queues statements when every slot is busy, shows their place, and runs them as slots free up", async () => {
    const engine = f.engine({ slots: 1 });
    const long = await runStatements(f.ctx(), ENDLESS, {}, engine);
    await waitFor(engine, long.runs[0].id, (s) => s.status === "running");
    // Statements join the queue once planned: the second is in it before the third is sent.
    const second = await runStatements(f.ctx(), "SELECT 2 AS two", {}, engine);
    expect(await waitFor(engine, second.runs[0].id, (s) => s.queuePosition !== null)).toMatchObject(
      { status: "queued", queuePosition: 1 },
    );
    const third = await runStatements(f.ctx(), "SELECT 3 AS three", {}, engine);
    expect(await waitFor(engine, third.runs[0].id, (s) => s.queuePosition !== null)).toMatchObject({
      status: "queued",
      queuePosition: 2,
    });
    // Cancelling the second moves the third up.
    expect(await cancelRun(f.reader(), engine, second.runs[0].id)).toMatchObject({
      status: "cancelled",
      error: { message: "Cancelled." },
    });
    expect(await waitFor(engine, third.runs[0].id, (s) => s.queuePosition === 1)).toMatchObject({
      status: "queued",
    });
    await cancelRun(f.reader(), engine, long.runs[0].id);
    await third.done;
    expect(await getRun(f.reader(), engine, third.runs[0].id)).toMatchObject({
      status: "succeeded",
      rowCount: 1,
    });
  });

  it("refuses new statements once the queue is full", async () => {
    const engine = f.engine({ slots: 1, queueMax: 1 });
    const long = await runStatements(f.ctx(), ENDLESS, {}, engine);
    await waitFor(engine, long.runs[0].id, (s) => s.status === "running");
    const queued = await runStatements(f.ctx(), "SELECT 1", {}, engine);
    await waitFor(engine, queued.runs[0].id, (s) => s.status === "queued" && s.queuePosition === 1);
    await expect(runStatements(f.ctx(), "SELECT 2", {}, engine)).rejects.toMatchObject({
      code: "too_many_requests",
    });
    await cancelRun(f.reader(), engine, long.runs[0].id);
    await queued.done;
  });
});

/** Endless too, but streamed: its result has no bound (ENDLESS, one row, runs to completion). */
const ENDLESS_STREAMED = "SELECT i FROM range(1000000000000) t(i) WHERE hash(i) = 0";

describe("stopping a statement", () => {
  it.each([
    ["run to completion", ENDLESS],
    ["streamed", ENDLESS_STREAMED],
  ])(
    "cancel interrupts DuckDB (%s), records the run as cancelled, and leaves the slot usable",
    async (_, endless) => {
      const engine = f.engine({ slots: 1 });
      const batch = await runStatements(f.ctx(), `${endless}; SELECT 'after' AS x`, {}, engine);
      const [long, after] = batch.runs;
      await waitFor(engine, long.id, (s) => s.status === "running");
      // A statement still running after a moment is "running" in the history too (a quick one is written once, when it ends).
      await expect
        .poll(
          async () => (await f.t.db.queryRun.findUniqueOrThrow({ where: { id: long.id } })).status,
          { timeout: 10_000 },
        )
        .toBe("running");
      const state = await cancelRun(f.reader(), engine, long.id);
      expect(state).toMatchObject({ status: "cancelled", error: { message: "Cancelled." } });
      await batch.done;
      expect(await getRun(f.reader(), engine, after.id)).toMatchObject({ status: "cancelled" });
      expect(await f.t.db.queryRun.findUniqueOrThrow({ where: { id: long.id } })).toMatchObject({
        status: "cancelled",
        error: JSON.stringify({ message: "Cancelled." }),
      });
      expect(engine.pool.busySlots).toBe(0);
      // Interrupted, not abandoned: the instance stopped the work and stays in service.
      expect(engine.pool.abandoned).toBe(0);
      const next = await f.runAll(engine, "SELECT count(*) AS n FROM numbers");
      expect(await getRun(f.reader(), engine, next.runs[0].id)).toMatchObject({
        status: "succeeded",
      });
      expect(
        (await readRows(f.reader(), engine, next.runs[0].id, { offset: 0, limit: 1 })).rows,
      ).toEqual([["5000"]]);
    },
  );

  it("stops a statement at its time limit with a message naming the limit", async () => {
    const engine = f.engine({ slots: 1, timeoutMs: 400 });
    const batch = await f.runAll(engine, ENDLESS);
    expect(await getRun(f.reader(), engine, batch.runs[0].id)).toMatchObject({
      status: "failed",
      error: { message: "The statement ran longer than its time limit of 400 ms and was stopped." },
    });
    expect(engine.pool.abandoned).toBe(0);
    const again = await f.runAll(engine, "SELECT 42 AS answer");
    expect(await getRun(f.reader(), engine, again.runs[0].id)).toMatchObject({
      status: "succeeded",
    });
  });

  it("fails a statement that needs more memory than its limit, with a message saying how to narrow it", async () => {
    const engine = f.engine({ slots: 1, memoryLimit: "64MB", threads: 1 });
    const batch = await f.runAll(engine, "SELECT length(list(i)) AS n FROM range(40000000) t(i)");
    const state = await getRun(f.reader(), engine, batch.runs[0].id);
    expect(state.status).toBe("failed");
    expect(state.error?.message).toBe(
      "The statement needed more memory than its limit of 64MB. Narrow it (fewer columns, a filter, a LIMIT) or ask an admin to raise TARN_QUERY_MEMORY_LIMIT.",
    );
    const again = await f.runAll(engine, "SELECT 42 AS answer");
    expect(await getRun(f.reader(), engine, again.runs[0].id)).toMatchObject({
      status: "succeeded",
    });
  });
});

describe("streaming", () => {
  // Rows are read ahead into memory (a result that ends small is never staged) until there
  // are too many to hold, or they have been coming a while: a slow result's first rows
  // show before it has HELD_MAX_STREAMED_ROWS of them.
  it.each([
    ["pouring in", "SELECT i, md5(i::VARCHAR) AS h FROM range(1000000000000) t(i)", Number.POSITIVE_INFINITY],
    ["coming slowly", "SELECT i, md5(repeat(i::VARCHAR, 10000)) AS h FROM range(1000000000000) t(i)", HELD_MAX_STREAMED_ROWS],
  ])("makes the first rows readable while the statement still runs, %s", async (_, sql, before) => {
    const engine = f.engine({ slots: 1 });
    const batch = await runStatements(f.ctx(), sql, {}, engine);
    const id = batch.runs[0].id;
    const streaming = await waitFor(engine, id, (s) => s.rowCount > 0);
    expect(streaming).toMatchObject({ status: "running", complete: false, rowsAvailable: true });
    expect(streaming.rowCount).toBeLessThan(before);
    const page = await readRows(f.reader(), engine, id, { offset: 0, limit: 3 });
    expect(page.complete).toBe(false);
    expect(page.rows.map((r) => r[0])).toEqual(["0", "1", "2"]);
    expect((await getRun(f.reader(), engine, id)).status).toBe("running");
    await cancelRun(f.reader(), engine, id);
    await batch.done;
    await expect(readRows(f.reader(), engine, id, { offset: 0, limit: 3 })).rejects.toMatchObject({
      code: "bad_request",
      message: "This statement has no rows to show.",
    });
  });
});
