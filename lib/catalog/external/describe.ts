/** What an external table's files hold now: inferred afresh on each call (the schema tab). */
import { catalogVisibility, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "../context";
import { type TableIdent, tableResource } from "../identifiers";
import { displayName, namespacePath } from "../names";
import type { ExternalFormat, ExternalOptions } from "./formats";
import { type ExternalColumn, inferColumns } from "./infer";
import { externalSourceOf } from "./relation";

export interface ExternalDescription {
  location: string;
  format: ExternalFormat;
  options: ExternalOptions;
  columns: ExternalColumn[];
}

export async function describeExternal(
  ctx: CatalogContext,
  ident: TableIdent,
): Promise<ExternalDescription> {
  requireAuthorized(ctx.actor, "table.read", tableResource(ident));
  const row = await ctx.db.catalogTable.findFirst({
    where: {
      AND: [
        catalogVisibility(ctx.actor).table,
        { name: ident.name, deletedKey: "" },
        {
          namespace: {
            path: namespacePath(ident.namespace),
            deletedKey: "",
            catalog: { path: ident.catalog },
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
  if (row.kind !== "external")
    throw new AppError(
      "bad_request",
      `${displayName(ident.namespace, ident.name)} is not an external table.`,
    );
  const source = externalSourceOf(row);
  return {
    location: source.folder,
    format: source.format,
    options: source.options,
    columns: await inferColumns(source),
  };
}
