/** CREATE TABLE (columns), DROP TABLE, DROP VIEW, TRUNCATE. */
import { requireAuthorized } from "@/lib/access";
import { createTable, deleteRows, dropTable, dropView } from "@/lib/catalog";
import { assignFreshIds, type NestedField, type Schema } from "@/lib/iceberg/spec";
import type { PreparedCommand } from "../../types";
import { fullName, namespaceResource, resolveTable, tableResource } from "../names";
import type { ColumnDef, CreateTable, DropTable, DropView, Properties, Truncate } from "../parse";
import { type CommandEnv, cancelled, command, rowCount, unless } from "./context";

export function createTableCommand(env: CommandEnv, c: CreateTable): PreparedCommand {
  const ident = resolveTable(env.ctx.session, c.name);
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

export function dropTableCommand(env: CommandEnv, c: DropTable): PreparedCommand {
  const ident = resolveTable(env.ctx.session, c.name);
  requireAuthorized(env.ctx.actor, "table.drop", tableResource(ident));
  const name = fullName(ident);
  return command(`DROP TABLE ${name}`, { written: [name] }, () =>
    unless(c.ifExists, "not_found", `${name} does not exist; nothing dropped.`, async () => {
      await dropTable(env.ctx, ident, { purge: c.purge });
      return c.purge ? `Dropped table ${name} and deleted its files.` : `Dropped table ${name} (it stays in the trash until purged).`;
    }),
  );
}

export function dropViewCommand(env: CommandEnv, c: DropView): PreparedCommand {
  const ident = resolveTable(env.ctx.session, c.name);
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
export function truncateCommand(env: CommandEnv, c: Truncate): PreparedCommand {
  const ident = resolveTable(env.ctx.session, c.name);
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
