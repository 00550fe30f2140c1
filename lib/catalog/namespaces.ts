/** Namespaces inside a catalog, multi-level as Iceberg allows. Parents must exist; dropped ones go to the trash. */
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findCatalog } from "./catalogs";
import { type NamespaceIdent, namespaceResource } from "./identifiers";
import { displayName, namespaceLevels, namespacePath, validateNamespace } from "./names";
import { type Page, type PageRequest, pageQuery, toPage } from "./pagination";
import { parseProperties, validateProperties } from "./properties";
import { trashColumns } from "./trash-retention";

export interface NamespaceInfo {
  id: string;
  catalog: string;
  namespace: string[];
  properties: Record<string, string>;
  comment: string | null;
  owner: string | null;
}

export async function createNamespace(db: Db, actor: Principal, ident: NamespaceIdent, props?: Record<string, string>): Promise<NamespaceInfo> {
  requireAuthorized(actor, "namespace.create", namespaceResource(ident));
  const levels = validateNamespace(ident.namespace);
  const properties = validateProperties(props);
  const catalog = await findCatalog(db, ident.catalog);
  const parentPath = namespacePath(levels.slice(0, -1));
  if (parentPath && !(await db.namespace.findUnique({ where: { catalogId_path_deletedKey: { catalogId: catalog.id, path: parentPath, deletedKey: "" } } }))) {
    throw new AppError("not_found", `Namespace ${displayName(levels.slice(0, -1))} does not exist; create it first.`);
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.namespace.create({
        data: { catalogId: catalog.id, path: namespacePath(levels), parentPath, owner: actor.username, comment: properties.comment ?? null, properties: JSON.stringify(properties) },
      });
      await recordAudit(tx, actor, { action: "namespace.create", targetType: "namespace", targetId: row.id, details: { catalog: ident.catalog, namespace: levels } });
      return toInfo(ident.catalog, row);
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new AppError("conflict", `Namespace ${displayName(levels)} already exists.`);
    throw error;
  }
}

export async function loadNamespace(db: Db, actor: Principal, ident: NamespaceIdent): Promise<NamespaceInfo> {
  requireAuthorized(actor, "catalog.browse");
  return toInfo(ident.catalog, await findNamespace(db, ident));
}

export async function findNamespace(db: Pick<Db, "catalog" | "namespace">, ident: NamespaceIdent) {
  const catalog = await findCatalog(db, ident.catalog);
  const row = await db.namespace.findUnique({ where: { catalogId_path_deletedKey: { catalogId: catalog.id, path: namespacePath(ident.namespace), deletedKey: "" } } });
  if (!row) throw new AppError("not_found", `Namespace ${displayName(ident.namespace)} does not exist.`);
  return row;
}

/** For HEAD requests: whether the namespace exists (a missing catalog is still not_found). */
export async function namespaceExists(db: Db, actor: Principal, ident: NamespaceIdent): Promise<boolean> {
  requireAuthorized(actor, "catalog.browse");
  const catalog = await findCatalog(db, ident.catalog);
  const row = await db.namespace.findUnique({ where: { catalogId_path_deletedKey: { catalogId: catalog.id, path: namespacePath(ident.namespace), deletedKey: "" } }, select: { id: true } });
  return row !== null;
}

/** The namespaces directly under `parent` (or the top level). */
export async function listNamespaces(db: Db, actor: Principal, catalogPath: string, parent: string[] = []): Promise<string[][]> {
  return (await listNamespacesPage(db, actor, catalogPath, { parent })).items;
}

/** One page of the namespaces directly under `parent`, sorted (REST `pageToken` / `pageSize`). */
export async function listNamespacesPage(db: Db, actor: Principal, catalogPath: string, request: PageRequest & { parent?: string[] } = {}): Promise<Page<string[]>> {
  requireAuthorized(actor, "catalog.browse");
  const catalog = await findCatalog(db, catalogPath);
  const parent = request.parent ?? [];
  if (parent.length) await findNamespace(db, { catalog: catalogPath, namespace: parent });
  const query = pageQuery(request);
  const rows = await db.namespace.findMany({
    where: { catalogId: catalog.id, parentPath: namespacePath(parent), deletedKey: "", ...(query.after !== undefined ? { path: { gt: query.after } } : {}) },
    orderBy: { path: "asc" },
    select: { path: true },
    take: query.take,
  });
  return toPage(
    rows,
    query,
    (r) => r.path,
    (r) => namespaceLevels(r.path),
  );
}

/**
 * Drops an empty namespace into the trash (trash.ts restores and purges it). Tables and
 * views already in the trash do not count: they stay with it.
 */
export async function dropNamespace(db: Db, actor: Principal, ident: NamespaceIdent): Promise<void> {
  requireAuthorized(actor, "namespace.alter", namespaceResource(ident));
  const row = await findNamespace(db, ident);
  const [tables, children] = await Promise.all([
    db.catalogTable.count({ where: { namespaceId: row.id, deletedKey: "" } }),
    db.namespace.count({ where: { catalogId: row.catalogId, parentPath: row.path, deletedKey: "" } }),
  ]);
  if (tables || children) throw new AppError("conflict", `Namespace ${displayName(ident.namespace)} is not empty; drop its tables, views and namespaces first.`);
  const catalog = await db.catalog.findUniqueOrThrow({ where: { id: row.catalogId }, select: { properties: true } });
  await db.$transaction(async (tx) => {
    const trashed = await tx.namespace.updateMany({ where: { id: row.id, deletedKey: "" }, data: trashColumns(row.id, catalog.properties) });
    if (trashed.count !== 1) throw new AppError("not_found", `Namespace ${displayName(ident.namespace)} does not exist.`);
    await recordAudit(tx, actor, { action: "namespace.drop", targetType: "namespace", targetId: row.id, details: { catalog: ident.catalog, namespace: ident.namespace, trash: true } });
  });
}

export async function updateNamespaceProperties(
  db: Db,
  actor: Principal,
  ident: NamespaceIdent,
  change: { updates?: Record<string, string>; removals?: string[] },
): Promise<{ updated: string[]; removed: string[]; missing: string[] }> {
  requireAuthorized(actor, "namespace.alter", namespaceResource(ident));
  const updates = validateProperties(change.updates);
  const removals = change.removals ?? [];
  const overlap = removals.filter((key) => key in updates);
  if (overlap.length) throw new AppError("bad_request", `A property cannot be both set and removed: ${overlap.join(", ")}.`);
  return db.$transaction(async (tx) => {
    const row = await findNamespace(tx, ident);
    const current = parseProperties(row.properties);
    const missing = removals.filter((key) => !(key in current));
    for (const key of removals) delete current[key];
    Object.assign(current, updates);
    await tx.namespace.update({ where: { id: row.id }, data: { properties: JSON.stringify(current), comment: current.comment ?? null } });
    await recordAudit(tx, actor, { action: "namespace.setProperties", targetType: "namespace", targetId: row.id, details: { updated: Object.keys(updates), removed: removals } });
    return { updated: Object.keys(updates), removed: removals.filter((k) => !missing.includes(k)), missing };
  });
}

function toInfo(catalog: string, row: { id: string; path: string; properties: string; comment: string | null; owner: string | null }): NamespaceInfo {
  return { id: row.id, catalog, namespace: namespaceLevels(row.path), properties: parseProperties(row.properties), comment: row.comment, owner: row.owner };
}
