/**
 * Purging the trash: objects past their `purgeAfter` are deleted for good — the row,
 * and for objects Tarn manages, their files. Safe at start-up and on a timer, in several
 * processes at once: each row is claimed by a conditional delete before its files go,
 * so only one purge deletes them, and a failure on one object (logged) does not stop
 * the others; it is tried again on the next run.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { log } from "@/lib/log";
import type { CatalogContext } from "./context";
import { deleteObjectFiles } from "./object-files";
import { VIEW_KIND } from "./table-rows";

export interface PurgeResult {
  tables: number;
  views: number;
  namespaces: number;
  deletedFiles: number;
  failed: number;
  /** More was due than one run purges (BATCH); call again. */
  more: boolean;
}

const BATCH = 500;

export async function purgeTrash(ctx: CatalogContext, now: Date = new Date()): Promise<PurgeResult> {
  requireAuthorized(ctx.actor, "trash.purge");
  const result: PurgeResult = { tables: 0, views: 0, namespaces: 0, deletedFiles: 0, failed: 0, more: false };
  const due = { deletedAt: { not: null }, purgeAfter: { lte: now } };
  const tables = await ctx.db.catalogTable.findMany({ where: due, take: BATCH, orderBy: { purgeAfter: "asc" } });
  for (const row of tables) await guarded(result, row.id, () => purgeObject(ctx, row, result));
  const namespaces = await ctx.db.namespace.findMany({ where: due, take: BATCH, orderBy: { purgeAfter: "asc" } });
  for (const row of namespaces) await guarded(result, row.id, () => purgeNamespace(ctx, row, result));
  result.more = tables.length === BATCH || namespaces.length === BATCH;
  return result;
}

type ObjectRow = Awaited<ReturnType<CatalogContext["db"]["catalogTable"]["findMany"]>>[number];
type NamespaceRow = Awaited<ReturnType<CatalogContext["db"]["namespace"]["findMany"]>>[number];

async function guarded(result: PurgeResult, id: string, purge: () => Promise<void>): Promise<void> {
  try {
    await purge();
  } catch (error) {
    result.failed++;
    log.warn("trash.purge.failed", { id, error: (error as Error).message });
  }
}

/** Claims the row (if another purge or a restore got there first, does nothing), then deletes its files. */
async function purgeObject(ctx: CatalogContext, row: ObjectRow, result: PurgeResult): Promise<void> {
  const kind = row.kind === VIEW_KIND ? "view" : "table";
  const claimed = await ctx.db.$transaction(async (tx) => {
    const gone = await tx.catalogTable.deleteMany({ where: { id: row.id, deletedKey: row.id } });
    if (gone.count !== 1) return false;
    await recordAudit(tx, ctx.actor, { action: "trash.purge", targetType: kind, targetId: row.id, details: { [kind]: row.name, deletesFiles: row.managed } });
    return true;
  });
  if (!claimed) return;
  result.deletedFiles += await deleteObjectFiles(ctx, row);
  result[kind === "view" ? "views" : "tables"]++;
}

/**
 * A namespace goes with the tables and views still in the trash inside it (their files
 * first: the database would drop their rows with the namespace's). One that holds a live
 * object — restored into it by a race — stays.
 */
async function purgeNamespace(ctx: CatalogContext, row: NamespaceRow, result: PurgeResult): Promise<void> {
  const inside = await ctx.db.catalogTable.findMany({ where: { namespaceId: row.id } });
  if (inside.some((t) => t.deletedKey === "")) return;
  for (const table of inside) await purgeObject(ctx, table, result);
  const claimed = await ctx.db.$transaction(async (tx) => {
    const gone = await tx.namespace.deleteMany({ where: { id: row.id, deletedKey: row.id } });
    if (gone.count !== 1) return false;
    await recordAudit(tx, ctx.actor, { action: "trash.purge", targetType: "namespace", targetId: row.id, details: { path: row.path } });
    return true;
  });
  if (claimed) result.namespaces++;
}
