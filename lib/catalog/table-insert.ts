/**
 * The last step of every table creation (create, stage-create's commit, register): the
 * first metadata file is written (unless it exists already, for a registered table), then
 * the row and its audit event land in one transaction. If the name was taken meanwhile,
 * the file written here is deleted again.
 */
import { recordAudit } from "@/lib/access";
import type { TableMetadata } from "@/lib/iceberg/spec";
import type { CatalogContext, Tx } from "./context";
import type { TableIdent } from "./identifiers";
import { nextMetadataLocation, writeTableMetadata } from "./metadata-files";
import { displayName } from "./names";
import { searchText } from "./search-text";
import { isUniqueViolation, type TableRow, takenMeanwhile } from "./table-rows";

export interface InsertOptions {
  /** A metadata file that already exists (register); else one is written. */
  metadataLocation?: string;
  /** Whether Tarn may delete the table's files (purge). Default true. */
  managed?: boolean;
  audit: { action: string; details?: Record<string, unknown> };
  inTransaction?: (tx: Tx, created: TableMetadata) => Promise<void>;
}

export interface InsertedTable {
  row: TableRow;
  metadataLocation: string;
  metadata: TableMetadata;
}

export async function insertNewTable(ctx: CatalogContext, namespace: { id: string }, ident: TableIdent, metadata: TableMetadata, opts: InsertOptions): Promise<InsertedTable> {
  const written = opts.metadataLocation ? undefined : nextMetadataLocation(metadata.location, null);
  if (written) await writeTableMetadata(ctx.io, written, metadata);
  const metadataLocation = (opts.metadataLocation ?? written) as string;
  try {
    const row = await ctx.db.$transaction(async (tx) => {
      const created = await tx.catalogTable.create({ data: { namespaceId: namespace.id, name: ident.name, kind: "iceberg", managed: opts.managed ?? true, owner: ctx.actor.username, metadataLocation, ...tableColumns(ident, metadata) } });
      await opts.inTransaction?.(tx, metadata);
      await recordAudit(tx, ctx.actor, { action: opts.audit.action, targetType: "table", targetId: created.id, details: { table: displayName(ident.namespace, ident.name), catalog: ident.catalog, ...opts.audit.details } });
      return created;
    });
    return { row, metadataLocation, metadata };
  } catch (error) {
    if (written) await ctx.io.delete(written).catch(() => {});
    if (isUniqueViolation(error)) throw await takenMeanwhile(ctx.db, ident);
    throw error;
  }
}

/** The row columns that follow a table's metadata: kept in step on every commit (commit-run.ts). */
export function tableColumns(ident: TableIdent, metadata: TableMetadata) {
  const comment = metadata.properties.comment ?? null;
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
  return { tableUuid: metadata.tableUuid, location: metadata.location, comment, searchText: searchText({ namespace: ident.namespace, name: ident.name, comment, schema }) };
}
