/**
 * Storage locations: named local folders that managed catalogs keep their tables in.
 * The default one is the configured warehouse folder. Admins (`catalog.manage`) list,
 * add and remove them; a location in use by a catalog cannot be removed.
 *
 * Locations never nest (neither inside another location nor around one) and never sit
 * inside Tarn's data folder: two catalogs in nested locations could end up sharing a
 * folder, and the data folder holds the metadata database, query results and secrets.
 */
import { existsSync, mkdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { nameProblem } from "./names";

export const DEFAULT_STORAGE = "warehouse";

export interface StorageLocationInfo {
  id: string;
  name: string;
  path: string;
  comment: string | null;
  createdAt: Date;
  isDefault: boolean;
  /** Catalogs keeping their tables here (a location with any cannot be removed). */
  catalogs: { path: string; kind: string }[];
}

export interface AddStorageLocationInput {
  name: string;
  /** Absolute folder; created when missing, and must be writable by the server. */
  path: string;
  comment?: string;
}

/** The default location (the configured warehouse folder), created on first start. */
export async function ensureDefaultStorage(
  db: Db,
  warehouseDir: string,
): Promise<{ id: string; path: string }> {
  const folder = path.resolve(warehouseDir);
  mkdirSync(folder, { recursive: true });
  const existing = await db.storageLocation.findUnique({ where: { name: DEFAULT_STORAGE } });
  if (existing) {
    // The warehouse folder may have moved with TARN_DATA_DIR; the default follows it.
    if (existing.path !== folder)
      await db.storageLocation.update({ where: { id: existing.id }, data: { path: folder } });
    return { id: existing.id, path: folder };
  }
  const created = await db.storageLocation.create({
    data: { name: DEFAULT_STORAGE, path: folder, comment: "The default warehouse folder" },
  });
  return { id: created.id, path: created.path };
}

export async function listStorageLocations(
  db: Db,
  actor: Principal,
): Promise<StorageLocationInfo[]> {
  requireAuthorized(actor, "catalog.manage");
  const rows = await db.storageLocation.findMany({
    orderBy: { name: "asc" },
    include: { catalogs: { select: { path: true, kind: true }, orderBy: { path: "asc" } } },
  });
  return rows.map(toInfo);
}

export async function addStorageLocation(
  db: Db,
  actor: Principal,
  input: AddStorageLocationInput,
): Promise<StorageLocationInfo> {
  requireAuthorized(actor, "catalog.manage");
  const name = validateLocationName(input.name);
  const folder = validateFolder(input.path);
  await assertNoOverlap(db, folder);
  prepareFolder(folder);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.storageLocation.create({
        data: { name, path: folder, comment: input.comment?.trim() || null },
      });
      await recordAudit(tx, actor, {
        action: "storage.add",
        targetType: "storageLocation",
        targetId: row.id,
        details: { name, path: folder },
      });
      return toInfo({ ...row, catalogs: [] });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002")
      throw new AppError("conflict", `A storage location named "${name}" already exists.`);
    throw error;
  }
}

/** Removes a location from Tarn; its folder and files stay on disk. */
export async function removeStorageLocation(db: Db, actor: Principal, name: string): Promise<void> {
  requireAuthorized(actor, "catalog.manage");
  if (name === DEFAULT_STORAGE)
    throw new AppError("bad_request", "The default warehouse location cannot be removed.");
  const row = await db.storageLocation.findUnique({
    where: { name },
    include: { catalogs: { select: { path: true }, orderBy: { path: "asc" } } },
  });
  if (!row) throw new AppError("not_found", `There is no storage location named "${name}".`);
  if (row.catalogs.length)
    throw inUse(
      name,
      row.catalogs.map((c) => c.path),
    );
  try {
    await db.$transaction(async (tx) => {
      await tx.storageLocation.delete({ where: { id: row.id } });
      await recordAudit(tx, actor, {
        action: "storage.remove",
        targetType: "storageLocation",
        targetId: row.id,
        details: { name, path: row.path },
      });
    });
  } catch (error) {
    // A catalog created meanwhile: the foreign key (onDelete: Restrict) refuses the delete.
    if ((error as { code?: string }).code === "P2003") throw inUse(name, []);
    throw error;
  }
}

function inUse(name: string, catalogs: string[]): AppError {
  const which = catalogs.length
    ? ` by catalog${catalogs.length > 1 ? "s" : ""} ${catalogs.join(", ")}`
    : " by a catalog";
  return new AppError(
    "conflict",
    `Storage location "${name}" is in use${which}; drop or move those catalogs first.`,
  );
}

function validateLocationName(name: unknown): string {
  const problem = nameProblem(name);
  if (problem) throw new AppError("bad_request", `A storage location name ${problem}.`);
  return name as string;
}

function validateFolder(given: unknown): string {
  if (typeof given !== "string" || !given.trim())
    throw new AppError("bad_request", "A storage location needs a folder.");
  if (!path.isAbsolute(given))
    throw new AppError(
      "bad_request",
      `The folder must be an absolute path (starting with /), not "${given}".`,
    );
  const folder = path.resolve(given);
  const dataDir = realFolder(getConfig().dataDir);
  const real = realFolder(folder);
  if (isInside(real, dataDir) && !isInside(real, realFolder(getConfig().warehouseDir))) {
    throw new AppError(
      "bad_request",
      `${folder} is inside Tarn's data folder (${dataDir}); choose a folder outside it.`,
    );
  }
  return folder;
}

async function assertNoOverlap(db: Db, folder: string): Promise<void> {
  for (const other of await db.storageLocation.findMany({ select: { name: true, path: true } })) {
    const otherPath = path.resolve(other.path);
    if (otherPath === folder)
      throw new AppError("conflict", `Storage location "${other.name}" already uses ${folder}.`);
    if (isInside(folder, otherPath) || isInside(otherPath, folder)) {
      throw new AppError(
        "conflict",
        `${folder} overlaps storage location "${other.name}" (${otherPath}); locations cannot be nested.`,
      );
    }
  }
}

/** Creates the folder when missing and proves the server can write there. */
function prepareFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new AppError("bad_request", `Cannot create ${folder}: ${fsReason(error)}.`, {
      cause: error,
    });
  }
  const probe = path.join(folder, `.tarn-write-test-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(probe, "");
    rmSync(probe, { force: true });
  } catch (error) {
    throw new AppError(
      "bad_request",
      `Tarn cannot write to ${folder}: ${fsReason(error)}. Give the server's user write access, or choose another folder.`,
      { cause: error },
    );
  }
}

export function fsReason(error: unknown): string {
  switch ((error as { code?: string }).code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOTDIR":
    case "EEXIST":
      return "a file is in the way (not a folder)";
    case "EROFS":
      return "the file system is read-only";
    case "ENOSPC":
      return "the disk is full";
    case "ENOENT":
      return "it does not exist";
    default:
      return (error as Error).message;
  }
}

/** True when `child` is `parent` or somewhere below it. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * The folder with symbolic links resolved, so a link cannot smuggle a folder past the
 * checks above. For a folder that does not exist yet, its nearest existing parent is
 * resolved and the rest appended.
 */
export function realFolder(folder: string): string {
  const absolute = path.resolve(folder);
  let existing = absolute;
  while (!existsSync(existing) && path.dirname(existing) !== existing)
    existing = path.dirname(existing);
  try {
    return path.join(realpathSync(existing), path.relative(existing, absolute));
  } catch {
    return absolute;
  }
}

function toInfo(row: {
  id: string;
  name: string;
  path: string;
  comment: string | null;
  createdAt: Date;
  catalogs: { path: string; kind?: string }[];
}): StorageLocationInfo {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    comment: row.comment,
    createdAt: row.createdAt,
    isDefault: row.name === DEFAULT_STORAGE,
    catalogs: row.catalogs.map((c) => ({ path: c.path, kind: c.kind ?? "managed" })),
  };
}
