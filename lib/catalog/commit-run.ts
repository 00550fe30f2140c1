/**
 * The attempt loop behind `commitTable` and `commitTables` (callers hold the table
 * locks): read every table fresh, build and check its commit, write the new metadata
 * files, swap every pointer in one transaction. A lost race deletes this attempt's files
 * and tries again; anything else deletes them and fails.
 */
import { recordAudit } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { applyUpdates, CommitConflictError, CommitValidationError, checkRequirements, type TableCommit } from "@/lib/iceberg/commit";
import type { TableMetadata } from "@/lib/iceberg/spec";
import { log } from "@/lib/log";
import type { CommitBase, CommitResult } from "./commit";
import type { CatalogContext, Tx } from "./context";
import type { TableIdent } from "./identifiers";
import { checkMovedLocation } from "./locations";
import { nextMetadataLocation, readTableMetadata, writeTableMetadata } from "./metadata-files";
import { displayName } from "./names";
import { holdPointer, swapPointer } from "./pointer";
import { tableColumns } from "./table-insert";
import { findTableRow, type TableRow } from "./table-rows";

export interface Change {
  ident: TableIdent;
  build: (base: CommitBase) => TableCommit | Promise<TableCommit>;
}

export interface RunOptions {
  inTransaction?: (tx: Tx, committed: TableMetadata[]) => Promise<void>;
  maxAttempts?: number;
  description?: string;
}

interface Prepared {
  ident: TableIdent;
  row: TableRow;
  base: TableMetadata;
  next: TableMetadata;
  commit: TableCommit;
  /** The new metadata file; absent when the commit changes nothing. */
  written?: string;
}

const DEFAULT_ATTEMPTS = 20;

/** Thrown inside the swap transaction to roll it back when one pointer moved. */
class LostRace extends Error {}

export async function runCommits(ctx: CatalogContext, changes: Change[], opts: RunOptions): Promise<CommitResult[]> {
  const maxAttempts = opts.maxAttempts ?? DEFAULT_ATTEMPTS;
  for (let attempt = 1; ; attempt++) {
    const prepared: Prepared[] = [];
    try {
      // Every requirement is checked before any file is written.
      for (const change of changes) prepared.push(await prepare(ctx, change, attempt));
      await writeAll(ctx, prepared);
    } catch (error) {
      await deleteWritten(ctx, prepared);
      throw error;
    }
    // Files are kept if the swap fails unexpectedly: the database may have committed it.
    if (await swapAll(ctx, prepared, opts)) return prepared.map((p) => ({ metadata: p.next, metadataLocation: p.written ?? (p.row.metadataLocation as string), attempts: attempt }));
    await deleteWritten(ctx, prepared);
    if (attempt >= maxAttempts) {
      const names = prepared.map((p) => displayName(p.ident.namespace, p.ident.name)).join(", ");
      throw new AppError("conflict", `${names} ${prepared.length > 1 ? "are" : "is"} changing too often to commit; try again.`, { internal: `gave up after ${attempt} attempts` });
    }
    log.debug("commit.retry", { tables: prepared.map((p) => p.row.name), attempt });
    await backoff(attempt);
  }
}

async function prepare(ctx: CatalogContext, change: Change, attempt: number): Promise<Prepared> {
  const { ident } = change;
  const row = await findTableRow(ctx.db, ident);
  if (!row.metadataLocation) throw new AppError("bad_request", `${displayName(ident.namespace, ident.name)} is not an Iceberg table.`);
  const base = await readTableMetadata(ctx.io, row.metadataLocation);
  const commit = await change.build({ row, metadata: base, metadataLocation: row.metadataLocation, attempt });
  const next = applyChecked(ident, base, row.metadataLocation, commit);
  if (next.location !== base.location) await checkMovedLocation(ctx.db, ctx.io, row, next.location);
  return { ident, row, base, commit, next };
}

/** Requirements, then updates; a failed requirement is a conflict, an update that cannot apply a bad request. */
export function applyChecked(ident: TableIdent, base: TableMetadata | null, metadataLocation: string | null, commit: TableCommit): TableMetadata {
  const table = displayName(ident.namespace, ident.name);
  try {
    checkRequirements(base, commit.requirements);
    return applyUpdates(base, commit.updates, { now: Date.now(), previousMetadataLocation: metadataLocation ?? undefined });
  } catch (error) {
    if (error instanceof CommitConflictError) throw new AppError("conflict", `Commit to ${table} failed: ${error.message}`, { cause: error });
    if (error instanceof CommitValidationError) throw new AppError("bad_request", `Commit to ${table} is not valid: ${error.message}`, { cause: error });
    throw error;
  }
}

/**
 * Writes every new metadata file, waiting for all before reporting a failure, so that
 * `written` names every file there is to clean up. A commit that changes nothing
 * writes no file (its table is still held during the swap).
 */
async function writeAll(ctx: CatalogContext, prepared: Prepared[]): Promise<void> {
  const writes = prepared.map(async (p) => {
    if (p.next === p.base) return;
    const location = nextMetadataLocation(p.next.location, p.row.metadataLocation);
    await writeTableMetadata(ctx.io, location, p.next);
    p.written = location;
  });
  const failed = (await Promise.allSettled(writes)).find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

async function deleteWritten(ctx: CatalogContext, prepared: Prepared[]): Promise<void> {
  await Promise.all(prepared.map((p) => (p.written ? ctx.io.delete(p.written).catch(() => {}) : undefined)));
}

/** One transaction: every pointer moves, or (on a lost race) none does. */
async function swapAll(ctx: CatalogContext, prepared: Prepared[], opts: RunOptions): Promise<boolean> {
  try {
    await ctx.db.$transaction(async (tx) => {
      for (const p of prepared) {
        const ok = p.written ? await swapPointer(tx, p.row, p.written, pointerFields(p)) : await holdPointer(tx, p.row);
        if (!ok) throw new LostRace();
      }
      await opts.inTransaction?.(tx, prepared.map((p) => p.next));
      for (const p of prepared) await audit(ctx, tx, p, prepared.length, opts);
    });
    return true;
  } catch (error) {
    if (error instanceof LostRace) return false;
    throw error;
  }
}

function pointerFields(p: Prepared) {
  return tableColumns({ ...p.ident, name: p.row.name }, p.next);
}

async function audit(ctx: CatalogContext, tx: Tx, p: Prepared, tables: number, opts: RunOptions): Promise<void> {
  if (!p.written) return;
  const what = opts.description ?? [...new Set(p.commit.updates.map((u) => u.action))].join(", ");
  const details: Record<string, unknown> = { table: displayName(p.ident.namespace, p.row.name), what, snapshot: p.next.currentSnapshotId?.toString() };
  if (tables > 1) details.transaction = tables;
  await recordAudit(tx, ctx.actor, { action: "table.commit", targetType: "table", targetId: p.row.id, details });
}

/** Exponential backoff with jitter: writers that collided spread out. */
function backoff(attempt: number): Promise<void> {
  const ms = Math.min(200, 2 ** Math.min(attempt, 7)) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
