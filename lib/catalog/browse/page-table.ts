/**
 * Opening a table for its page: one access check, the visibility filter, then the row
 * and (for Iceberg tables) the current metadata. Tables of federated catalogs have no
 * row; their page asks the database (lib/catalog/federated).
 */
import { catalogVisibility, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { MovedPathResolver } from "@/lib/iceberg/io";
import { tableFolderOf } from "@/lib/iceberg/scan";
import type { TableMetadata } from "@/lib/iceberg/spec";
import type { CatalogKind } from "../catalogs";
import type { CatalogContext } from "../context";
import { type TableIdent, tableResource } from "../identifiers";
import { readTableMetadata } from "../metadata-files";
import { displayName, namespacePath } from "../names";
import type { TableRow } from "../table-rows";

export interface PageCatalog {
  id: string;
  path: string;
  kind: CatalogKind;
}

export type OpenedTable =
  | { source: "federated"; catalog: PageCatalog }
  | { source: "row"; catalog: PageCatalog; row: TableRow };

export interface OpenedIceberg {
  catalog: PageCatalog;
  row: TableRow;
  metadata: TableMetadata;
  metadataLocation: string;
}

export async function openForPage(ctx: CatalogContext, ident: TableIdent): Promise<OpenedTable> {
  requireAuthorized(ctx.actor, "table.read", tableResource(ident));
  const visible = catalogVisibility(ctx.actor);
  const catalog = await ctx.db.catalog.findFirst({
    where: { AND: [visible.catalog, { path: ident.catalog }] },
    select: { id: true, path: true, kind: true },
  });
  if (!catalog) throw new AppError("not_found", `Catalog ${ident.catalog} does not exist.`);
  const pageCatalog = { ...catalog, kind: catalog.kind as CatalogKind };
  if (catalog.kind === "federated") return { source: "federated", catalog: pageCatalog };
  const row = await ctx.db.catalogTable.findFirst({
    where: {
      AND: [
        visible.table,
        {
          name: ident.name,
          deletedKey: "",
          namespace: {
            catalogId: catalog.id,
            path: namespacePath(ident.namespace),
            deletedKey: "",
          },
        },
      ],
    },
  });
  // Missing and not visible read the same (STYLE.md, practice 7).
  if (!row)
    throw new AppError(
      "not_found",
      `Table ${displayName(ident.namespace, ident.name)} does not exist.`,
    );
  return { source: "row", catalog: pageCatalog, row };
}

/** The table's current Iceberg metadata; a clear refusal for views, external and federated tables. */
export async function openIceberg(ctx: CatalogContext, ident: TableIdent): Promise<OpenedIceberg> {
  const opened = await openForPage(ctx, ident);
  if (opened.source === "row" && opened.row.kind === "iceberg" && opened.row.metadataLocation) {
    const metadata = await readTableMetadata(ctx.io, opened.row.metadataLocation);
    return {
      catalog: opened.catalog,
      row: opened.row,
      metadata,
      metadataLocation: opened.row.metadataLocation,
    };
  }
  const what =
    opened.source === "federated"
      ? "a table of a federated database"
      : opened.row.kind === "view"
        ? "a view"
        : "an external table over files";
  throw new AppError(
    "bad_request",
    `${displayName(ident.namespace, ident.name)} is ${what}; it has no Iceberg snapshots, schema history or manifests.`,
  );
}

/**
 * Tables registered in place may record paths of the machine that wrote them; those are
 * found under the table's folder (as scanTable does). Tarn's own tables read as recorded.
 */
export function pathResolver(
  ctx: CatalogContext,
  table: OpenedIceberg,
): MovedPathResolver | undefined {
  const folder = tableFolderOf(table.metadataLocation);
  const norm = (l: string) => l.replace(/^file:(\/\/)?/, "").replace(/\/+$/, "");
  if (norm(folder) === norm(table.metadata.location)) return undefined;
  return new MovedPathResolver({
    io: ctx.io,
    tableFolder: folder,
    recordedLocation: table.metadata.location,
  });
}
