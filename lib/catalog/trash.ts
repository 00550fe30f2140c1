/**
 * The trash: dropped tables, views and namespaces, kept for the catalog's retention
 * (`trash.retention-days`, default 7) before `purgeTrash` deletes them. While an object
 * is in the trash its name is free (its `deletedKey` is its id), so a restore may find
 * the name taken again and must then be given a new one.
 *
 * Restoring works until the purge has run, even past `purgeAfter`. Purging claims each
 * row (a conditional delete, so concurrent purges never purge twice) before deleting its
 * files, so a restore can never bring back an object whose files are going.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "./context";
import { namespaceResource, tableResource } from "./identifiers";
import { displayName, namespaceLevels, namespacePath, validateName, validateNamespace } from "./names";
import { renamedSearchText } from "./search-text";
import { isUniqueViolation, VIEW_KIND } from "./table-rows";

export interface TrashItem {
  id: string;
  kind: "table" | "view" | "namespace";
  catalog: string;
  namespace: string[];
  /** The table or view name; null for a namespace (its name is the last level). */
  name: string | null;
  deletedAt: Date;
  purgeAfter: Date;
  /** Whether purging deletes files: only objects Tarn manages lose theirs. */
  deletesFiles: boolean;
}

const TABLE_INCLUDE = { namespace: { include: { catalog: { select: { path: true } } } } } as const;

export async function listTrash(ctx: CatalogContext, catalog?: string): Promise<TrashItem[]> {
  requireAuthorized(ctx.actor, "trash.read", catalog ? { kind: "catalog", catalog } : undefined);
  const inCatalog = catalog ? { catalog: { path: catalog } } : {};
  const [tables, namespaces] = await Promise.all([
    ctx.db.catalogTable.findMany({ where: { deletedAt: { not: null }, namespace: inCatalog }, include: TABLE_INCLUDE }),
    ctx.db.namespace.findMany({ where: { deletedAt: { not: null }, ...inCatalog }, include: { catalog: { select: { path: true } } } }),
  ]);
  const items = [...tables.map(tableItem), ...namespaces.map(namespaceItem)];
  return items.sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime() || a.id.localeCompare(b.id));
}

type TrashedTable = NonNullable<Awaited<ReturnType<typeof findTrashedTable>>>;
type TrashedNamespace = NonNullable<Awaited<ReturnType<typeof findTrashedNamespace>>>;

function findTrashedTable(ctx: CatalogContext, id: string) {
  return ctx.db.catalogTable.findFirst({ where: { id, deletedAt: { not: null } }, include: TABLE_INCLUDE });
}

function findTrashedNamespace(ctx: CatalogContext, id: string) {
  return ctx.db.namespace.findFirst({ where: { id, deletedAt: { not: null } }, include: { catalog: { select: { path: true } } } });
}

export function tableItem(row: TrashedTable): TrashItem {
  return {
    id: row.id,
    kind: row.kind === VIEW_KIND ? "view" : "table",
    catalog: row.namespace.catalog.path,
    namespace: namespaceLevels(row.namespace.path),
    name: row.name,
    deletedAt: row.deletedAt as Date,
    purgeAfter: row.purgeAfter as Date,
    deletesFiles: row.managed && !!row.location,
  };
}

export function namespaceItem(row: TrashedNamespace): TrashItem {
  return { id: row.id, kind: "namespace", catalog: row.catalog.path, namespace: namespaceLevels(row.path), name: null, deletedAt: row.deletedAt as Date, purgeAfter: row.purgeAfter as Date, deletesFiles: false };
}

/**
 * Brings an object back from the trash under its old name, or `newName` (for a
 * namespace, the last level). A table or view needs its namespace to be live; a
 * namespace needs its parent.
 */
export async function restoreFromTrash(ctx: CatalogContext, id: string, opts: { newName?: string } = {}): Promise<TrashItem> {
  const table = await findTrashedTable(ctx, id);
  if (table) return restoreTable(ctx, table, opts.newName);
  const namespace = await findTrashedNamespace(ctx, id);
  if (namespace) return restoreNamespace(ctx, namespace, opts.newName);
  requireAuthorized(ctx.actor, "trash.restore");
  throw new AppError("not_found", "That is not in the trash (it may have been restored or purged already).");
}

async function restoreTable(ctx: CatalogContext, row: TrashedTable, newName?: string): Promise<TrashItem> {
  const item = tableItem(row);
  const from = { catalog: item.catalog, namespace: item.namespace, name: row.name };
  const to = { ...from, name: validateName(item.kind, newName ?? row.name) };
  requireAuthorized(ctx.actor, "trash.restore", tableResource(to));
  const label = `${item.kind === "view" ? "View" : "Table"} ${displayName(to.namespace, to.name)}`;
  if (row.namespace.deletedKey !== "") throw new AppError("conflict", `Namespace ${displayName(item.namespace)} is in the trash too; restore it first.`);
  const taken = await ctx.db.catalogTable.findUnique({ where: { namespaceId_name_deletedKey: { namespaceId: row.namespaceId, name: to.name, deletedKey: "" } }, select: { id: true } });
  if (taken) throw nameTakenAgain(label);
  const searchText = await renamedSearchText(ctx.io, row, from, to);
  try {
    await ctx.db.$transaction(async (tx) => {
      const restored = await tx.catalogTable.updateMany({ where: { id: row.id, deletedKey: row.id }, data: { name: to.name, searchText, deletedAt: null, purgeAfter: null, deletedKey: "" } });
      if (restored.count !== 1) throw new AppError("not_found", `${label} is no longer in the trash.`);
      await recordAudit(tx, ctx.actor, { action: "trash.restore", targetType: item.kind, targetId: row.id, details: { catalog: item.catalog, [item.kind]: displayName(to.namespace, to.name), renamedFrom: newName ? row.name : undefined } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTakenAgain(label);
    throw error;
  }
  return { ...item, name: to.name };
}

async function restoreNamespace(ctx: CatalogContext, row: TrashedNamespace, newName?: string): Promise<TrashItem> {
  const item = namespaceItem(row);
  const levels = newName === undefined ? item.namespace : validateNamespace([...item.namespace.slice(0, -1), newName]);
  requireAuthorized(ctx.actor, "trash.restore", namespaceResource({ catalog: item.catalog, namespace: levels }));
  const label = `Namespace ${displayName(levels)}`;
  const live = (path: string) => ctx.db.namespace.findUnique({ where: { catalogId_path_deletedKey: { catalogId: row.catalogId, path, deletedKey: "" } }, select: { id: true } });
  if (row.parentPath && !(await live(row.parentPath))) {
    throw new AppError("conflict", `Namespace ${displayName(namespaceLevels(row.parentPath))} does not exist any more; restore or create it first.`);
  }
  if (await live(namespacePath(levels))) throw nameTakenAgain(label);
  try {
    await ctx.db.$transaction(async (tx) => {
      const restored = await tx.namespace.updateMany({ where: { id: row.id, deletedKey: row.id }, data: { path: namespacePath(levels), deletedAt: null, purgeAfter: null, deletedKey: "" } });
      if (restored.count !== 1) throw new AppError("not_found", `${label} is no longer in the trash.`);
      await recordAudit(tx, ctx.actor, { action: "trash.restore", targetType: "namespace", targetId: row.id, details: { catalog: item.catalog, namespace: levels } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTakenAgain(label);
    throw error;
  }
  return { ...item, namespace: levels };
}

function nameTakenAgain(label: string): AppError {
  return new AppError("conflict", `${label} exists again; restore this one under another name.`);
}
