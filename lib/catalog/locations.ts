/**
 * Where new tables and views of a managed catalog live: by default a fresh folder
 * `<catalog root>/<namespace levels>/<name>-<uuid>`; a REST client may ask for its own
 * location, which Tarn accepts only inside the catalog's storage location, and only if
 * no other table or view (live or in the trash) owns that folder, one inside it or one
 * around it — dropping a table with purge deletes its folder, so folders never overlap.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { FileIO } from "@/lib/iceberg/io";
import { folderName, namespaceLevels } from "./names";

type CatalogRow = NonNullable<Awaited<ReturnType<Db["catalog"]["findUnique"]>>>;

/** The catalog's root folder; only managed catalogs have one. */
export function managedRoot(catalog: CatalogRow, what = "tables"): string {
  if (catalog.kind !== "managed" || !catalog.rootPath) {
    throw new AppError("bad_request", `Catalog ${catalog.path} is not managed by Tarn, so it cannot hold new ${what}; register existing ones there instead.`);
  }
  return catalog.rootPath;
}

export function defaultLocation(catalog: CatalogRow, namespacePath: string, name: string, what = "tables"): string {
  const levels = namespaceLevels(namespacePath).map(folderName);
  return path.join(managedRoot(catalog, what), ...levels, `${folderName(name)}-${randomUUID().replace(/-/g, "")}`);
}

/** Checks a caller-given location (see the file comment) and returns it as a plain absolute path. */
export async function checkGivenLocation(db: Db, io: FileIO, catalog: CatalogRow, given: string, opts: { mayHoldFiles?: boolean; movingId?: string } = {}): Promise<string> {
  managedRoot(catalog);
  const location = plainPath(given);
  const storage = catalog.storageLocationId ? await db.storageLocation.findUnique({ where: { id: catalog.storageLocationId } }) : null;
  const root = storage ? path.resolve(storage.path) : null;
  if (!root || !location.startsWith(`${root}${path.sep}`)) {
    throw new AppError("bad_request", `The location ${given} is outside catalog ${catalog.path}'s storage location${root ? ` (${root})` : ""}; choose a folder inside it, or leave the location out.`);
  }
  const others = opts.movingId ? { id: { not: opts.movingId } } : {};
  const owner = await db.catalogTable.findFirst({ where: { ...others, OR: overlappingFolders(location) }, select: { name: true } });
  if (owner) throw new AppError("bad_request", `The location ${given} overlaps the folder of table or view "${owner.name}"; choose a folder of its own.`);
  if (opts.mayHoldFiles) return location;
  for await (const _file of io.list(location)) {
    throw new AppError("bad_request", `The location ${given} already holds files; choose an empty folder.`);
  }
  return location;
}

export function plainPath(given: string): string {
  const bare = given.replace(/^file:(\/\/)?/, "");
  if (!path.isAbsolute(bare)) throw new AppError("bad_request", `The location ${given} is not an absolute path.`);
  return path.resolve(bare).replace(/\/+$/, "");
}

/** Rows whose location is this folder (a plain absolute path), one of its parents, or inside it — in the spellings metadata uses. */
export function overlappingFolders(location: string) {
  const spellings = (p: string) => [p, `file:${p}`, `file://${p}`];
  const parents: string[] = [];
  for (let p = location; p !== path.dirname(p); p = path.dirname(p)) parents.push(p);
  return [{ location: { in: parents.flatMap(spellings) } }, ...spellings(`${location}/`).map((prefix) => ({ location: { startsWith: prefix } }))];
}

/**
 * A commit that moves a table or view (`set-location`): Tarn then writes its metadata
 * there, so the new folder must satisfy what a given location must (files may be there
 * already). Objects registered in place in a lake catalog are not moved by Tarn.
 */
export async function checkMovedLocation(db: Db, io: FileIO, row: { id: string; namespaceId: string }, location: string): Promise<void> {
  const { catalog } = await db.namespace.findUniqueOrThrow({ where: { id: row.namespaceId }, select: { catalog: true } });
  if (catalog.kind !== "managed") throw new AppError("bad_request", `Catalog ${catalog.path} is not managed by Tarn, so Tarn cannot move its tables and views to ${location}.`);
  await checkGivenLocation(db, io, catalog, location, { mayHoldFiles: true, movingId: row.id });
}
