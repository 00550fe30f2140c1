/** What an external table's files hold now: inferred afresh on each call (the schema tab). */
import { requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { CatalogContext } from "../context";
import { type TableIdent, tableResource } from "../identifiers";
import { displayName } from "../names";
import { findTableRow } from "../table-rows";
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
  const row = await findTableRow(ctx.db, ident);
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
