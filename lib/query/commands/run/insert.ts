/**
 * INSERT INTO t [(cols)] [BY NAME] VALUES … | SELECT …: the rows come from plan's
 * secured planner (VALUES too, so parameters are bound and subqueries secured), are
 * materialised once, then appended in one "append" snapshot.
 */
import { requireAuthorized } from "@/lib/access";
import { type TableIdent, writeTable } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { duckType, quoteIdent } from "@/lib/iceberg/duckdb";
import { currentSchema, type TableMetadata } from "@/lib/iceberg/spec";
import { prepareAppend } from "@/lib/iceberg/write";
import type { PreparedCommand } from "../../types";
import { fullName, tableResource } from "../names";
import { writableTable } from "./targets";
import type { Insert, Span } from "../parse";
import { type CommandEnv, command, planEmbedded, rowCount, unlessCancelled } from "./context";
import { countRows, type Materialized, withMaterialized } from "./materialize";

export async function insertCommand(env: CommandEnv, c: Insert): Promise<PreparedCommand> {
  const ident = await writableTable(env, c.name);
  requireAuthorized(env.ctx.actor, "table.write", tableResource(ident));
  const name = fullName(ident);
  const spans = c.source.kind === "query" ? [c.source.query] : c.source.rows.flat();
  const sql = c.source.kind === "query" ? c.source.query.sql : valuesSql(c.source.rows);
  const query = await planEmbedded(env, sql, spans);
  return command(`INSERT INTO ${name}`, { read: query.tablesRead, written: [name] }, (connection, signal) =>
    withMaterialized(connection, query, signal, async (rows) => {
      const count = await countRows(connection, `SELECT * FROM ${rows.table}`);
      if (count === 0) return { message: `Inserted 0 rows into ${name}.`, rowsAffected: 0 };
      const prepare = async (metadata: TableMetadata) => unlessCancelled(signal, await prepareAppend({ connection: connection.duck, io: env.ctx.io, metadata, sourceSql: insertSql(ident, metadata, rows, c) }));
      await writeTable(env.ctx, ident, prepare, { description: "insert" });
      return { message: `Inserted ${rowCount(count)} into ${name}.`, rowsAffected: count };
    }),
  );
}

/** `VALUES (…), (…)` as a query of its own, for the secured planner (parameters, subqueries). */
function valuesSql(rows: Span[][]): string {
  return `VALUES ${rows.map((row) => `(${row.map((v) => v.sql).join(", ")})`).join(", ")}`;
}

/** The materialised rows as the table's columns: by position (or name), missing ones NULL. */
export function insertSql(ident: TableIdent, metadata: TableMetadata, rows: Materialized, c: Pick<Insert, "columns" | "byName">): string {
  const fields = currentSchema(metadata).fields;
  const field = (col: string) => {
    const found = fields.find((f) => f.name === col) ?? fields.find((f) => f.name.toLowerCase() === col.toLowerCase());
    if (!found) throw new AppError("bad_request", `${fullName(ident)} has no column ${col}.`);
    return found.name;
  };
  const sourceOf = new Map<string, string>();
  if (c.byName) {
    for (const col of rows.columns) sourceOf.set(field(col.name), col.name);
  } else {
    const targets = (c.columns ?? fields.map((f) => f.name)).map(field);
    if (new Set(targets).size !== targets.length) throw new AppError("bad_request", "A column is listed twice in the INSERT.");
    if (targets.length !== rows.columns.length) {
      throw new AppError("bad_request", `INSERT INTO ${fullName(ident)} names ${targets.length} columns but the rows have ${rows.columns.length} values.`);
    }
    for (const [i, target] of targets.entries()) sourceOf.set(target, rows.columns[i].name);
  }
  const select = fields.map((f) => {
    const source = sourceOf.get(f.name);
    return `${source === undefined ? `CAST(NULL AS ${duckType(f.type)})` : quoteIdent(source)} AS ${quoteIdent(f.name)}`;
  });
  return `SELECT ${select.join(", ")} FROM ${rows.table}`;
}
