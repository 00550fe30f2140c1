/**
 * Runs commands and queries against a test catalog the way exec does: plan, then execute
 * on an EngineConnection over the test's DuckDB connection. Embedded SELECTs and the
 * checking queries go through lib/query/plan's secured planner. Test support only.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Principal, UserPrincipal } from "@/lib/access";
import type { TestCatalog } from "@/tests/support/catalog";
import { engineConnection } from "../../exec/engine-connection";
import { planQuerySelect } from "../../plan";
import type { CommandResult, ParamValue, QueryContext, SessionState } from "../../types";
import { planCommand } from "../index";
import type { PlanSelect } from "../run/context";

export const planSelect: PlanSelect = (ctx, statement) => planQuerySelect(ctx, statement);

export const analyst: UserPrincipal = { kind: "user", userId: "u-ana", username: "ana", displayName: null, role: "analyst", groupIds: [] };
export const steward: UserPrincipal = { kind: "user", userId: "u-stu", username: "stu", displayName: null, role: "steward", groupIds: [] };

export interface Harness {
  run(sql: string, actor?: Principal, signal?: AbortSignal): Promise<CommandResult>;
  query(sql: string): Promise<Record<string, unknown>[]>;
  context(actor?: Principal): QueryContext;
}

export function harness(t: TestCatalog, opts: { session?: SessionState; duck?: DuckDBConnection; params?: Record<string, ParamValue> } = {}): Harness {
  const session = opts.session ?? { catalog: "lake", namespace: ["db"] };
  const connection = engineConnection(opts.duck ?? t.duck);
  const context = (actor: Principal = t.ctx.actor): QueryContext => ({ db: t.db, io: t.ctx.io, actor, session, ...(opts.params ? { params: opts.params } : {}) });
  return {
    context,
    run: async (sql, actor, signal = new AbortController().signal) => {
      const command = await planCommand(context(actor), { sql, start: 0, end: sql.length }, planSelect);
      return command.execute(connection, signal);
    },
    query: async (sql) => {
      const plan = await planSelect(context(), { sql, start: 0, end: sql.length });
      return connection.rows(plan.sql, plan.params);
    },
  };
}
