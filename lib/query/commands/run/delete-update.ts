/** DELETE FROM t [WHERE …] and UPDATE t SET … [WHERE …], through rewrite.ts. */
import { deleteRows } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { duckType, quoteIdent } from "@/lib/iceberg/duckdb";
import type { PreparedCommand } from "../../types";
import { sqlIdent, sqlTableName } from "../names";
import { writableTable } from "./targets";
import type { Delete, Span, Update } from "../parse";
import { type CommandEnv, cancelled, command, rowCount } from "./context";
import { withMaterialized } from "./materialize";
import { type Pruning, pruningOf } from "./pruning";
import { commitRewrite, keptRows, planOverTarget, type RewriteTarget, rewriteTarget, targetColumns, targetField } from "./rewrite";

const HIT = "__tarn_hit";

export async function deleteCommand(env: CommandEnv, c: Delete): Promise<PreparedCommand> {
  const target = await rewriteTarget(env, await writableTable(env, c.target.name));
  if (!c.where) return deleteAll(env, target);
  const alias = sqlIdent(c.target.alias ?? target.ident.name);
  const pruning = pruningOf(c.where, target.schema, [c.target.alias ?? target.ident.name], env.ctx.params);
  const sql = `SELECT ${targetColumns(target, alias).join(", ")}, ${hit(c.where)} AS ${HIT} FROM ${sqlTableName(target.ident)} AS ${alias}${restrict(pruning)}`;
  const query = await planOverTarget(env, target, sql, [c.where]);
  return command(`DELETE FROM ${target.name}`, { read: query.tablesRead, written: [target.name] }, (connection, signal) =>
    withMaterialized(connection, query, signal, async (rows) => {
      const hits = await countHits(connection, rows.table);
      if (hits > 0) await commitRewrite(env, target, connection, signal, keptRows(target, rows, `NOT ${HIT}`), "delete", pruning?.filter);
      return { message: `Deleted ${rowCount(hits)} from ${target.name}.`, rowsAffected: hits };
    }),
  );
}

/** Without WHERE every file leaves the snapshot: nothing to read or rewrite. */
function deleteAll(env: CommandEnv, target: RewriteTarget): PreparedCommand {
  return command(`DELETE FROM ${target.name}`, { written: [target.name] }, async (connection, signal) => {
    if (signal.aborted) throw cancelled(signal);
    const result = await deleteRows(env.ctx, target.ident, connection.duck, { kind: "true" }, { description: "delete" });
    const snapshot = result.metadata.snapshots.find((s) => s.snapshotId === result.metadata.currentSnapshotId);
    const deleted = Number(snapshot?.summary["deleted-records"] ?? 0);
    return { message: `Deleted ${rowCount(deleted)} from ${target.name}.`, rowsAffected: deleted };
  });
}

export async function updateCommand(env: CommandEnv, c: Update): Promise<PreparedCommand> {
  const target = await rewriteTarget(env, await writableTable(env, c.target.name));
  const alias = sqlIdent(c.target.alias ?? target.ident.name);
  const set = new Map<string, Span>();
  for (const a of c.set) {
    const field = targetField(target, a.column);
    if (set.has(field.name)) throw new AppError("bad_request", `UPDATE sets ${field.name} twice.`);
    set.set(field.name, a.value);
  }
  const when = c.where ? hit(c.where) : "TRUE";
  const columns = target.schema.fields.map((f) => {
    const value = set.get(f.name);
    const old = `${alias}.${quoteIdent(f.name)}`;
    return value ? `CASE WHEN ${when} THEN CAST((${value.sql}) AS ${duckType(f.type)}) ELSE ${old} END AS ${quoteIdent(f.name)}` : old;
  });
  const pruning = c.where ? pruningOf(c.where, target.schema, [c.target.alias ?? target.ident.name], env.ctx.params) : undefined;
  const sql = `SELECT ${columns.join(", ")}, ${when} AS ${HIT} FROM ${sqlTableName(target.ident)} AS ${alias}${restrict(pruning)}`;
  const query = await planOverTarget(env, target, sql, [...c.set.map((a) => a.value), ...(c.where ? [c.where] : [])]);
  return command(`UPDATE ${target.name}`, { read: query.tablesRead, written: [target.name] }, (connection, signal) =>
    withMaterialized(connection, query, signal, async (rows) => {
      const hits = await countHits(connection, rows.table);
      if (hits > 0) await commitRewrite(env, target, connection, signal, keptRows(target, rows, "TRUE"), "update", pruning?.filter);
      return { message: `Updated ${rowCount(hits)} in ${target.name}.`, rowsAffected: hits };
    }),
  );
}

/** Only the rows the pruning filter selects are read and rewritten (pruning.ts). */
function restrict(pruning: Pruning | undefined): string {
  return pruning ? ` WHERE ${pruning.sql}` : "";
}

function hit(where: Span): string {
  return `coalesce((${where.sql}), FALSE)`;
}

async function countHits(connection: { rows(sql: string): Promise<Record<string, unknown>[]> }, table: string): Promise<number> {
  const [row] = await connection.rows(`SELECT count(*) AS n FROM ${table} WHERE ${HIT}`);
  return Number(row.n);
}
