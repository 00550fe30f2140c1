/**
 * Row-level changes (DELETE … WHERE, UPDATE, MERGE) as copy-on-write: one SELECT that
 * Tarn writes around the person's expressions — over the target's secured relation, so
 * subqueries are secured and `:name` parameters bound by plan's planner — yields every
 * row of the table as it will be, with flags saying what happened to it. It is run once
 * into a temporary table; then the table's files at the snapshot that was read are
 * replaced by the kept rows in ONE "overwrite" snapshot. A commit that landed between
 * reading and writing makes the statement fail (nothing is written); run it again.
 */
import { authorizeTableRead, isFullRead, requireAuthorized } from "@/lib/access";
import { loadTable, type TableIdent, writeTable } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { UnboundExpr } from "@/lib/iceberg/expr";
import { currentSchema, type Schema } from "@/lib/iceberg/spec";
import { prepareOverwrite } from "@/lib/iceberg/write";
import type { EngineConnection, PreparedQuery } from "../../types";
import { fullName, tableResource } from "../names";
import type { Span } from "../parse";
import { type CommandEnv, planEmbedded, unlessCancelled } from "./context";
import type { Materialized } from "./materialize";

export interface RewriteTarget {
  ident: TableIdent;
  name: string;
  schema: Schema;
  /** The snapshot the statement reads; the commit is refused if the table moved on. */
  snapshotId: bigint | undefined;
}

/** Loads the target (asking lib/access for `table.write`) and pins its current snapshot. */
export async function rewriteTarget(env: CommandEnv, ident: TableIdent): Promise<RewriteTarget> {
  requireAuthorized(env.ctx.actor, "table.write", tableResource(ident));
  // The rewrite keeps every row it does not change, so it must see every row and value as stored.
  if (!isFullRead(authorizeTableRead(env.ctx.actor, tableResource(ident)))) {
    throw new AppError("forbidden", `Not supported: changing rows of ${fullName(ident)} while some of its rows or columns are hidden or masked for you. Ask a steward to make the change.`);
  }
  const { metadata } = await loadTable(env.ctx, ident);
  return { ident, name: fullName(ident), schema: currentSchema(metadata), snapshotId: metadata.currentSnapshotId };
}

/** Plans `sql` (which reads the target; `spans` of the statement in it) and checks the target did not move meanwhile. */
export async function planOverTarget(env: CommandEnv, target: RewriteTarget, sql: string, spans: Span[]): Promise<PreparedQuery> {
  const query = await planEmbedded(env, sql, spans);
  const { metadata } = await loadTable(env.ctx, target.ident);
  if (metadata.currentSnapshotId !== target.snapshotId) throw changedMeanwhile(target);
  return query;
}

/**
 * Replaces the table's rows — those `filter` selects, all without one — by `keptSql` (over
 * the materialised rows, which must be exactly those rows as they will be) in one
 * overwrite snapshot.
 */
export async function commitRewrite(env: CommandEnv, target: RewriteTarget, connection: EngineConnection, signal: AbortSignal, keptSql: string, description: string, filter?: UnboundExpr): Promise<void> {
  await writeTable(
    env.ctx,
    target.ident,
    async (metadata) => {
      if (metadata.currentSnapshotId !== target.snapshotId) throw changedMeanwhile(target);
      return unlessCancelled(signal, await prepareOverwrite({ connection: connection.duck, io: env.ctx.io, metadata, sourceSql: keptSql, ...(filter ? { filter } : {}) }));
    },
    { description },
  );
}

function changedMeanwhile(target: RewriteTarget): AppError {
  return new AppError("conflict", `${target.name} changed while this statement ran; nothing was written. Run it again.`);
}

/** The table's columns, in order, as `alias."col"`. */
export function targetColumns(target: RewriteTarget, alias: string): string[] {
  return target.schema.fields.map((f) => `${alias}.${quoteIdent(f.name)}`);
}

/** `SELECT "a", "b" FROM <materialised> WHERE …`: the table's columns of the kept rows. */
export function keptRows(target: RewriteTarget, rows: Materialized, where: string): string {
  const columns = target.schema.fields.map((f) => quoteIdent(f.name)).join(", ");
  return `SELECT ${columns} FROM ${rows.table} WHERE ${where}`;
}

/** The schema field an assignment or insert names (exactly, else ignoring case). */
export function targetField(target: RewriteTarget, column: string) {
  const field = target.schema.fields.find((f) => f.name === column) ?? target.schema.fields.find((f) => f.name.toLowerCase() === column.toLowerCase());
  if (!field) throw new AppError("bad_request", `${target.name} has no column ${column}.`);
  return field;
}
