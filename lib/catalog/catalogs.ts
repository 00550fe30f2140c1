/**
 * Catalogs: the top of the tree. Managed catalogs own a folder under a storage location.
 * Their properties configure what happens inside (`trash.retention-days`).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { folderName, validateName } from "./names";
import { parseProperties, validateProperties } from "./properties";
import { DEFAULT_STORAGE } from "./storage";
import { checkRetentionProperty } from "./trash-retention";

export const CATALOG_KINDS = ["managed", "lake", "federated"] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export interface CreateCatalogInput {
  name: string;
  kind: CatalogKind;
  parent?: string;
  comment?: string;
  storageLocation?: string;
  properties?: Record<string, string>;
}

export async function createCatalog(db: Db, actor: Principal, input: CreateCatalogInput): Promise<{ id: string; path: string }> {
  requireAuthorized(actor, "catalog.manage", { kind: "catalog", catalog: input.name });
  const name = validateName("catalog", input.name);
  if (!CATALOG_KINDS.includes(input.kind)) throw new AppError("bad_request", `A catalog kind must be one of ${CATALOG_KINDS.join(", ")}.`);
  const properties = validateProperties(input.properties);
  checkRetentionProperty(properties);
  const parent = input.parent ? await findCatalog(db, input.parent) : null;
  const catalogPath = parent ? `${parent.path}/${name}` : name;
  if (await db.catalog.findUnique({ where: { path: catalogPath } })) throw new AppError("conflict", `A catalog named ${catalogPath} already exists.`);
  const storage = input.kind === "managed" ? await storageFor(db, input.storageLocation) : null;
  const rootPath = storage ? path.join(storage.path, ...catalogPath.split("/").map(folderName)) : null;
  if (rootPath) mkdirSync(rootPath, { recursive: true });
  return db.$transaction(async (tx) => {
    const catalog = await tx.catalog.create({
      data: { path: catalogPath, name, parentId: parent?.id ?? null, kind: input.kind, comment: input.comment ?? null, owner: actor.username, properties: JSON.stringify(properties), storageLocationId: storage?.id ?? null, rootPath },
    });
    await recordAudit(tx, actor, { action: "catalog.create", targetType: "catalog", targetId: catalog.id, details: { path: catalogPath, kind: input.kind } });
    return { id: catalog.id, path: catalog.path };
  });
}

async function storageFor(db: Db, name = DEFAULT_STORAGE) {
  const storage = await db.storageLocation.findUnique({ where: { name } });
  if (!storage) throw new AppError("bad_request", `There is no storage location named "${name}".`);
  return storage;
}

export async function findCatalog(db: Pick<Db, "catalog">, catalogPath: string) {
  const catalog = await db.catalog.findUnique({ where: { path: catalogPath } });
  if (!catalog) throw new AppError("not_found", `Catalog ${catalogPath} does not exist.`);
  return catalog;
}

export interface CatalogInfo {
  id: string;
  path: string;
  name: string;
  kind: string;
  comment: string | null;
  owner: string | null;
  properties: Record<string, string>;
}

export interface CatalogChange {
  /** A new comment; null removes it. */
  comment?: string | null;
  updates?: Record<string, string>;
  removals?: string[];
}

/** Changes a catalog's comment and properties (owners: owners.ts). */
export async function updateCatalog(db: Db, actor: Principal, catalogPath: string, change: CatalogChange): Promise<CatalogInfo> {
  requireAuthorized(actor, "catalog.manage", { kind: "catalog", catalog: catalogPath });
  const updates = validateProperties(change.updates);
  checkRetentionProperty(updates);
  const removals = change.removals ?? [];
  const overlap = removals.filter((key) => key in updates);
  if (overlap.length) throw new AppError("bad_request", `A property cannot be both set and removed: ${overlap.join(", ")}.`);
  if (change.comment !== undefined && change.comment !== null && change.comment.length > 65_536) throw new AppError("bad_request", "A comment can have at most 64 KiB.");
  return db.$transaction(async (tx) => {
    const catalog = await findCatalog(tx, catalogPath);
    const properties = parseProperties(catalog.properties);
    for (const key of removals) delete properties[key];
    Object.assign(properties, updates);
    const comment = change.comment === undefined ? catalog.comment : change.comment;
    const updated = await tx.catalog.update({ where: { id: catalog.id }, data: { properties: JSON.stringify(properties), comment } });
    await recordAudit(tx, actor, { action: "catalog.update", targetType: "catalog", targetId: catalog.id, details: { path: catalogPath, updated: Object.keys(updates), removed: removals, comment: change.comment !== undefined } });
    return catalogInfo(updated);
  });
}

export function catalogInfo(row: { id: string; path: string; name: string; kind: string; comment: string | null; owner: string | null; properties: string }): CatalogInfo {
  return { id: row.id, path: row.path, name: row.name, kind: row.kind, comment: row.comment, owner: row.owner, properties: parseProperties(row.properties) };
}
