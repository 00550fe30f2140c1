/**
 * Views in the catalog: Iceberg view metadata files (format v1) under the catalog's
 * folder like tables (`…/<view>-<uuid>/metadata/00000-<uuid>.metadata.json`), the row
 * (kind "view") pointing at the current one. Create, register, load, exists, rename;
 * changes go through view-commit.ts, drops through drop.ts. A view and a table never
 * share a name in one namespace.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { ViewMetadata } from "@/lib/iceberg/spec";
import { CommitValidationError, newViewMetadata, type ViewDefinition } from "@/lib/iceberg/views";
import type { CatalogContext } from "./context";
import { namespaceResource, type ViewIdent, viewResource } from "./identifiers";
import { checkGivenLocation, defaultLocation } from "./locations";
import { nextMetadataLocation, readViewMetadata, writeViewMetadata } from "./metadata-files";
import { displayName, validateName } from "./names";
import { findNamespace } from "./namespaces";
import { validateProperties } from "./properties";
import { registerError } from "./register-errors";
import { searchText } from "./search-text";
import {
  assertNameFree,
  findObjectRow,
  findViewRow,
  isUniqueViolation,
  type TableRow,
  takenMeanwhile,
  VIEW_KIND,
} from "./table-rows";
import { moveObject } from "./tables";

export interface LoadedView {
  ident: ViewIdent;
  row: TableRow;
  metadataLocation: string;
  metadata: ViewMetadata;
}

export interface CreateViewInput extends ViewDefinition {
  properties?: Record<string, string>;
  /** A folder inside the catalog's storage location, empty and nobody else's; default: a fresh folder of the catalog. */
  location?: string;
}

export async function createView(
  ctx: CatalogContext,
  ident: ViewIdent,
  input: CreateViewInput,
): Promise<LoadedView> {
  requireAuthorized(ctx.actor, "view.create", namespaceResource(ident));
  const name = validateName("view", ident.name);
  const properties = validateProperties(input.properties);
  const namespace = await findNamespace(ctx.db, ident);
  const catalog = await ctx.db.catalog.findUniqueOrThrow({ where: { id: namespace.catalogId } });
  await assertNameFree(ctx.db, namespace.id, ident);
  const location = input.location
    ? await checkGivenLocation(ctx.db, ctx.io, catalog, input.location)
    : defaultLocation(catalog, namespace.path, name, "views");
  const metadata = asBadRequest(
    ident,
    () => newViewMetadata({ ...input, location, properties }).metadata,
  );
  const metadataLocation = nextMetadataLocation(metadata.location, null);
  await writeViewMetadata(ctx.io, metadataLocation, metadata);
  try {
    const row = await insertViewRow(ctx, namespace.id, ident, metadataLocation, metadata, {
      managed: true,
      action: "view.create",
    });
    return { ident, row, metadataLocation, metadata };
  } catch (error) {
    await ctx.io.delete(metadataLocation).catch(() => {});
    throw error;
  }
}

/** Registers an existing view by its metadata file; Tarn never deletes its files. */
export async function registerView(
  ctx: CatalogContext,
  ident: ViewIdent,
  metadataLocation: string,
): Promise<LoadedView> {
  // Registering reads a file anywhere the server can: a steward's or admin's decision.
  requireAuthorized(ctx.actor, "table.register", namespaceResource(ident));
  validateName("view", ident.name);
  const namespace = await findNamespace(ctx.db, ident);
  await assertNameFree(ctx.db, namespace.id, ident);
  let metadata: ViewMetadata;
  try {
    metadata = await readViewMetadata(ctx.io, metadataLocation);
  } catch (error) {
    throw registerError(metadataLocation, "view", error);
  }
  const row = await insertViewRow(ctx, namespace.id, ident, metadataLocation, metadata, {
    managed: false,
    action: "view.register",
  });
  return { ident, row, metadataLocation, metadata };
}

async function insertViewRow(
  ctx: CatalogContext,
  namespaceId: string,
  ident: ViewIdent,
  metadataLocation: string,
  metadata: ViewMetadata,
  opts: { managed: boolean; action: string },
): Promise<TableRow> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const created = await tx.catalogTable.create({
        data: {
          namespaceId,
          name: ident.name,
          kind: VIEW_KIND,
          managed: opts.managed,
          owner: ctx.actor.username,
          metadataLocation,
          ...viewColumns(ident, metadata),
        },
      });
      await recordAudit(tx, ctx.actor, {
        action: opts.action,
        targetType: "view",
        targetId: created.id,
        details: {
          view: displayName(ident.namespace, ident.name),
          catalog: ident.catalog,
          metadataLocation,
        },
      });
      return created;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await takenMeanwhile(ctx.db, ident);
    throw error;
  }
}

/** The row columns that follow a view's metadata: kept in step on every view commit. */
export function viewColumns(ident: ViewIdent, metadata: ViewMetadata) {
  const comment = metadata.properties.comment ?? null;
  const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
  const schema = metadata.schemas.find((s) => s.schemaId === version?.schemaId);
  return {
    tableUuid: metadata.viewUuid,
    location: metadata.location,
    comment,
    searchText: searchText({ namespace: ident.namespace, name: ident.name, comment, schema }),
  };
}

export async function loadView(ctx: CatalogContext, ident: ViewIdent): Promise<LoadedView> {
  requireAuthorized(ctx.actor, "view.read", viewResource(ident));
  const row = await findViewRow(ctx.db, ident);
  const metadataLocation = row.metadataLocation as string;
  return {
    ident,
    row,
    metadataLocation,
    metadata: await readViewMetadata(ctx.io, metadataLocation),
  };
}

/** For HEAD requests: whether the view exists (a missing namespace is still not_found). */
export async function viewExists(ctx: CatalogContext, ident: ViewIdent): Promise<boolean> {
  requireAuthorized(ctx.actor, "view.read", viewResource(ident));
  await findNamespace(ctx.db, ident);
  return (await findObjectRow(ctx.db, ident))?.kind === VIEW_KIND;
}

/** Renames a view, also into another namespace of the same catalog. */
export async function renameView(
  ctx: CatalogContext,
  from: ViewIdent,
  to: ViewIdent,
): Promise<void> {
  requireAuthorized(ctx.actor, "view.alter", viewResource(from));
  const row = await findViewRow(ctx.db, from);
  await moveObject(ctx, row, from, to, "view");
}

export function asBadRequest<T>(ident: ViewIdent, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof CommitValidationError)
      throw new AppError(
        "bad_request",
        `View ${displayName(ident.namespace, ident.name)} is not valid: ${error.message}`,
        { cause: error },
      );
    throw error;
  }
}
