/** CREATE TABLE (columns), DROP TABLE, DROP VIEW, TRUNCATE. */
import { requireAuthorized } from "@/lib/access";
import { createTable, deleteRows, dropTable, dropView } from "@/lib/catalog";
import { assignFreshIds, type NestedField, type Schema } from "@/lib/iceberg/spec";
import type { PreparedCommand } from "../../types";
import { fullName, namespaceResource, tableResource } from "../names";
import { existingObject, missing, newObject, writableTable } from "./targets";
import type { ColumnDef, CreateTable, DropTable, DropView, Properties, Truncate } from "../parse";
import { type CommandEnv, cancelled, command, rowCount, unless } from "./context";

export async function createTableCommand(env: CommandEnv, c: CreateTable): Promise<PreparedCommand> {
  const ident = await newObject(env, c.name);
  requireAuthorized(env.ctx.actor, "table.create", namespaceResource(ident));
  const name = fullName(ident);
  const schema = schemaOf(c.columns);
  return command(`CREATE TABLE ${name}`, { written: [name] }, () =>
    unless(c.ifNotExists, "conflict", `${name} already exists; nothing created.`, async () => {
      await createTable(env.ctx, ident, { schema, partitionBy: c.partitionBy, properties: tableProperties(c) });
      return `Created table ${name}.`;
    }),
  );
}

/** Columns as a schema with fresh field ids (top-level 1..n, then nested ones). */
export function schemaOf(columns: Pick<ColumnDef, "name" | "type" | "notNull" | "comment">[]): Schema {
  const fields: NestedField[] = columns.map((c) => ({ id: 0, name: c.name, required: c.notNull, type: c.type, ...(c.comment === undefined ? {} : { doc: c.comment }) }));
  return assignFreshIds({ type: "struct", fields }).schema;
}

export function tableProperties(c: { comment?: string; properties: Properties }): Properties {
  return { ...c.properties, ...(c.comment === undefined ? {} : { comment: c.comment }) };
}

export async function dropTableCommand(env: CommandEnv, c: DropTable): Promise<PreparedCommand> {
  const ident = await existingObject(env, c.name, ["iceberg", "external"], "use DROP VIEW for views; tables of a federated catalog are dropped at their source.", c.ifExists);
  if (!ident) return missing(env, c.name, "DROP TABLE", "dropped");
  requireAuthorized(env.ctx.actor, "table.drop", tableResource(ident));
  const name = fullName(ident);
  return command(`DROP TABLE ${name}`, { written: [name] }, () =>
    unless(c.ifExists, "not_found", `${name} does not exist; nothing dropped.`, async () => {
      await dropTable(env.ctx, ident, { purge: c.purge });
      return c.purge ? `Dropped table ${name} and deleted its files.` : `Dropped table ${name} (it stays in the trash until purged).`;
    }),
  );
}

export async function dropViewCommand(env: CommandEnv, c: DropView): Promise<PreparedCommand> {
  const ident = await existingObject(env, c.name, ["view"], "use DROP TABLE for tables.", c.ifExists);
  if (!ident) return missing(env, c.name, "DROP VIEW", "dropped");
  requireAuthorized(env.ctx.actor, "view.drop", tableResource(ident));
  const name = fullName(ident);
  return command(`DROP VIEW ${name}`, {}, () =>
    unless(c.ifExists, "not_found", `${name} does not exist; nothing dropped.`, async () => {
      await dropView(env.ctx, ident);
      return `Dropped view ${name} (it stays in the trash until purged).`;
    }),
  );
}

/** Every file leaves the current snapshot in one "delete" snapshot; older snapshots keep them. */
export async function truncateCommand(env: CommandEnv, c: Truncate): Promise<PreparedCommand> {
  const ident = await writableTable(env, c.name);
  requireAuthorized(env.ctx.actor, "table.write", tableResource(ident));
  const name = fullName(ident);
  return command(`TRUNCATE ${name}`, { written: [name] }, async (connection, signal) => {
    if (signal.aborted) throw cancelled(signal);
    const result = await deleteRows(env.ctx, ident, connection.duck, { kind: "true" }, { description: "truncate" });
    const summary = result.metadata.snapshots.find((s) => s.snapshotId === result.metadata.currentSnapshotId)?.summary;
    const deleted = Number(summary?.["deleted-records"] ?? 0);
    return { message: `Truncated ${name}: deleted ${rowCount(deleted)}.`, rowsAffected: deleted };
  });
}
