/**
 * Tables in the catalog: create (managed Iceberg tables in the catalog's folder), register
 * in place (existing Iceberg metadata, never copied), load, list, rename, drop.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { newTableMetadata } from "@/lib/iceberg/commit";
import type { Schema, SortOrder, TableMetadata } from "@/lib/iceberg/spec";
import { findCatalog } from "./catalogs";
import type { CatalogContext } from "./context";
import { namespaceResource, type TableIdent, tableResource } from "./identifiers";
import { nextMetadataLocation, readTableMetadata, writeTableMetadata } from "./metadata-files";
import { displayName, folderName, namespaceLevels, validateName } from "./names";
import { findNamespace } from "./namespaces";
import { type PartitionFieldInput, partitionSpecFromInput } from "./partition-input";
import { validateProperties } from "./properties";
import { findTableRow, type TableRow } from "./table-rows";

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
}

export async function createTable(ctx: CatalogContext, ident: TableIdent, input: CreateTableInput): Promise<LoadedTable> {
  requireAuthorized(ctx.actor, "table.create", namespaceResource(ident));
  const name = validateName("table", ident.name);
  const properties = validateProperties(input.properties);
  const catalog = await findCatalog(ctx.db, ident.catalog);
  if (catalog.kind !== "managed" || !catalog.rootPath) throw new AppError("bad_request", `Catalog ${catalog.path} is not managed by Tarn; register tables there instead.`);
  const namespace = await findNamespace(ctx.db, ident);
  await assertNameFree(ctx, namespace.id, ident);
  const location = path.join(catalog.rootPath, ...namespaceLevels(namespace.path).map(folderName), `${folderName(name)}-${randomUUID().replace(/-/g, "")}`);
  const { metadata } = newTableMetadata({
    location,
    schema: input.schema,
    partitionSpec: partitionSpecFromInput(input.schema, input.partitionBy),
    sortOrder: input.sortOrder,
    properties,
    formatVersion: input.formatVersion ?? 2,
  });
  const metadataLocation = nextMetadataLocation(location, null);
  await writeTableMetadata(ctx.io, metadataLocation, metadata);
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.catalogTable.create({
        data: { namespaceId: namespace.id, name, kind: "iceberg", metadataLocation, tableUuid: metadata.tableUuid, location, managed: true, owner: ctx.actor.username, comment: properties.comment ?? null },
      });
      await recordAudit(tx, ctx.actor, { action: "table.create", targetType: "table", targetId: created.id, details: { table: displayName(ident.namespace, name), catalog: ident.catalog } });
      return created;
    });
    return { ident, row, metadataLocation, metadata };
  } catch (error) {
    await ctx.io.delete(metadataLocation).catch(() => {});
    if ((error as { code?: string }).code === "P2002") throw tableExists(ident);
    throw error;
  }
}

/** Registers an existing Iceberg table by its metadata file; its files stay where they are. */
export async function registerTable(ctx: CatalogContext, ident: TableIdent, metadataLocation: string, opts: { managed?: boolean } = {}): Promise<LoadedTable> {
  requireAuthorized(ctx.actor, "table.create", namespaceResource(ident));
  const name = validateName("table", ident.name);
  const namespace = await findNamespace(ctx.db, ident);
  await assertNameFree(ctx, namespace.id, ident);
  let metadata: TableMetadata;
  try {
    metadata = await readTableMetadata(ctx.io, metadataLocation);
  } catch (error) {
    throw new AppError("bad_request", `Cannot register ${metadataLocation}: ${(error as Error).message}`, { cause: error });
  }
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.catalogTable.create({
        data: { namespaceId: namespace.id, name, kind: "iceberg", metadataLocation, tableUuid: metadata.tableUuid, location: metadata.location, managed: opts.managed ?? false, owner: ctx.actor.username, comment: metadata.properties.comment ?? null },
      });
      await recordAudit(tx, ctx.actor, { action: "table.register", targetType: "table", targetId: created.id, details: { table: displayName(ident.namespace, name), metadataLocation } });
      return created;
    });
    return { ident, row, metadataLocation, metadata };
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw tableExists(ident);
    throw error;
  }
}

export async function loadTable(ctx: CatalogContext, ident: TableIdent): Promise<LoadedTable> {
  requireAuthorized(ctx.actor, "table.read", tableResource(ident));
  const row = await findTableRow(ctx.db, ident);
  if (!row.metadataLocation) throw new AppError("bad_request", `${displayName(ident.namespace, ident.name)} is not an Iceberg table.`);
  return { ident, row, metadataLocation: row.metadataLocation, metadata: await readTableMetadata(ctx.io, row.metadataLocation) };
}

export async function listTables(ctx: CatalogContext, ident: { catalog: string; namespace: string[] }): Promise<string[]> {
  requireAuthorized(ctx.actor, "catalog.browse");
  const namespace = await findNamespace(ctx.db, ident);
  const rows = await ctx.db.catalogTable.findMany({ where: { namespaceId: namespace.id, deletedKey: "" }, orderBy: { name: "asc" }, select: { name: true } });
  return rows.map((r) => r.name);
}

export async function renameTable(ctx: CatalogContext, from: TableIdent, to: TableIdent): Promise<void> {
  requireAuthorized(ctx.actor, "table.alter", tableResource(from));
  requireAuthorized(ctx.actor, "table.create", namespaceResource(to));
  if (from.catalog !== to.catalog) throw new AppError("bad_request", "A table can only be renamed within its catalog.");
  const name = validateName("table", to.name);
  const row = await findTableRow(ctx.db, from);
  const target = await findNamespace(ctx.db, to);
  await assertNameFree(ctx, target.id, to);
  try {
    await ctx.db.$transaction(async (tx) => {
      await tx.catalogTable.update({ where: { id: row.id }, data: { namespaceId: target.id, name } });
      await recordAudit(tx, ctx.actor, { action: "table.rename", targetType: "table", targetId: row.id, details: { from: displayName(from.namespace, from.name), to: displayName(to.namespace, name) } });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw tableExists(to);
    throw error;
  }
}

/**
 * Drops a table from the catalog. With `purge`, a managed table's folder (data and
 * metadata) is deleted too; tables registered in place never lose their files.
 */
export async function dropTable(ctx: CatalogContext, ident: TableIdent, opts: { purge?: boolean } = {}): Promise<void> {
  requireAuthorized(ctx.actor, "table.drop", tableResource(ident));
  const row = await findTableRow(ctx.db, ident);
  if (row.protected) throw new AppError("conflict", `${displayName(ident.namespace, ident.name)} is protected against drop; remove the protection first.`);
  await ctx.db.$transaction(async (tx) => {
    await tx.catalogTable.delete({ where: { id: row.id } });
    await recordAudit(tx, ctx.actor, { action: "table.drop", targetType: "table", targetId: row.id, details: { table: displayName(ident.namespace, ident.name), purge: !!opts.purge } });
  });
  if (opts.purge && row.managed && row.location) await purgeFolder(ctx, row.location);
}

async function purgeFolder(ctx: CatalogContext, location: string): Promise<void> {
  const files: string[] = [];
  for await (const file of ctx.io.list(location)) files.push(file.location);
  for (const file of files) await ctx.io.delete(file);
}

async function assertNameFree(ctx: CatalogContext, namespaceId: string, ident: TableIdent): Promise<void> {
  if (await ctx.db.catalogTable.findUnique({ where: { namespaceId_name_deletedKey: { namespaceId, name: ident.name, deletedKey: "" } }, select: { id: true } })) throw tableExists(ident);
}

function tableExists(ident: TableIdent): AppError {
  return new AppError("conflict", `Table ${displayName(ident.namespace, ident.name)} already exists.`);
}
