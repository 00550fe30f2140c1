/**
 * CREATE [OR REPLACE] VIEW: an Iceberg view in the catalog. The query is planned through
 * the secured planner first (the person must be able to run it), and its columns and
 * types — computed by running it with LIMIT 0 — become the view's schema. The SQL is
 * stored as written, DuckDB's dialect, with the session's catalog and namespace as the
 * view's defaults.
 */
import { requireAuthorized } from "@/lib/access";
import { type CreateViewInput, createView, replaceView, type TableIdent } from "@/lib/catalog";
import { AppError, isAppError } from "@/lib/errors";
import type { CommandResult, PreparedCommand } from "../../types";
import { fullName, namespaceResource, sqlIdent, tableResource } from "../names";
import { newObject } from "./targets";
import type { CreateView } from "../parse";
import { tokenize } from "../parse/lexer";
import { type CommandEnv, command, planEmbedded } from "./context";
import { icebergTypeOf } from "./duck-schema";
import { type Materialized, withMaterialized } from "./materialize";
import { schemaOf } from "./tables";

export async function createViewCommand(env: CommandEnv, c: CreateView): Promise<PreparedCommand> {
  const ident = await newObject(env, c.name);
  requireAuthorized(env.ctx.actor, "view.create", namespaceResource(ident));
  const param = tokenize(c.query.sql).find((t) => t.kind === "param");
  if (param) throw new AppError("bad_request", `Not supported: parameters (${param.text}) in a view's query. A view stores its SQL; write the value itself.`);
  const name = fullName(ident);
  const query = await planEmbedded(env, c.query.sql, [c.query]);
  return command(`CREATE VIEW ${name}`, { read: query.tablesRead }, (connection, signal) =>
    withMaterialized(connection, { ...query, sql: `SELECT * FROM (${query.sql}) AS v LIMIT 0` }, signal, (empty) => saveView(env, ident, c, definitionOf(env, c, empty))),
  );
}

function definitionOf(env: CommandEnv, c: CreateView, empty: Materialized): CreateViewInput {
  if (c.columns && c.columns.length !== empty.columns.length) {
    throw new AppError("bad_request", `The view names ${c.columns.length} columns but its query gives ${empty.columns.length}.`);
  }
  const sql = c.columns ? `SELECT * FROM (${c.query.sql}) AS v(${c.columns.map(sqlIdent).join(", ")})` : c.query.sql;
  return {
    schema: schemaOf(empty.columns.map((col, i) => ({ name: c.columns?.[i] ?? col.name, type: icebergTypeOf(col.name, col.type), notNull: false }))),
    representations: [{ type: "sql", sql, dialect: "duckdb" }],
    defaultNamespace: env.ctx.session.namespace ?? [],
    ...(env.ctx.session.catalog ? { defaultCatalog: env.ctx.session.catalog } : {}),
    summary: { "engine-name": "tarn" },
    ...(c.comment === undefined ? {} : { properties: { comment: c.comment } }),
  };
}

/** Creates the view; one of that name is kept (IF NOT EXISTS) or replaced (OR REPLACE, `view.alter`). */
async function saveView(env: CommandEnv, ident: TableIdent, c: CreateView, definition: CreateViewInput): Promise<CommandResult> {
  const name = fullName(ident);
  try {
    await createView(env.ctx, ident, definition);
    return { message: `Created view ${name}.` };
  } catch (error) {
    if (!(isAppError(error) && error.code === "conflict")) throw error;
    if (c.ifNotExists) return { message: `${name} already exists; nothing created.`, rowsAffected: 0 };
    if (!c.orReplace) throw error;
  }
  requireAuthorized(env.ctx.actor, "view.alter", tableResource(ident));
  await replaceView(env.ctx, ident, definition);
  return { message: `Replaced view ${name}.` };
}
