import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelRun } from "./cancel";
import type { QueryEngine } from "./engine";
import { failOrphanedRuns, sweepResults } from "./expire";
import { exportResult } from "./result-export";
import { readRows } from "./result-pages";
import { NO_SUCH_RUN } from "./run-access";
import { runStatements } from "./run-batch";
import { getRun } from "./run-view";
import { untilAnswered } from "./run-end";
import { type ExecFixture, execFixture } from "./testing/exec-fixture";

let f: ExecFixture;
let engine: QueryEngine;
let id: string;
beforeAll(async () => {
  f = await execFixture();
  engine = f.engine({ slots: 2 });
  id = (
    await f.runAll(
      engine,
      "SELECT id, label, grp, DATE '2024-01-01' + id::INTEGER AS day FROM numbers",
    )
  ).runs[0].id;
});
afterAll(() => f.close());

const page = (opts: Parameters<typeof readRows>[3], eng = engine) =>
  readRows(f.reader(), eng, id, opts);

describe("paging through a kept result", () => {
  it("reads any page by offset and limit, with the row count", async () => {
    expect(await getRun(f.reader(), engine, id)).toMatchObject({
      status: "succeeded",
      rowCount: 5000,
      complete: true,
      rowsAvailable: true,
    });
    const last = await page({ offset: 4998, limit: 100 });
    expect(last.rows).toEqual([
      ["4998", "row 4998", 0, "2037-09-07"],
      ["4999", "row 4999", 1, "2037-09-08"],
    ]);
    expect(last).toMatchObject({ total: 5000, complete: true });
    expect(last.columns.map((c) => `${c.name} ${c.type}`)).toEqual([
      "id BIGINT",
      "label VARCHAR",
      "grp INTEGER",
      "day DATE",
    ]);
    expect((await page({ offset: 6000, limit: 10 })).rows).toEqual([]);
    await expect(page({ offset: -1, limit: 10 })).rejects.toMatchObject({ code: "bad_request" });
    await expect(page({ offset: 0, limit: 100_000 })).rejects.toMatchObject({
      code: "bad_request",
    });
  });

  it.each([
    [
      "streamed",
      "SELECT 1 AS a, 'x' AS a, :v AS b FROM numbers",
      ["a INTEGER", "a:1 VARCHAR", "b DOUBLE"],
    ],
    [
      "run to the end (LIMIT)",
      "SELECT 1 AS a, 'x' AS a, :v AS b FROM numbers LIMIT 2",
      ["a INTEGER", "a:1 VARCHAR", "b DOUBLE"],
    ],
    [
      "run to the end (GROUP BY)",
      "SELECT grp AS a, grp AS a, :v AS b FROM numbers GROUP BY ALL",
      ["a INTEGER", "a:1 INTEGER", "b DOUBLE"],
    ],
  ])("keeps columns of one name apart, %s, with parameters bound", async (_, sql, columns) => {
    const batch = await runStatements({ ...f.ctx(), params: { v: 2.5 } }, sql, {}, engine);
    await batch.done;
    expect((await getRun(f.reader(), engine, batch.runs[0].id)).error).toBeNull();
    const first = await readRows(f.reader(), engine, batch.runs[0].id, { offset: 0, limit: 1 });
    expect(first.columns.map((c) => `${c.name} ${c.type}`)).toEqual(columns);
    expect(first.rows[0][2]).toBe(2.5);
  });

  it("sorts and filters the whole result, values bound as parameters", async () => {
    const sorted = await page({
      offset: 0,
      limit: 3,
      sort: [
        { column: "grp", direction: "desc" },
        { column: "id", direction: "desc" },
      ],
    });
    expect(sorted.rows.map((r) => r[0])).toEqual(["4997", "4990", "4983"]);
    const filtered = await page({
      offset: 0,
      limit: 5,
      filter: {
        grp: { filterType: "number", type: "equals", filter: 3 },
        label: { filterType: "text", type: "endsWith", filter: "7" },
      },
    });
    expect(filtered.rows.map((r) => r[0])).toEqual(["17", "87", "157", "227", "297"]);
    expect(filtered.total).toBe(72);
    const range = await page({
      offset: 0,
      limit: 10,
      filter: {
        id: {
          filterType: "number",
          operator: "OR",
          conditions: [
            { type: "lessThan", filter: 2 },
            { type: "inRange", filter: 4000, filterTo: 4001 },
          ],
        },
      },
    });
    expect(range.rows.map((r) => r[0])).toEqual(["0", "1", "4000", "4001"]);
    const dates = await page({
      offset: 0,
      limit: 10,
      filter: { day: { filterType: "date", type: "lessThan", dateFrom: "2024-01-03 00:00:00" } },
    });
    expect(dates.rows.map((r) => r[3])).toEqual(["2024-01-01", "2024-01-02"]);
    const day = await page({
      offset: 0,
      limit: 10,
      filter: { day: { filterType: "date", type: "equals", dateFrom: "2024-01-05 00:00:00" } },
    });
    expect(day.rows.map((r) => r[0])).toEqual(["4"]);
    const hostile = await page({
      offset: 0,
      limit: 10,
      filter: { label: { filterType: "text", type: "contains", filter: "'; DROP TABLE x; --" } },
    });
    expect(hostile).toMatchObject({ rows: [], total: 0 });
    await expect(
      page({ offset: 0, limit: 1, sort: [{ column: "nope", direction: "asc" }] }),
    ).rejects.toMatchObject({ code: "bad_request", message: 'The result has no column "nope".' });
    await expect(
      page({
        offset: 0,
        limit: 1,
        filter: { id: { filterType: "number", type: "equals", filter: "x" } },
      }),
    ).rejects.toMatchObject({ code: "bad_request" });
  });

  it("reads further pages of a large result in another order from a view made on first use", async () => {
    const viewed = f.engine({ slots: 1 });
    viewed.views.minRows = 0;
    const sort = [
      { column: "grp", direction: "desc" as const },
      { column: "id", direction: "asc" as const },
    ];
    const first = await page({ offset: 0, limit: 3, sort }, viewed);
    expect(first.rows.map((r) => r[0])).toEqual(["6", "13", "20"]);
    const { resultPath } = await f.t.db.queryRun.findUniqueOrThrow({ where: { id } });
    const views = `${resultPath}.views`;
    await vi.waitFor(() =>
      expect(readdirSync(views).filter((n) => n.endsWith(".parquet"))).toHaveLength(1),
    );
    expect(await page({ offset: 0, limit: 3, sort }, viewed)).toEqual(first);
    expect(await page({ offset: 712, limit: 3, sort }, viewed)).toMatchObject({
      rows: [
        ["4990", "row 4990", 6, "2037-08-30"],
        ["4997", "row 4997", 6, "2037-09-06"],
        ["5", "row 5", 5, "2024-01-06"],
      ],
      total: 5000,
    });
    const filter = { label: { filterType: "text" as const, type: "endsWith", filter: "99" } };
    await vi.waitFor(async () =>
      expect((await page({ offset: 0, limit: 2, sort, filter }, viewed)).rows.length).toBe(2),
    );
    await vi.waitFor(() =>
      expect(readdirSync(views).filter((n) => n.endsWith(".parquet"))).toHaveLength(2),
    );
    expect(await page({ offset: 0, limit: 100, sort, filter }, viewed)).toMatchObject({
      total: 50,
      rows: expect.arrayContaining([["699", "row 699", 6, "2025-11-30"]]),
    });
  });

  it("is served from the history row and the kept file once the process has forgotten the run", async () => {
    const restarted = f.engine({ slots: 1 });
    expect(await getRun(f.reader(), restarted, id)).toMatchObject({
      status: "succeeded",
      rowCount: 5000,
      rowsAvailable: true,
      columns: [{ name: "id" }, { name: "label" }, { name: "grp" }, { name: "day" }],
    });
    expect((await page({ offset: 10, limit: 2 }, restarted)).rows).toEqual([
      ["10", "row 10", 3, "2024-01-11"],
      ["11", "row 11", 4, "2024-01-12"],
    ]);
  });

  it("pages a small finished result from memory exactly as from its kept file", async () => {
    const restarted = f.engine({ slots: 1 });
    const sort = [{ column: "day", direction: "desc" as const }];
    const filter = { label: { filterType: "text" as const, type: "endsWith", filter: "7" } };
    for (const request of [
      { offset: 0, limit: 10_000 },
      { offset: 3, limit: 4, sort, filter },
    ]) {
      const fromFile = await page(request, restarted);
      expect(await page(request)).toEqual(fromFile);
      expect(fromFile.rows.length).toBeGreaterThan(0);
    }
  });

  it("answers a run of someone else exactly like a missing one; admins may read it", async () => {
    const other = await f.person();
    for (const attempt of [
      getRun({ db: f.t.db, actor: other }, engine, id),
      readRows({ db: f.t.db, actor: other }, engine, id, { offset: 0, limit: 1 }),
      cancelRun({ db: f.t.db, actor: other }, engine, id),
      exportResult({ db: f.t.db, actor: other }, engine, id, "csv"),
      getRun(f.reader(), engine, "nosuchrun"),
    ]) {
      await expect(attempt).rejects.toMatchObject({ code: "not_found", message: NO_SUCH_RUN });
    }
    const admin = await f.person("admin");
    expect(
      (await readRows({ db: f.t.db, actor: admin }, engine, id, { offset: 0, limit: 1 })).rows,
    ).toEqual([["0", "row 0", 0, "2024-01-01"]]);
  });
});

describe("a small result, answered from memory and then kept", () => {
  const SMALL = `SELECT id, label, grp, id::HUGEINT * 1000000000000 AS big, (id / 3)::DECIMAL(12, 2) AS price,
      [grp, grp + 1] AS pair, {'g': grp} AS box, CASE WHEN id % 5 = 0 THEN NULL ELSE TIMESTAMP '2024-01-01' + to_seconds(id) END AS at
    FROM numbers GROUP BY ALL ORDER BY id`;

  it("serves every page at the answer exactly as its kept file does after", async () => {
    const batch = await runStatements(f.ctx(), SMALL, {}, engine);
    const runId = batch.runs[0].id;
    expect(await untilAnswered(f.reader(), engine, runId)).toMatchObject({ status: "succeeded", rowCount: 5000, complete: true, rowsAvailable: true });
    // Pages within and across DuckDB's chunks of 2048 rows, and past the end.
    const requests = [
      { offset: 0, limit: 10_000 },
      { offset: 2040, limit: 20 },
      { offset: 4990, limit: 100 },
      { offset: 5000, limit: 1 },
    ];
    const answered = [];
    for (const request of requests) answered.push(await readRows(f.reader(), engine, runId, request));
    await batch.done;
    const restarted = f.engine({ slots: 1 });
    for (const [i, request] of requests.entries()) {
      const kept = await readRows(f.reader(), restarted, runId, request);
      expect(answered[i].rows).toEqual(kept.rows);
      expect(answered[i]).toMatchObject({ total: 5000, complete: true });
    }
    expect(answered[1].rows[0]).toEqual(["2040", "row 2040", 3, "2040000000000000", "680.00", [3, 4], { g: 3 }, null]);
    expect(answered[2].rows).toHaveLength(10);
    const row = await f.t.db.queryRun.findUniqueOrThrow({ where: { id: runId } });
    expect(row).toMatchObject({ status: "succeeded", rowCount: 5000 });
    expect(row.resultPath && existsSync(row.resultPath)).toBe(true);
  });

  it("sorts, filters and exports it from its file as soon as it is answered", async () => {
    const batch = await runStatements(f.ctx(), "SELECT grp, count(*) AS n FROM numbers GROUP BY grp", {}, engine);
    const runId = batch.runs[0].id;
    await untilAnswered(f.reader(), engine, runId);
    const sorted = await readRows(f.reader(), engine, runId, {
      offset: 0,
      limit: 3,
      sort: [{ column: "grp", direction: "desc" }],
      filter: { grp: { filterType: "number", type: "lessThan", filter: 6 } },
    });
    expect(sorted.rows).toEqual([
      [5, "714"],
      [4, "714"],
      [3, "714"],
    ]);
    expect(sorted.total).toBe(6);
    const csv = await new Response((await exportResult(f.reader(), engine, runId, "csv")).body).text();
    expect(csv.trim().split("\n").sort()).toEqual(["0,715", "1,715", "2,714", "3,714", "4,714", "5,714", "6,714", "grp,n"]);
    await batch.done;
  });

  it("fails the run when its result cannot be kept, and its rows go with it", async () => {
    const person = await f.person();
    // A file where the person's results folder would be: the result cannot be written.
    const folder = path.dirname(engine.store.filePath(person.userId, "any"));
    writeFileSync(folder, "in the way");
    try {
      const batch = await runStatements(f.ctx(person), "SELECT grp, count(*) AS n FROM numbers GROUP BY grp; SELECT 1", {}, engine);
      await batch.done;
      const [first, second] = batch.runs.map((r) => r.id);
      expect(await getRun(f.reader(person), engine, first)).toMatchObject({
        status: "failed",
        rowsAvailable: false,
        error: { message: expect.stringMatching(/^Tarn could not keep this result on the server/) },
      });
      expect((await getRun(f.reader(person), engine, second)).status).toBe("cancelled");
      await expect(readRows(f.reader(person), engine, first, { offset: 0, limit: 10 })).rejects.toMatchObject({ code: "bad_request" });
      expect(await f.t.db.queryRun.findUniqueOrThrow({ where: { id: first } })).toMatchObject({ status: "failed", resultPath: null });
    } finally {
      rmSync(folder, { force: true });
    }
  });
});

describe("export", () => {
  it("streams the whole result as CSV, JSON or Parquet", async () => {
    const csv = await exportResult(f.reader(), engine, id, "csv");
    expect(csv).toMatchObject({
      contentType: "text/csv; charset=utf-8",
      fileName: `query-${id}.csv`,
    });
    const lines = (await new Response(csv.body).text()).trimEnd().split("\n");
    expect(lines).toHaveLength(5001);
    expect(lines.slice(0, 2)).toEqual(["id,label,grp,day", "0,row 0,0,2024-01-01"]);
    const json = JSON.parse(
      await new Response((await exportResult(f.reader(), engine, id, "json")).body).text(),
    );
    expect(json).toHaveLength(5000);
    expect(json[4999]).toEqual({ id: 4999, label: "row 4999", grp: 1, day: "2037-09-08" });
    // Export files are removed once streamed.
    await vi.waitFor(() =>
      expect(readdirSync(path.join(engine.options.resultsDir, f.user.userId, "exports"))).toEqual(
        [],
      ),
    );
    const parquet = await exportResult(f.reader(), engine, id, "parquet");
    const dir = mkdtempSync(path.join(tmpdir(), "tarn-export-"));
    const file = path.join(dir, "r.parquet");
    writeFileSync(file, Buffer.from(await new Response(parquet.body).arrayBuffer()));
    const duck = await (await DuckDBInstance.create(":memory:")).connect();
    expect(
      (
        await duck.runAndReadAll(
          `SELECT count(*)::INTEGER AS n, sum(id)::BIGINT AS s FROM read_parquet('${file}')`,
        )
      ).getRowObjectsJson(),
    ).toEqual([{ n: 5000, s: "12497500" }]);
    duck.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("expiry", () => {
  it("deletes kept results after their time and says so when they are read", async () => {
    const kept = await f.runAll(engine, "SELECT 1 AS one");
    const run = await f.t.db.queryRun.findUniqueOrThrow({ where: { id: kept.runs[0].id } });
    expect(run.resultExpiresAt?.getTime()).toBeGreaterThan(
      Date.now() + engine.options.resultTtlMs - 60_000,
    );
    const file = run.resultPath as string;
    expect(existsSync(file)).toBe(true);
    // A crash left a half-written file and an export behind.
    const partial = `${file}.partial`;
    writeFileSync(partial, "x");
    const swept = await sweepResults(
      f.t.db,
      engine.options.resultsDir,
      new Date(Date.now() + engine.options.resultTtlMs + 60_000),
    );
    expect(swept.expired).toBeGreaterThanOrEqual(2);
    expect(swept.leftovers).toBe(1);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(partial)).toBe(false);
    const first = await f.t.db.queryRun.findUniqueOrThrow({ where: { id } });
    expect(first.resultPath).toBeNull();
    expect(
      readdirSync(path.join(engine.options.resultsDir, f.user.userId)).filter((n) =>
        n.endsWith(".views"),
      ),
    ).toEqual([]);
    expect(await f.t.db.queryRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      resultPath: null,
      status: "succeeded",
    });
    const restarted = f.engine({ slots: 1 });
    await expect(
      readRows(f.reader(), restarted, run.id, { offset: 0, limit: 1 }),
    ).rejects.toMatchObject({
      code: "not_found",
      message:
        "This result is no longer kept (results are kept for 24 hours); run the statement again.",
    });
    await expect(exportResult(f.reader(), restarted, run.id, "csv")).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await getRun(f.reader(), restarted, run.id)).toMatchObject({
      rowsAvailable: false,
      columns: null,
    });
  });

  it("closes runs a stopped server left queued or running", async () => {
    const row = await f.t.db.queryRun.create({
      data: { userId: f.user.userId, sql: "SELECT 1", status: "running" },
    });
    const restarted = f.engine({ slots: 1 });
    // The server started after the run was made.
    expect(await failOrphanedRuns(f.t.db, new Date(row.createdAt.getTime() + 1))).toBe(1);
    expect(await getRun(f.reader(), restarted, row.id)).toMatchObject({
      status: "failed",
      error: { message: "The server stopped while this statement ran." },
    });
  });

  it("keeps results for the configured time (TARN_RESULT_TTL_HOURS)", async () => {
    const short = f.engine({ resultTtlMs: 1_000 });
    const kept = await f.runAll(short, "SELECT 1 AS one");
    const run = await f.t.db.queryRun.findUniqueOrThrow({ where: { id: kept.runs[0].id } });
    expect((run.resultExpiresAt?.getTime() ?? 0) - (run.finishedAt?.getTime() ?? 0)).toBeLessThan(
      5_000,
    );
  });
});
