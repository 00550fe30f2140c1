/** Storage locations: named local folders that managed catalogs keep their tables in. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";

export const DEFAULT_STORAGE = "warehouse";

/** The default location (the configured warehouse folder), created on first start. */
export async function ensureDefaultStorage(db: Db, warehouseDir: string): Promise<{ id: string; path: string }> {
  const folder = path.resolve(warehouseDir);
  mkdirSync(folder, { recursive: true });
  const existing = await db.storageLocation.findUnique({ where: { name: DEFAULT_STORAGE } });
  if (existing) {
    // The warehouse folder may have moved with TARN_DATA_DIR; the default follows it.
    if (existing.path !== folder) await db.storageLocation.update({ where: { id: existing.id }, data: { path: folder } });
    return { id: existing.id, path: folder };
  }
  const created = await db.storageLocation.create({ data: { name: DEFAULT_STORAGE, path: folder, comment: "The default warehouse folder" } });
  return { id: created.id, path: created.path };
}
