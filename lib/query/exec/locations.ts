/**
 * The folders a query may need to read: the warehouse, every storage location, the root
 * of every managed catalog, and the folders of every table registered in place (a lake
 * folder, or an Iceberg table's own folder and the one its metadata names). Read from the
 * catalog when an engine instance is made; nothing a person types can add to it.
 */
import path from "node:path";
import type { Db } from "@/lib/db";
import { tableFolderOf } from "@/lib/iceberg/scan";

export async function knownLocations(db: Db, warehouseDir: string): Promise<string[]> {
  const [storage, catalogs, registered] = await Promise.all([
    db.storageLocation.findMany({ select: { path: true } }),
    db.catalog.findMany({ where: { rootPath: { not: null } }, select: { rootPath: true } }),
    db.catalogTable.findMany({
      where: { managed: false, kind: { not: "view" } },
      select: { location: true, metadataLocation: true },
    }),
  ]);
  const folders = [warehouseDir, ...storage.map((s) => s.path), ...catalogs.map((c) => c.rootPath)];
  for (const table of registered) {
    folders.push(table.location);
    if (table.metadataLocation) folders.push(tableFolderOf(table.metadataLocation));
  }
  return unique(folders.flatMap((f) => (f ? localFolder(f) : [])));
}

/** A plain absolute folder for a local location; nothing for object-store URLs or relative paths. */
function localFolder(location: string): string[] {
  const bare = location.replace(/^file:(\/\/)?/, "");
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(bare) || !path.isAbsolute(bare)) return [];
  return [path.resolve(bare)];
}

/** Sorted, without folders already inside another one of the list. */
function unique(folders: string[]): string[] {
  const sorted = [...new Set(folders)].sort();
  return sorted.filter((folder) => !sorted.some((other) => other !== folder && folder.startsWith(`${other}${path.sep}`)));
}
