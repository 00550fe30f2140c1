/**
 * Deleting the files of a dropped table or view, for good. Only objects Tarn manages
 * lose their files, and only when their folder is theirs alone: a folder that holds,
 * equals or sits inside another object's folder is left as it is.
 */
import type { CatalogContext } from "./context";
import { overlappingFolders, plainPath } from "./locations";
import type { TableRow } from "./table-rows";

export async function deleteObjectFiles(ctx: CatalogContext, row: Pick<TableRow, "id" | "managed" | "location">): Promise<number> {
  if (!row.managed || !row.location) return 0;
  const shared = await ctx.db.catalogTable.findFirst({ where: { id: { not: row.id }, OR: overlappingFolders(plainPath(row.location)) }, select: { id: true } });
  if (shared) return 0;
  const files: string[] = [];
  for await (const file of ctx.io.list(row.location)) files.push(file.location);
  for (const file of files) await ctx.io.delete(file);
  return files.length;
}
