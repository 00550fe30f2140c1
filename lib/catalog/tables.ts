/**
 * Tables in the catalog: create (managed Iceberg tables in the catalog's folder, or a
 * location the caller gives inside its storage), stage a create (REST `stage-create`),
 * register in place (existing Iceberg metadata, never copied), load, list, rename.
 * Dropping is in table-drop.ts.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { newTableMetadata } from "@/lib/iceberg/commit";
import type { Schema, SortOrder, TableMetadata } from "@/lib/iceberg/spec";
import type { CatalogContext } from "./context";
import { namespaceResource, type TableIdent, tableResource } from "./identifiers";
import { checkGivenLocation, defaultLocation } from "./locations";
import { readTableMetadata } from "./metadata-files";
import { displayName, validateName } from "./names";
import { findNamespace } from "./namespaces";
import { type PartitionFieldInput, partitionSpecFromInput } from "./partition-input";
import { validateProperties } from "./properties";
import { registerError } from "./register-errors";
import { renamedSearchText } from "./search-text";
import { insertNewTable, tableColumns } from "./table-insert";
import {
  assertNameFree,
  findObjectRow,
  findTableRow,
  isUniqueViolation,
  nameTaken,
  type TableRow,
  takenMeanwhile,
} from "./table-rows";

export interface LoadedTable {
  ident: TableIdent;
  row: TableRow;
  metadataLocation: string;
  metadata: TableMetadata;
}

export interface CreateTableInput {
  schema: Schema;
  partitionBy?: PartitionFieldInput[];
  sortOrder?: SortOrder;
  properties?: Record<string, string>;
  formatVersion?: 1 | 2 | 3;
  /** A folder inside the catalog's storage location, empty and nobody else's; default: a fresh folder of the catalog. */
  location?: string;
}

export async function createTable(
  ctx: CatalogContext,
  ident: TableIdent,
  input: CreateTableInput,
): Promise<LoadedTable> {
  const { namespace, metadata } = await prepareNewTable(ctx, ident, input);
  const created = await insertNewTable(ctx, namespace, ident, metadata, {
    audit: { action: "table.create" },
  });
  return { ident, ...created };
}

/** A staged table (REST `stage-create`): its metadata, not yet in the catalog and with no file. */
export interface StagedTable {
  ident: TableIdent;
  metadata: TableMetadata;
}

/**
 * Metadata for a table that does not exist yet: nothing is written. The client then
 * commits it with `assert-create` (commitTable creates it), usually with a first snapshot.
 */
export async function stageCreate(
  ctx: CatalogContext,
  ident: TableIdent,
  input: CreateTableInput,
): Promise<StagedTable> {
  const { metadata } = await prepareNewTable(ctx, ident, input);
  return { ident, metadata };
}

async function prepareNewTable(ctx: CatalogContext, ident: TableIdent, input: CreateTableInput) {
  requireAuthorized(ctx.actor, "table.create", namespaceResource(ident));
  const name = validateName("table", ident.name);
  const properties = validateProperties(input.properties);
  const namespace = await findNamespace(ctx.db, ident);
  const catalog = await ctx.db.catalog.findUniqueOrThrow({ where: { id: namespace.catalogId } });
  await assertNameFree(ctx.db, namespace.id, ident);
  const location = input.location
    ? await checkGivenLocation(ctx.db, ctx.io, catalog, input.location)
    : defaultLocation(catalog, namespace.path, name);
  const { metadata } = newTableMetadata({
    location,
    schema: input.schema,
    partitionSpec: partitionSpecFromInput(input.schema, input.partitionBy),
    sortOrder: input.sortOrder,
    properties,
    formatVersion: input.formatVersion,
  });
  return { namespace, metadata };
}

/**
 * Registers an existing Iceberg table by its metadata file; its files stay where they
 * are and are never deleted by Tarn (unless `managed`). With `overwrite`, an existing
 * table of that name is pointed at the given metadata instead (its grants and history
 * in Tarn stay); a view of that name is never overwritten.
 */
export async function registerTable(
  ctx: CatalogContext,
  ident: TableIdent,
  metadataLocation: string,
  opts: { managed?: boolean; overwrite?: boolean } = {},
): Promise<LoadedTable> {
  // Registering reads a file anywhere the server can: a steward's or admin's decision.
  requireAuthorized(ctx.actor, "table.register", namespaceResource(ident));
  validateName("table", ident.name);
  const namespace = await findNamespace(ctx.db, ident);
  const existing = await findObjectRow(ctx.db, ident);
  if (existing && (!opts.overwrite || existing.kind === "view"))
    throw nameTaken(ident, existing.kind);
  const metadata = await readForRegister(ctx, metadataLocation);
  if (existing)
    return overwriteRegistered(
      ctx,
      ident,
      existing,
      metadataLocation,
      metadata,
      opts.managed ?? false,
    );
  const created = await insertNewTable(ctx, namespace, ident, metadata, {
    metadataLocation,
    managed: opts.managed ?? false,
    audit: { action: "table.register", details: { metadataLocation } },
  });
  return { ident, ...created };
}

async function readForRegister(
  ctx: CatalogContext,
  metadataLocation: string,
): Promise<TableMetadata> {
  try {
    return await readTableMetadata(ctx.io, metadataLocation);
  } catch (error) {
    throw registerError(metadataLocation, "table", error);
  }
}

async function overwriteRegistered(
  ctx: CatalogContext,
  ident: TableIdent,
  row: TableRow,
  metadataLocation: string,
  metadata: TableMetadata,
  managed: boolean,
): Promise<LoadedTable> {
  requireAuthorized(ctx.actor, "table.alter", tableResource(ident));
  const updated = await ctx.db.$transaction(async (tx) => {
    const next = await tx.catalogTable.update({
      where: { id: row.id },
      data: {
        metadataLocation,
        previousMetadataLocation: row.metadataLocation,
        managed,
        ...tableColumns(ident, metadata),
      },
    });
    await recordAudit(tx, ctx.actor, {
      action: "table.register",
      targetType: "table",
      targetId: row.id,
      details: {
        table: displayName(ident.namespace, ident.name),
        metadataLocation,
        overwrite: true,
      },
    });
    return next;
  });
  return { ident, row: updated, metadataLocation, metadata };
}

/**
 * The table's current metadata: one indexed lookup of its row, then the metadata file of
 * the location the row names, parsed once per location (metadata files never change; a
 * commit writes a new one and moves the row, so the next load sees it).
 */
export async function loadTable(ctx: CatalogContext, ident: TableIdent): Promise<LoadedTable> {
  requireAuthorized(ctx.actor, "table.read", tableResource(ident));
  return loadTableOfRow(ctx, ident, await findTableRow(ctx.db, ident));
}

/** A table whose row the caller has just read (the query planner, resolving a name): no second lookup. */
export async function loadTableOfRow(ctx: CatalogContext, ident: TableIdent, row: TableRow): Promise<LoadedTable> {
  requireAuthorized(ctx.actor, "table.read", tableResource(ident));
  if (!row.metadataLocation)
    throw new AppError(
      "bad_request",
      `${displayName(ident.namespace, ident.name)} is not an Iceberg table.`,
    );
  return {
    ident,
    row,
    metadataLocation: row.metadataLocation,
    metadata: await readTableMetadata(ctx.io, row.metadataLocation),
  };
}

/** For HEAD requests: whether the table exists (a missing namespace is still not_found). */
export async function tableExists(ctx: CatalogContext, ident: TableIdent): Promise<boolean> {
  requireAuthorized(ctx.actor, "table.read", tableResource(ident));
  await findNamespace(ctx.db, ident);
  const row = await findObjectRow(ctx.db, ident);
  return row !== null && row.kind !== "view";
}

export async function renameTable(
  ctx: CatalogContext,
  from: TableIdent,
  to: TableIdent,
): Promise<void> {
  requireAuthorized(ctx.actor, "table.alter", tableResource(from));
  const row = await findTableRow(ctx.db, from);
  await moveObject(ctx, row, from, to, "table");
}

/**
 * Renames a table or view, also into another namespace of the same catalog. The files
 * stay where they are: a table's location does not follow its name.
 */
export async function moveObject(
  ctx: CatalogContext,
  row: TableRow,
  from: TableIdent,
  to: TableIdent,
  kind: "table" | "view",
): Promise<void> {
  requireAuthorized(
    ctx.actor,
    kind === "view" ? "view.create" : "table.create",
    namespaceResource(to),
  );
  if (from.catalog !== to.catalog)
    throw new AppError("bad_request", `A ${kind} can only be renamed within its catalog.`);
  const name = validateName(kind, to.name);
  const target = await findNamespace(ctx.db, to);
  await assertNameFree(ctx.db, target.id, to);
  const searchText = await renamedSearchText(ctx.io, row, from, { ...to, name });
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.catalogTable.update({
        where: { id: row.id },
        data: { namespaceId: target.id, name, searchText },
      });
      await recordAudit(tx, ctx.actor, {
        action: `${kind}.rename`,
        targetType: kind,
        targetId: row.id,
        details: {
          from: displayName(from.namespace, from.name),
          to: displayName(to.namespace, name),
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw await takenMeanwhile(ctx.db, to);
    throw error;
  }
}
