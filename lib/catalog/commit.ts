/**
 * Committing to a table: requirements + updates applied to the current metadata, a new
 * metadata file written, and the table's metadata pointer swapped in one database
 * transaction only if nobody moved it meanwhile (compare-and-swap).
 *
 * On a lost race the commit is rebuilt against the fresh metadata — `build` runs again,
 * so a writer re-derives its manifests from the new parent instead of reusing stale ones —
 * and tried again while its requirements still hold. A failed requirement is final.
 */
import { recordAudit } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { applyUpdates, CommitConflictError, checkRequirements, type TableCommit } from "@/lib/iceberg/commit";
import type { TableMetadata } from "@/lib/iceberg/spec";
import { log } from "@/lib/log";
import type { CatalogContext, Tx } from "./context";
import type { TableIdent } from "./identifiers";
import { nextMetadataLocation, readTableMetadata, writeTableMetadata } from "./metadata-files";
import { displayName } from "./names";
import { withTableLock } from "./table-lock";
import { findTableRow, type TableRow } from "./table-rows";

export interface CommitOptions {
  /** Runs inside the compare-and-swap transaction: state that must land with the commit (ingestion checkpoints). */
  inTransaction?: (tx: Tx, committed: TableMetadata) => Promise<void>;
  maxAttempts?: number;
  /** Shown in the audit log: what the commit did ("append", "add column"…). */
  description?: string;
}

export interface CommitResult {
  metadata: TableMetadata;
  metadataLocation: string;
  attempts: number;
}

export interface CommitBase {
  row: TableRow;
  metadata: TableMetadata;
  metadataLocation: string;
  attempt: number;
}

const DEFAULT_ATTEMPTS = 20;

export async function commitTable(
  ctx: CatalogContext,
  ident: TableIdent,
  build: (base: CommitBase) => TableCommit | Promise<TableCommit>,
  opts: CommitOptions = {},
): Promise<CommitResult> {
  const { id } = await findTableRow(ctx.db, ident);
  return withTableLock(id, () => commitWithRetries(ctx, ident, build, opts));
}

async function commitWithRetries(
  ctx: CatalogContext,
  ident: TableIdent,
  build: (base: CommitBase) => TableCommit | Promise<TableCommit>,
  opts: CommitOptions,
): Promise<CommitResult> {
  const maxAttempts = opts.maxAttempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const row = await findTableRow(ctx.db, ident);
    if (!row.metadataLocation) throw new AppError("bad_request", `${displayName(ident.namespace, ident.name)} is not an Iceberg table.`);
    const metadata = await readTableMetadata(ctx.io, row.metadataLocation);
    const commit = await build({ row, metadata, metadataLocation: row.metadataLocation, attempt });
    const next = applyChecked(ident, metadata, row.metadataLocation, commit);
    const location = nextMetadataLocation(next.location, row.metadataLocation);
    await writeTableMetadata(ctx.io, location, next);
    if (await swapPointer(ctx, row, location, next, commit, opts)) return { metadata: next, metadataLocation: location, attempts: attempt };
    await ctx.io.delete(location).catch(() => {});
    if (attempt >= maxAttempts) {
      throw new AppError("conflict", `${displayName(ident.namespace, ident.name)} is changing too often to commit; try again.`, { internal: `gave up after ${attempt} attempts` });
    }
    log.debug("commit.retry", { table: displayName(ident.namespace, ident.name), attempt });
    await backoff(attempt);
  }
}

function applyChecked(ident: TableIdent, metadata: TableMetadata, metadataLocation: string, commit: TableCommit): TableMetadata {
  try {
    checkRequirements(metadata, commit.requirements);
  } catch (error) {
    if (error instanceof CommitConflictError) {
      throw new AppError("conflict", `Commit to ${displayName(ident.namespace, ident.name)} failed: ${error.message}`, { cause: error });
    }
    throw error;
  }
  return applyUpdates(metadata, commit.updates, { now: Date.now(), previousMetadataLocation: metadataLocation });
}

async function swapPointer(ctx: CatalogContext, row: TableRow, location: string, next: TableMetadata, commit: TableCommit, opts: CommitOptions): Promise<boolean> {
  return ctx.db.$transaction(async (tx) => {
    const swapped = await tx.catalogTable.updateMany({
      where: { id: row.id, metadataLocation: row.metadataLocation },
      data: { metadataLocation: location, previousMetadataLocation: row.metadataLocation, tableUuid: next.tableUuid, location: next.location },
    });
    if (swapped.count !== 1) return false;
    await opts.inTransaction?.(tx, next);
    await recordAudit(tx, ctx.actor, {
      action: "table.commit",
      targetType: "table",
      targetId: row.id,
      details: { table: row.name, what: opts.description ?? describeCommit(commit), snapshot: next.currentSnapshotId?.toString() },
    });
    return true;
  });
}

function describeCommit(commit: TableCommit): string {
  return [...new Set(commit.updates.map((u) => u.action))].join(", ");
}

/** Exponential backoff with jitter: writers that collided spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(200, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
