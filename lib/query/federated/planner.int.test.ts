/**
 * Federated tables through the whole engine, as a notebook runs them: the real planner
 * (plan/ resolves `pgshop.shop.orders` to its federated relation) in the real exec pool,
 * joined with a lakehouse table and with a MariaDB table, the row cap's message as the
 * person sees it, and cancel stopping the source query.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM } from "@/lib/access";
import { createFederatedCatalog } from "@/lib/catalog/federated";
import {
  cancelRun,
  getRun,
  type QueryEngine,
  type RunStatus,
  readRows,
  runStatements,
} from "../exec";
import { type ExecFixture, execFixture } from "../exec/testing/exec-fixture";
import { tarnPlanner } from "../planner";
import { myRun, orClose, pgRun, scratchName } from "./testing";

process.env.TARN_SECRETS_KEY ??= randomBytes(32).toString("base64");

const database = scratchName();
let f: ExecFixture;
let engine: QueryEngine;

beforeAll(async () => {
  f = await execFixture({ rows: 100 });
  engine = f.engine({ slots: 2 }, tarnPlanner);
  const close = () => cleanUp();
  await orClose(close, async () => {
    await pgRun("postgres", `CREATE DATABASE ${database}`);
    await pgRun(
      database,
      "CREATE SCHEMA shop",
      "CREATE TABLE shop.orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, amount numeric(10,2), placed_on date)",
      "INSERT INTO shop.orders SELECT g, g % 120, (g % 37) * 1.5, date '2024-01-01' + (g % 60) FROM generate_series(1, 500) g",
      "CREATE VIEW shop.slow AS SELECT g AS id, pg_sleep(0.05)::text AS nap FROM generate_series(1, 1000) g",
    );
    await myRun(
      `CREATE DATABASE ${database}`,
      `CREATE TABLE ${database}.regions (grp int PRIMARY KEY, region varchar(20))`,
      `INSERT INTO ${database}.regions VALUES (0, 'north'), (1, 'south'), (2, 'east'), (3, 'west'), (4, 'north'), (5, 'south'), (6, 'east')`,
    );
    const at = { host: "127.0.0.1", database };
    await createFederatedCatalog(f.t.db, SYSTEM, {
      name: "pgshop",
      connection: { type: "postgresql", port: 5432, user: "postgres", ...at },
    });
    await createFederatedCatalog(f.t.db, SYSTEM, {
      name: "myshop",
      connection: { type: "mysql", port: 3306, user: "root", ...at },
    });
  });
});

async function cleanUp(): Promise<void> {
  await f?.close();
  await pgRun("postgres", `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await myRun(`DROP DATABASE IF EXISTS ${database}`);
}
afterAll(() => cleanUp());

async function run(text: string): Promise<RunStatus> {
  const batch = await f.runAll(engine, text);
  return getRun(f.reader(), engine, batch.runs[0].id);
}

/** The result's rows, each value as text. */
async function rowsOf(status: RunStatus): Promise<unknown[][]> {
  expect(status.error).toBeNull();
  const { rows } = await readRows(f.reader(), engine, status.id, { offset: 0, limit: 1000 });
  return rows.map((row) => row.map((v) => (v === null ? null : String(v))));
}

/** PostgreSQL's own answer, each value as text. */
async function direct(sql: string): Promise<unknown[][]> {
  return (await pgRun(database, sql)).map((row) =>
    Object.values(row).map((v) => (v === null ? null : String(v))),
  );
}

describe("federated tables through the planner", () => {
  it("join with a lakehouse table", async () => {
    const status = await run(`
      SELECT n.grp, count(*) AS orders, sum(o.amount) AS total
      FROM pgshop.shop.orders o JOIN lake.db.numbers n ON n.id = o.customer_id
      WHERE o.amount > 10 AND o.placed_on >= DATE '2024-01-15'
      GROUP BY n.grp ORDER BY n.grp`);
    expect(status.status).toBe("succeeded");
    // lake.db.numbers holds ids 0..99 with grp = id % 7.
    const expected = await direct(`
      SELECT customer_id % 7 AS grp, count(*) AS orders, sum(amount) AS total FROM shop.orders
      WHERE amount > 10 AND placed_on >= '2024-01-15' AND customer_id < 100 GROUP BY 1 ORDER BY 1`);
    expect(expected.length).toBe(7);
    expect(await rowsOf(status)).toEqual(expected);
    expect([...status.tablesRead].sort()).toEqual(["lake.db.numbers", "pgshop.shop.orders"]);
  });

  it("join a PostgreSQL table, a MariaDB table and a lakehouse table in one query", async () => {
    const status = await run(`
      SELECT r.region, count(*) AS orders
      FROM pgshop.shop.orders o
      JOIN lake.db.numbers n ON n.id = o.customer_id
      JOIN myshop.${database}.regions r ON r.grp = n.grp
      GROUP BY r.region ORDER BY r.region`);
    const expected = await direct(`
      SELECT CASE customer_id % 7 WHEN 0 THEN 'north' WHEN 4 THEN 'north' WHEN 1 THEN 'south' WHEN 5 THEN 'south'
        WHEN 2 THEN 'east' WHEN 6 THEN 'east' ELSE 'west' END AS region, count(*) AS orders
      FROM shop.orders WHERE customer_id < 100 GROUP BY 1 ORDER BY 1`);
    expect(await rowsOf(status)).toEqual(expected);
  });

  it("stop a statement past the row cap with a message saying what to do", async () => {
    process.env.TARN_FEDERATED_ROW_CAP = "100";
    try {
      const status = await run("SELECT count(*) FROM pgshop.shop.orders");
      expect(status.status).toBe("failed");
      expect(status.error?.message).toContain(
        "pgshop.shop.orders returned more than 100 rows; add a filter. A federated table brings at most 100 rows into a query; an admin can raise that limit.",
      );
    } finally {
      delete process.env.TARN_FEDERATED_ROW_CAP;
    }
  });

  it("cancel stops the query on the source server", async () => {
    const batch = await runStatements(f.ctx(), "SELECT count(*) FROM pgshop.shop.slow", {}, engine);
    const id = batch.runs[0].id;
    await waitForSourceQuery();
    const cancelled = await cancelRun(f.reader(), engine, id);
    await batch.done;
    expect((await getRun(f.reader(), engine, id)).status).toBe("cancelled");
    expect(cancelled.status).toBe("cancelled");
    expect(await activeSourceQueries()).toBe(0);
  });
});

async function activeSourceQueries(): Promise<number> {
  const [row] = await pgRun(
    database,
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tarn-query' AND state = 'active'",
  );
  return Number(row.n);
}

/** Until the source query runs (the view sleeps 50 s in all, longer than the test may take). */
async function waitForSourceQuery(): Promise<void> {
  for (let i = 0; i < 200 && (await activeSourceQueries()) === 0; i++)
    await new Promise((r) => setTimeout(r, 25));
  expect(await activeSourceQueries()).toBe(1);
}
