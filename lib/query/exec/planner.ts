/**
 * What exec needs of the planner (`lib/query/plan`): split a cell into statements, plan
 * one statement for the session it runs in, and explain an error in the person's terms.
 * Tests may hand the engine another planner; the default is the real one.
 */
import type { QueryContext, StatementPlan, StatementText } from "../types";
import type { QueryError } from "./run-types";
import { tarnPlanner } from "../planner";

export interface Planner {
  split(text: string): StatementText[];
  plan(ctx: QueryContext, statement: StatementText): Promise<StatementPlan>;
  /** `plan` is absent when planning itself failed. */
  explain(error: unknown, plan: StatementPlan | undefined, statement: StatementText): QueryError;
}

// The real planner (plan/ and commands/); tests of exec alone may pass the stand-in.
export const defaultPlanner: Planner = tarnPlanner;
