/**
 * Registering a folder of Parquet, CSV or JSON files as an external table of a lake
 * catalog: the files stay where they are, the catalog stores where and how to read them.
 *
 * Registering reads files anywhere the server can read, so it takes `table.register`
 * (stewards and admins), as registering an Iceberg table by its metadata file does.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { findCatalog } from "../catalogs";
import type { CatalogContext } from "../context";
import { namespaceResource, type TableIdent } from "../identifiers";
import { displayName, validateName } from "../names";
import { findNamespace } from "../namespaces";
import { checkFolder, chooseFormat, scanFolder } from "./folder";
import {
  type ExternalFormat,
  type ExternalOptions,
  FORMAT_LABELS,
  isExternalFormat,
  validateOptions,
} from "./formats";
import { type ExternalColumn, inferColumns } from "./infer";

export interface RegisterFolderInput {
  /** Absolute folder on the server. */
  path: string;
  /** Detected from the files when absent; required when the folder mixes formats. */
  format?: ExternalFormat;
  options?: ExternalOptions;
  comment?: string;
}

export interface ExternalTableInfo {
  ident: TableIdent;
  id: string;
  location: string;
  format: ExternalFormat;
  options: ExternalOptions;
  columns: ExternalColumn[];
}

export async function registerFolder(
  ctx: CatalogContext,
  ident: TableIdent,
  input: RegisterFolderInput,
): Promise<ExternalTableInfo> {
  requireAuthorized(ctx.actor, "table.register", namespaceResource(ident));
  const name = validateName("table", ident.name);
  if (input.format !== undefined && !isExternalFormat(input.format))
    throw new AppError(
      "bad_request",
      `The format must be parquet, csv or json, not "${input.format}".`,
    );
  const catalog = await findCatalog(ctx.db, ident.catalog);
  if (catalog.kind !== "lake")
    throw new AppError(
      "bad_request",
      `Catalog ${catalog.path} is a ${catalog.kind} catalog; folders are registered in lake catalogs.`,
    );
  const namespace = await findNamespace(ctx.db, ident);
  await assertNameFree(ctx, namespace.id, ident);
  const folder = await checkFolder(input.path);
  const format = chooseFormat(await scanFolder(folder), input.format);
  const options = validateOptions(format, input.options);
  const columns = await inferColumns({ folder, format, options });
  const comment = input.comment?.trim() || null;
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.catalogTable.create({
        data: {
          namespaceId: namespace.id,
          name,
          kind: "external",
          format,
          options: JSON.stringify(options),
          location: folder,
          managed: false,
          owner: ctx.actor.username,
          comment,
          searchText: externalSearchText(ident, comment, columns),
        },
      });
      await recordAudit(tx, ctx.actor, {
        action: "table.registerFolder",
        targetType: "table",
        targetId: created.id,
        details: {
          catalog: ident.catalog,
          table: displayName(ident.namespace, name),
          folder,
          format: FORMAT_LABELS[format],
        },
      });
      return created;
    });
    return { ident: { ...ident, name }, id: row.id, location: folder, format, options, columns };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw nameTaken(ident);
    throw error;
  }
}

async function assertNameFree(
  ctx: CatalogContext,
  namespaceId: string,
  ident: TableIdent,
): Promise<void> {
  const taken = await ctx.db.catalogTable.findFirst({
    where: { namespaceId, name: ident.name, deletedKey: "" },
    select: { id: true },
  });
  if (taken) throw nameTaken(ident);
}

function nameTaken(ident: TableIdent): AppError {
  return new AppError(
    "conflict",
    `A table or view named ${displayName(ident.namespace, ident.name)} already exists.`,
  );
}

/**
 * The search text of lib/catalog/search-text.ts, for a table without Iceberg metadata:
 * name, namespace, comment, column names — lower-case, one per line, name first.
 */
export function externalSearchText(
  ident: TableIdent,
  comment: string | null,
  columns: { name: string }[],
): string {
  return [ident.name, ident.namespace.join("."), comment ?? "", ...columns.map((c) => c.name)]
    .filter((part) => part !== "")
    .join("\n")
    .toLowerCase();
}
