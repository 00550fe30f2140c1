/**
 * Changing a table's rows: an operation from lib/iceberg/write, prepared once against
 * the current metadata, committed through the catalog's compare-and-swap (rebuilt on each
 * retry), then cleaned up — a lost operation leaves no files behind.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { UnboundExpr } from "@/lib/iceberg/expr";
import type { TableMetadata } from "@/lib/iceberg/spec";
import { type PreparedCommit, prepareAppend, prepareDelete, prepareOverwrite, prepareUpdate, WriteConflictError, WriteError } from "@/lib/iceberg/write";
import { type CommitOptions, type CommitResult, commitTable } from "./commit";
import type { CatalogContext } from "./context";
import { type TableIdent, tableResource } from "./identifiers";
import { readTableMetadata } from "./metadata-files";
import { displayName } from "./names";
import { findTableRow } from "./table-rows";

type Prepare = (metadata: TableMetadata) => Promise<PreparedCommit>;

export async function writeTable(ctx: CatalogContext, ident: TableIdent, prepare: Prepare, opts: CommitOptions = {}): Promise<CommitResult> {
  requireAuthorized(ctx.actor, "table.write", tableResource(ident));
  const row = await findTableRow(ctx.db, ident);
  if (!row.metadataLocation) throw new AppError("bad_request", `${displayName(ident.namespace, ident.name)} is not an Iceberg table.`);
  const prepared = await prepare(await readTableMetadata(ctx.io, row.metadataLocation)).catch((error: unknown) => {
    throw asAppError(ident, error);
  });
  try {
    const result = await commitTable(ctx, ident, ({ metadata }) => prepared.buildCommit(metadata), opts);
    await prepared.cleanup(result.metadata);
    return result;
  } catch (error) {
    await prepared.cleanup().catch(() => {});
    throw asAppError(ident, error);
  }
}

export function appendRows(ctx: CatalogContext, ident: TableIdent, connection: DuckDBConnection, sourceSql: string, opts?: CommitOptions) {
  return writeTable(ctx, ident, (metadata) => prepareAppend({ connection, io: ctx.io, metadata, sourceSql }), { description: "append", ...opts });
}

export function deleteRows(ctx: CatalogContext, ident: TableIdent, connection: DuckDBConnection, filter: UnboundExpr, opts?: CommitOptions) {
  return writeTable(ctx, ident, (metadata) => prepareDelete({ connection, io: ctx.io, metadata, filter }), { description: "delete", ...opts });
}

export function updateRows(ctx: CatalogContext, ident: TableIdent, connection: DuckDBConnection, filter: UnboundExpr, set: Record<string, string>, opts?: CommitOptions) {
  return writeTable(ctx, ident, (metadata) => prepareUpdate({ connection, io: ctx.io, metadata, filter, set }), { description: "update", ...opts });
}

export function overwriteRows(ctx: CatalogContext, ident: TableIdent, connection: DuckDBConnection, sourceSql: string, filter?: UnboundExpr, opts?: CommitOptions) {
  return writeTable(ctx, ident, (metadata) => prepareOverwrite({ connection, io: ctx.io, metadata, sourceSql, filter }), { description: "overwrite", ...opts });
}

function asAppError(ident: TableIdent, error: unknown): unknown {
  const table = displayName(ident.namespace, ident.name);
  if (error instanceof WriteConflictError) return new AppError("conflict", `${table} changed while writing: ${error.message}`, { cause: error });
  if (error instanceof WriteError) return new AppError("bad_request", `Cannot write to ${table}: ${error.message}`, { cause: error });
  return error;
}
