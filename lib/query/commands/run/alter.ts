/**
 * ALTER TABLE: one action, one commit through lib/catalog's schema, partitioning,
 * properties and snapshot-reference changes (each asks lib/access for `table.alter`).
 */
import { requireAuthorized } from "@/lib/access";
import { alterPartitioning, alterSchema, loadTable, manageSnapshots, renameTable, setTableProperties, type TableIdent } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import type { UpdateSchema } from "@/lib/iceberg/commit";
import { currentSchema, findFieldByName, type TableMetadata } from "@/lib/iceberg/spec";
import type { PreparedCommand } from "../../types";
import { fullName, tableResource } from "../names";
import { existingObject, missing, newObject } from "./targets";
import type { AlterAction, AlterTable } from "../parse";
import { type CommandEnv, command } from "./context";

export async function alterTableCommand(env: CommandEnv, c: AlterTable): Promise<PreparedCommand> {
  const ident = await existingObject(env, c.name, ["iceberg"], "ALTER TABLE changes Iceberg tables of the catalog.", c.ifExists);
  if (!ident) return missing(env, c.name, "ALTER TABLE", "changed");
  requireAuthorized(env.ctx.actor, "table.alter", tableResource(ident));
  const name = fullName(ident);
  return command(`ALTER TABLE ${name}`, { written: [name] }, async () => {
    const { metadata } = await loadTable(env.ctx, ident);
    const message = await applyAction(env, ident, metadata, c.action);
    return { message: `${message.replace("%s", name)}` };
  });
}

async function applyAction(env: CommandEnv, ident: TableIdent, metadata: TableMetadata, a: AlterAction): Promise<string> {
  const { ctx } = env;
  switch (a.kind) {
    case "addColumns": {
      const fresh = a.ifNotExists ? a.columns.filter((col) => !hasColumn(metadata, col.name)) : a.columns;
      if (fresh.length === 0) return "%s already has that column; nothing changed.";
      await alterSchema(ctx, ident, (u) => fresh.reduce((s, col) => addColumn(s, col), u));
      return `Added ${fresh.map((col) => col.name).join(", ")} to %s.`;
    }
    case "dropColumn":
      if (a.ifExists && !hasColumn(metadata, a.column)) return `%s has no column ${a.column}; nothing changed.`;
      await alterSchema(ctx, ident, (u) => u.deleteColumn(a.column));
      return `Dropped column ${a.column} of %s.`;
    case "renameColumn":
      await alterSchema(ctx, ident, (u) => u.renameColumn(a.column, a.to));
      return `Renamed column ${a.column} of %s to ${a.to}.`;
    case "setColumnType":
      if (typeof a.type !== "string") throw new AppError("bad_request", "Only primitive column types can change (by Iceberg's promotions: int → long, float → double, wider decimals).");
      await alterSchema(ctx, ident, (u) => u.updateColumn(a.column, a.type as string));
      return `Changed the type of ${a.column} of %s to ${a.type}.`;
    case "setNotNull":
      await alterSchema(ctx, ident, (u) => u.requireColumn(a.column));
      return `${a.column} of %s is now NOT NULL.`;
    case "dropNotNull":
      await alterSchema(ctx, ident, (u) => u.makeColumnOptional(a.column));
      return `${a.column} of %s now allows NULL.`;
    case "setColumnComment":
      await alterSchema(ctx, ident, (u) => u.updateColumnDoc(a.column, a.comment));
      return `Set the comment of ${a.column} of %s.`;
    case "renameTable": {
      const to = await newObject(env, a.to);
      await renameTable(ctx, ident, to);
      return `Renamed %s to ${fullName(to)}.`;
    }
    default:
      return applyTableAction(env, ident, metadata, a);
  }
}

async function applyTableAction(env: CommandEnv, ident: TableIdent, metadata: TableMetadata, a: AlterAction): Promise<string> {
  const { ctx } = env;
  switch (a.kind) {
    case "setProperties":
      await setTableProperties(ctx, ident, { updates: a.properties });
      return `Set ${Object.keys(a.properties).join(", ")} on %s.`;
    case "unsetProperties": {
      const missing = a.keys.filter((k) => !(k in metadata.properties));
      if (missing.length > 0 && !a.ifExists) throw new AppError("bad_request", `${fullName(ident)} has no property ${missing.join(", ")}; use UNSET TBLPROPERTIES IF EXISTS to ignore missing ones.`);
      const removals = a.keys.filter((k) => k in metadata.properties);
      if (removals.length === 0) return "%s has none of those properties; nothing changed.";
      await setTableProperties(ctx, ident, { removals });
      return `Removed ${removals.join(", ")} from %s.`;
    }
    case "addPartitionField":
      await alterPartitioning(ctx, ident, (p) => p.addField(a.field.column, a.field.transform, a.field.name));
      return "Added a partition field to %s; new data is written with it.";
    case "dropPartitionField":
      await alterPartitioning(ctx, ident, (p) => (a.bare && !hasColumn(metadata, a.field.column) ? p.removeField(a.field.column) : p.removeFieldFor(a.field.column, a.field.transform)));
      return "Dropped a partition field of %s.";
    case "createRef":
      return createRef(env, ident, metadata, a);
    case "dropRef":
      if (a.ifExists && !(a.refName in metadata.refs)) return `%s has no ${a.ref} ${a.refName}; nothing changed.`;
      await manageSnapshots(ctx, ident, (m) => (a.ref === "tag" ? m.removeTag(a.refName) : m.removeBranch(a.refName)));
      return `Dropped ${a.ref} ${a.refName} of %s.`;
    default:
      throw new AppError("internal", `Unhandled ALTER TABLE action ${a.kind}.`);
  }
}

async function createRef(env: CommandEnv, ident: TableIdent, metadata: TableMetadata, a: Extract<AlterAction, { kind: "createRef" }>): Promise<string> {
  const exists = a.refName in metadata.refs;
  if (exists && a.ifNotExists) return `%s already has ${a.ref} ${a.refName}; nothing changed.`;
  const snapshotId = a.version ?? metadata.currentSnapshotId;
  if (snapshotId === undefined) throw new AppError("bad_request", `${fullName(ident)} has no snapshot yet to put a ${a.ref} on.`);
  await manageSnapshots(env.ctx, ident, (m) => {
    if (exists && a.orReplace) return a.ref === "tag" ? m.replaceTag(a.refName, snapshotId) : m.replaceBranch(a.refName, snapshotId);
    const retention = a.retainMs === undefined ? {} : { maxRefAgeMs: a.retainMs };
    return a.ref === "tag" ? m.createTag(a.refName, snapshotId, retention) : m.createBranch(a.refName, snapshotId, retention);
  });
  return `Created ${a.ref} ${a.refName} of %s at snapshot ${snapshotId}.`;
}

function addColumn(update: UpdateSchema, col: Extract<AlterAction, { kind: "addColumns" }>["columns"][number]): UpdateSchema {
  const dot = col.name.lastIndexOf(".");
  const parent = dot > 0 ? col.name.slice(0, dot) : undefined;
  const name = dot > 0 ? col.name.slice(dot + 1) : col.name;
  let next = update.addColumn(name, col.type, { ...(parent ? { parent } : {}), ...(col.comment === undefined ? {} : { doc: col.comment }), required: col.notNull });
  if (col.position?.kind === "first") next = next.moveFirst(col.name);
  if (col.position?.kind === "after") next = next.moveAfter(col.name, col.position.column);
  return next;
}

function hasColumn(metadata: TableMetadata, name: string): boolean {
  return findFieldByName(currentSchema(metadata), name) !== undefined;
}
