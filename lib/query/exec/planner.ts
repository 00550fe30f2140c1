/**
 * What exec needs of the planner (`lib/query/plan`): split a cell into statements, plan
 * one statement for the session it runs in, and explain an error in the person's terms.
 * Tests may hand the engine another planner; the default is the real one.
 */
import type { QueryContext, StatementPlan, StatementText } from "../types";
import type { QueryError } from "./run-types";
import { standInPlanner } from "./testing/stand-in-planner";

export interface Planner {
  split(text: string): StatementText[];
  plan(ctx: QueryContext, statement: StatementText): Promise<StatementPlan>;
  /** `plan` is absent when planning itself failed. */
  explain(error: unknown, plan: StatementPlan | undefined, statement: StatementText): QueryError;
}

// Until lib/query/plan lands, the stand-in (SELECT over catalog tables, and USE) serves.
export const defaultPlanner: Planner = standInPlanner;
