/** Catalogs: the top of the tree. Managed catalogs own a folder under a storage location. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { folderName, validateName } from "./names";
import { validateProperties } from "./properties";
import { DEFAULT_STORAGE } from "./storage";

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
