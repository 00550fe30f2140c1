/**
 * For exec's integration tests and benchmarks: a test catalog (real metadata database,
 * warehouse folder, managed catalog `lake` with namespace `db`), a table `lake.db.numbers`
 * of `rows` rows (id, label, grp), a signed-in analyst, and engines over a data folder of
 * their own, running the real planner unless a test passes another. Engines are built
 * directly (not installed process-wide), so a test can hold several with different limits.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Role, UserPrincipal } from "@/lib/access";
import { appendRows, createTable } from "@/lib/catalog";
import type { Schema } from "@/lib/iceberg/spec";
import { type TestCatalog, testCatalog } from "@/tests/support/catalog";
import type { QueryContext } from "../../types";
import { QueryEngine } from "../engine";
import { type ExecOptions, readExecOptions } from "../options";
import { defaultPlanner, type Planner } from "../planner";
import { type RunBatch, runStatements } from "../run-batch";
import type { RunReader } from "../run-access";

const NUMBERS: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", type: "long", required: true },
    { id: 2, name: "label", type: "string", required: false },
    { id: 3, name: "grp", type: "int", required: false },
  ],
};

export interface ExecFixture {
  t: TestCatalog;
  dataDir: string;
  user: UserPrincipal;
  /** Another person's principal (a fresh user row each call). */
  person: (role?: Role) => Promise<UserPrincipal>;
  engine: (options?: Partial<ExecOptions>, planner?: Planner) => QueryEngine;
  ctx: (actor?: UserPrincipal) => QueryContext;
  reader: (actor?: UserPrincipal) => RunReader;
  /** Runs the text and waits until every statement has ended. */
  runAll: (engine: QueryEngine, text: string, actor?: UserPrincipal) => Promise<RunBatch>;
  close: () => Promise<void>;
}

export async function execFixture(opts: { rows?: number } = {}): Promise<ExecFixture> {
  const t = await testCatalog();
  const dataDir = mkdtempSync(path.join(tmpdir(), "tarn-exec-"));
  const engines: QueryEngine[] = [];
  const person = async (role: Role = "analyst"): Promise<UserPrincipal> => {
    const row = await t.db.user.create({ data: { username: `u${Math.random().toString(36).slice(2, 10)}`, role } });
    return { kind: "user", userId: row.id, username: row.username, displayName: null, role, groupIds: [] };
  };
  const user = await person();
  await createTable(t.ctx, { catalog: "lake", namespace: ["db"], name: "numbers" }, { schema: NUMBERS });
  const rows = opts.rows ?? 5_000;
  await appendRows(t.ctx, { catalog: "lake", namespace: ["db"], name: "numbers" }, t.duck, `SELECT range AS id, 'row ' || range AS label, (range % 7)::INTEGER AS grp FROM range(${rows})`);
  const ctx = (actor = user): QueryContext => ({ db: t.db, io: t.ctx.io, actor, session: { catalog: "lake", namespace: ["db"] } });
  return {
    t,
    dataDir,
    user,
    person,
    engine: (options = {}, planner = defaultPlanner) => {
      const engine = new QueryEngine({ ...readExecOptions({}), threads: 2, ...dirsOf(dataDir, t.warehouse), ...options }, planner);
      engines.push(engine);
      return engine;
    },
    ctx,
    reader: (actor = user) => ({ db: t.db, actor }),
    runAll: async (engine, text, actor = user) => {
      const batch = await runStatements(ctx(actor), text, {}, engine);
      await batch.done;
      return batch;
    },
    close: async () => {
      for (const engine of engines) engine.close();
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function dirsOf(dataDir: string, warehouseDir: string): Pick<ExecOptions, "warehouseDir" | "resultsDir" | "tempDir"> {
  return { warehouseDir, resultsDir: path.join(dataDir, "results"), tempDir: path.join(dataDir, "tmp", "duckdb") };
}
