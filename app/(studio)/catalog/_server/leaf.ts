import "server-only";
import { type CatalogContext, type LoadedTable, type LoadedView, loadTable, loadView, type TableIdent, viewExists } from "@/lib/catalog";
import { describeExternal, type ExternalDescription } from "@/lib/catalog/external";
import { isAppError } from "@/lib/errors";

/** A table page's object: an Iceberg table, an external table (a folder of files) or a view. */
export type Leaf = { kind: "table"; table: LoadedTable } | { kind: "external"; external: ExternalDescription } | { kind: "view"; view: LoadedView };

/**
 * Loads whichever of the three the name holds. loadTable refuses an external table as
 * "not an Iceberg table" (bad_request) and does not find views; each load asks lib/access.
 */
export async function loadLeaf(ctx: CatalogContext, ident: TableIdent): Promise<Leaf> {
  try {
    return { kind: "table", table: await loadTable(ctx, ident) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === "bad_request") return { kind: "external", external: await describeExternal(ctx, ident) };
    if (error.code === "not_found" && (await viewExists(ctx, ident).catch(() => false))) return { kind: "view", view: await loadView(ctx, ident) };
    throw error;
  }
}
