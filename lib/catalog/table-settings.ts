/** Settings of a table that are not in its Iceberg metadata (protection), and its comment, which is. */
import { recordAudit, requireAuthorized } from "@/lib/access";
import type { CommitResult } from "./commit";
import type { CatalogContext } from "./context";
import { type TableIdent, tableResource } from "./identifiers";
import { displayName } from "./names";
import { setTableProperties } from "./table-changes";
import { findTableRow } from "./table-rows";

/** A protected table refuses drop (also with purge) until the protection is lifted. */
export async function setTableProtected(ctx: CatalogContext, ident: TableIdent, isProtected: boolean): Promise<void> {
  requireAuthorized(ctx.actor, "table.protect", tableResource(ident));
  const row = await findTableRow(ctx.db, ident);
  if (row.protected === isProtected) return;
  await ctx.db.$transaction(async (tx) => {
    await tx.catalogTable.update({ where: { id: row.id }, data: { protected: isProtected } });
    await recordAudit(tx, ctx.actor, { action: "table.protect", targetType: "table", targetId: row.id, details: { table: displayName(ident.namespace, ident.name), protected: isProtected } });
  });
}

/** The comment lives in the Iceberg `comment` property (engines read it there); null removes it. */
export function setTableComment(ctx: CatalogContext, ident: TableIdent, comment: string | null): Promise<CommitResult> {
  return comment === null ? setTableProperties(ctx, ident, { removals: ["comment"] }) : setTableProperties(ctx, ident, { updates: { comment } });
}
