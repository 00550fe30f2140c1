/**
 * The planner the query engine runs: a cell's text split into statements; DDL and DML
 * (CREATE, DROP, ALTER, INSERT, DELETE, UPDATE, MERGE, TRUNCATE) planned as Iceberg
 * commits by `commands/`, whose embedded SELECTs go through `plan/` like any query;
 * everything else planned — or refused — by `plan/`.
 */
import { isCommandStatement, planCommand } from "./commands";
import type { Planner } from "./exec/planner";
import { explainError, planQuery, planQuerySelect, splitStatements } from "./plan";

export const tarnPlanner: Planner = {
  split: splitStatements,
  plan: (ctx, statement) =>
    isCommandStatement(statement.sql) ? planCommand(ctx, statement, (c, s) => planQuerySelect(c, s)) : planQuery(ctx, statement),
  explain: explainError,
};
