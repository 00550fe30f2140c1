/**
 * The planner the query engine runs: a cell's text split into statements; DDL and DML
 * (CREATE, DROP, ALTER, INSERT, DELETE, UPDATE, MERGE, TRUNCATE) planned as Iceberg
 * commits by `commands/`, whose embedded SELECTs go through `plan/` like any query;
 * everything else planned — or refused — by `plan/`. `createPlanner` takes plan's options
 * (a narrower read policy in tests and benchmarks, federated settings).
 */
import { isCommandStatement, planCommand } from "./commands";
import type { Planner } from "./exec/planner";
import { explainError, type PlanOptions, planQuery, planQuerySelect, splitStatements } from "./plan";

export function createPlanner(options: PlanOptions): Planner {
  return {
    split: splitStatements,
    plan: (ctx, statement) =>
      isCommandStatement(statement.sql)
        ? planCommand(ctx, statement, (c, s) => planQuerySelect(c, s, options))
        : planQuery(ctx, statement, options),
    explain: explainError,
  };
}

export const tarnPlanner: Planner = createPlanner({});
