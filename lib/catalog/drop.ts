/**
 * Dropping tables and views. A drop moves the object to the trash (trash.ts): its name is
 * free at once, its files stay until the trash is purged after the catalog's retention.
 * A drop with `purge` (REST `purgeRequested`, SQL `DROP … PURGE`) skips the trash: the
 * row goes now, and so do the files of objects Tarn manages — never the files of
 * objects registered in place. Protected tables refuse both.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "./context";
import { type TableIdent, tableResource, viewResource } from "./identifiers";
import { displayName } from "./names";
import { deleteObjectFiles } from "./object-files";
import { findTableRow, findViewRow, type TableRow } from "./table-rows";
import { trashColumns } from "./trash-retention";

export interface DropOptions {
  /** Skip the trash: delete the row, and a managed object's files, now. */
  purge?: boolean;
}

export async function dropTable(ctx: CatalogContext, ident: TableIdent, opts: DropOptions = {}): Promise<void> {
  requireAuthorized(ctx.actor, "table.drop", tableResource(ident));
  await dropRow(ctx, await findTableRow(ctx.db, ident), ident, "table", opts);
}

export async function dropView(ctx: CatalogContext, ident: TableIdent, opts: DropOptions = {}): Promise<void> {
  requireAuthorized(ctx.actor, "view.drop", viewResource(ident));
  await dropRow(ctx, await findViewRow(ctx.db, ident), ident, "view", opts);
}

async function dropRow(ctx: CatalogContext, row: TableRow, ident: TableIdent, kind: "table" | "view", opts: DropOptions): Promise<void> {
  const name = displayName(ident.namespace, ident.name);
  if (row.protected) throw new AppError("conflict", `${name} is protected against drop; remove the protection first.`);
  const catalog = await ctx.db.catalog.findUniqueOrThrow({ where: { path: ident.catalog }, select: { properties: true } });
  const details = { [kind]: name, catalog: ident.catalog, purge: !!opts.purge };
  await ctx.db.$transaction(async (tx) => {
    // Conditional on the row still being live: of two concurrent drops, one finds it gone.
    const where = { id: row.id, deletedKey: "" };
    const done = opts.purge ? await tx.catalogTable.deleteMany({ where }) : await tx.catalogTable.updateMany({ where, data: trashColumns(row.id, catalog.properties) });
    if (done.count !== 1) throw new AppError("not_found", `${kind === "view" ? "View" : "Table"} ${name} does not exist.`);
    await recordAudit(tx, ctx.actor, { action: `${kind}.drop`, targetType: kind, targetId: row.id, details });
  });
  if (opts.purge) await deleteObjectFiles(ctx, row);
}
