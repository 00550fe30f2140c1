/**
 * CREATE TABLE … AS SELECT as ONE commit: the query's rows are materialised, the new
 * table's metadata staged (lib/access asks `table.create`), its data files written into
 * the staged location, then the create and the first snapshot land together as an
 * `assert-create` commit. A failure deletes the written files; the name stays free.
 * OR REPLACE of a table that exists: replace-table.ts.
 */
import { requireAuthorized } from "@/lib/access";
import { commitTable, stageCreate, type TableIdent } from "@/lib/catalog";
import { isAppError } from "@/lib/errors";
import { newTableMetadata, type TableCommit } from "@/lib/iceberg/commit";
import { currentSchema, type FormatVersion, type TableMetadata } from "@/lib/iceberg/spec";
import { type PreparedCommit, prepareAppend } from "@/lib/iceberg/write";
import type { EngineConnection, PreparedCommand } from "../../types";
import { fullName, namespaceResource } from "../names";
import { newObject } from "./targets";
import type { CreateTableAs } from "../parse";
import { type CommandEnv, cancelled, command, planEmbedded, rowCount } from "./context";
import { icebergTypeOf } from "./duck-schema";
import { countRows, type Materialized, withMaterialized } from "./materialize";
import { replaceTable } from "./replace-table";
import { schemaOf, tableProperties } from "./tables";

export async function createTableAsCommand(env: CommandEnv, c: CreateTableAs): Promise<PreparedCommand> {
  const ident = await newObject(env, c.name);
  requireAuthorized(env.ctx.actor, "table.create", namespaceResource(ident));
  const name = fullName(ident);
  const query = await planEmbedded(env, c.query.sql, [c.query]);
  return command(`CREATE TABLE ${name} AS SELECT`, { read: query.tablesRead, written: [name] }, (connection, signal) =>
    withMaterialized(connection, query, signal, async (rows) => {
      let staged: TableMetadata;
      try {
        staged = await stageTable(env, ident, c, rows);
      } catch (error) {
        if (c.ifNotExists && isAppError(error) && error.code === "conflict") return { message: `${name} already exists; nothing created.`, rowsAffected: 0 };
        if (c.orReplace && isAppError(error) && error.code === "conflict") {
          await replaceTable(env, ident, c, connection, signal, rows);
          const count = await countRows(connection, `SELECT * FROM ${rows.table}`);
          return { message: `Replaced table ${name} with ${rowCount(count)}.`, rowsAffected: count };
        }
        throw error;
      }
      const count = await countRows(connection, `SELECT * FROM ${rows.table}`);
      await commitCreate(env, ident, connection, signal, staged, count > 0 ? `SELECT * FROM ${rows.table}` : undefined);
      return { message: `Created table ${name} with ${rowCount(count)}.`, rowsAffected: count };
    }),
  );
}

async function stageTable(env: CommandEnv, ident: TableIdent, c: CreateTableAs, rows: Materialized): Promise<TableMetadata> {
  const columns = rows.columns.map((col) => ({ name: col.name, type: icebergTypeOf(col.name, col.type), notNull: false }));
  const schema = schemaOf(columns);
  const staged = await stageCreate(env.ctx, ident, { schema, partitionBy: c.partitionBy, properties: tableProperties(c) });
  return staged.metadata;
}

async function commitCreate(env: CommandEnv, ident: TableIdent, connection: EngineConnection, signal: AbortSignal, staged: TableMetadata, sourceSql: string | undefined): Promise<void> {
  const created = recreate(staged);
  let append: PreparedCommit | undefined;
  try {
    const updates = [...created.commit.updates];
    if (sourceSql) {
      append = await prepareAppend({ connection: connection.duck, io: env.ctx.io, metadata: created.metadata, sourceSql });
      updates.push(...(await append.buildCommit(created.metadata)).updates);
    }
    if (signal.aborted) throw cancelled(signal);
    const commit: TableCommit = { requirements: [{ type: "assert-create" }], updates };
    const result = await commitTable(env.ctx, ident, commit, { description: "create table as select" });
    await append?.cleanup(result.metadata);
  } catch (error) {
    await append?.cleanup().catch(() => {});
    throw error;
  }
}

/** The staged table as the create commit that makes it (same uuid, location, ids). */
function recreate(staged: TableMetadata) {
  const spec = staged.partitionSpecs.find((s) => s.specId === staged.defaultSpecId);
  return newTableMetadata({
    location: staged.location,
    schema: currentSchema(staged),
    ...(spec ? { partitionSpec: spec } : {}),
    properties: staged.properties,
    formatVersion: staged.formatVersion as FormatVersion,
    uuid: staged.tableUuid,
  });
}
