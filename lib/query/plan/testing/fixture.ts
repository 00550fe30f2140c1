/**
 * For the planner's integration tests: a test catalog (tests/support/catalog.ts) with
 * tables written through the catalog, a sandboxed DuckDB instance like exec's, and a
 * `run` that plans a statement and runs what the plan says on it.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import type { Principal } from "@/lib/access";
import { appendRows, createTable, type TableIdent } from "@/lib/catalog";
import type { Schema } from "@/lib/iceberg/spec";
import { engineConnection } from "@/lib/query/exec/engine-connection";
import { createSandboxedInstance } from "@/lib/query/exec/sandbox";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import type { ParamValue, PreparedQuery, QueryContext, SessionState } from "../../types";
import { type PlanOptions, planQuery } from "../index";

export interface PlanFixture {
  t: TestCatalog;
  sandbox: DuckDBConnection;
  ctx(opts?: { actor?: Principal; session?: SessionState; params?: Record<string, ParamValue> }): QueryContext;
  plan(sql: string, opts?: FixtureRun): Promise<PreparedQuery>;
  run(sql: string, opts?: FixtureRun): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export interface FixtureRun {
  actor?: Principal;
  session?: SessionState;
  params?: Record<string, ParamValue>;
  options?: PlanOptions;
}

export const SESSION: SessionState = { catalog: "lake", namespace: ["db"] };

export async function planFixture(): Promise<PlanFixture> {
  const t = await testCatalog();
  const instance: DuckDBInstance = await createSandboxedInstance({
    allowed: [t.warehouse],
    memoryLimit: "512MB",
    threads: 2,
    tempDir: mkdtempSync(path.join(tmpdir(), "tarn-plan-spill-")),
  });
  const sandbox = await instance.connect();
  const ctx = (opts: FixtureRun = {}): QueryContext => ({
    db: t.db,
    io: t.ctx.io,
    actor: opts.actor ?? t.ctx.actor,
    session: opts.session ?? SESSION,
    params: opts.params,
  });
  const plan = async (sql: string, opts: FixtureRun = {}) => {
    // The whole text as one statement: hostile texts may hide a second one.
    const planned = await planQuery(ctx(opts), { sql, start: 0, end: sql.length }, opts.options);
    if (planned.kind !== "query") throw new Error("not a query");
    return planned;
  };
  return {
    t,
    sandbox,
    ctx,
    plan,
    run: async (sql, opts = {}) => {
      const planned = await plan(sql, opts);
      const connection = engineConnection(sandbox);
      for (const step of planned.setup) await step.run(connection, new AbortController().signal);
      return connection.rows(planned.sql, planned.params);
    },
    close: async () => {
      sandbox.closeSync();
      instance.closeSync();
      await t.close();
    },
  };
}

export async function tableWithRows(t: TestCatalog, ident: TableIdent, schema: Schema, ...batches: string[]): Promise<void> {
  await createTable(t.ctx, ident, { schema });
  for (const batch of batches) await appendRows(t.ctx, ident, t.duck, batch);
}
