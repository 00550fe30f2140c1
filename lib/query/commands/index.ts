/**
 * DDL and DML as Iceberg commits (`lib/query/commands`): each statement is recognised
 * (parse/), its names resolved as plan resolves them (run/targets.ts), lib/access asked,
 * its embedded SQL planned by plan's secured planner, and it runs as ONE commit through
 * lib/catalog — a failed or cancelled statement leaves no trace in the table.
 *
 *   if (isCommandStatement(s.sql)) plan = await planCommand(ctx, s, planQuerySelect);
 *   const result = await plan.execute(engineConnection, signal);   // { message, rowsAffected }
 *
 * | statement | becomes |
 * |---|---|
 * | CREATE SCHEMA, DROP SCHEMA | createNamespace, dropNamespace (to the trash) |
 * | CREATE TABLE (…) | createTable (PARTITIONED BY transforms, WITH/TBLPROPERTIES, COMMENT) |
 * | CREATE TABLE … AS SELECT | one `assert-create` commit holding the first snapshot |
 * | CREATE OR REPLACE TABLE … AS SELECT (exists) | one commit: new schema, spec and an overwrite snapshot |
 * | CREATE [OR REPLACE] VIEW | createView / replaceView (the query is planned first) |
 * | ALTER TABLE | alterSchema, alterPartitioning, setTableProperties, renameTable, manageSnapshots |
 * | DROP TABLE, DROP VIEW | dropTable, dropView (to the trash; PURGE deletes) |
 * | INSERT … VALUES / SELECT | an append snapshot |
 * | DELETE … WHERE, UPDATE, MERGE | an overwrite snapshot of the rows they may touch (run/rewrite.ts) |
 * | DELETE without WHERE, TRUNCATE | a delete snapshot dropping every file |
 *
 * Errors of the statement or its embedded SQL are plan's `PlanError`s positioned in
 * `statement.sql`, so plan's `explainError` marks them; what DuckDB says while running is
 * cleaned by it too.
 */
import type { PreparedCommand, QueryContext, StatementText } from "../types";
import { type Command, COMMAND_KEYWORDS, parseCommand } from "./parse";
import { alterTableCommand } from "./run/alter";
import type { CommandEnv, PlanSelect } from "./run/context";
import { createTableAsCommand } from "./run/ctas";
import { deleteCommand, updateCommand } from "./run/delete-update";
import { insertCommand } from "./run/insert";
import { mergeCommand } from "./run/merge";
import { createSchemaCommand, dropSchemaCommand } from "./run/schemas";
import { createTableCommand, dropTableCommand, dropViewCommand, truncateCommand } from "./run/tables";
import { createViewCommand } from "./run/views";

export { CommandSyntaxError } from "./parse";
export type { PlanSelect } from "./run/context";

const KEYWORDS = new Set(COMMAND_KEYWORDS);

/** Whether the statement is DDL/DML this module runs: its first keyword (after comments and brackets). */
export function isCommandStatement(sql: string): boolean {
  const text = sql.replace(/^(?:\s+|--[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*/, "");
  const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text);
  return word !== null && KEYWORDS.has(word[0].toUpperCase());
}

/**
 * Plans one DDL/DML statement: names resolved, access asked, embedded SELECTs planned.
 * Nothing changes until `execute`. Syntax errors, refusals and errors of the embedded
 * SELECTs are `PlanError`s whose `position` is an offset in `statement.sql`, as plan's
 * `explainError` expects.
 */
export async function planCommand(ctx: QueryContext, statement: StatementText, planSelect: PlanSelect): Promise<PreparedCommand> {
  const parsed = parseCommand(statement.sql);
  return dispatch({ ctx, statement, planSelect }, parsed);
}

function dispatch(env: CommandEnv, c: Command): PreparedCommand | Promise<PreparedCommand> {
  switch (c.kind) {
    case "createSchema":
      return createSchemaCommand(env, c);
    case "dropSchema":
      return dropSchemaCommand(env, c);
    case "createTable":
      return createTableCommand(env, c);
    case "createTableAs":
      return createTableAsCommand(env, c);
    case "createView":
      return createViewCommand(env, c);
    case "alterTable":
      return alterTableCommand(env, c);
    case "dropTable":
      return dropTableCommand(env, c);
    case "dropView":
      return dropViewCommand(env, c);
    case "insert":
      return insertCommand(env, c);
    case "delete":
      return deleteCommand(env, c);
    case "update":
      return updateCommand(env, c);
    case "truncate":
      return truncateCommand(env, c);
    case "merge":
      return mergeCommand(env, c);
  }
}
