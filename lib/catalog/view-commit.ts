/**
 * Committing to a view: the same compare-and-swap of the metadata pointer, the same
 * per-object lock and retry as tables (commit.ts). A fixed commit (a REST
 * `CommitViewRequest`) is re-applied to fresh metadata after a lost race; a builder runs
 * again. A failed `assert-view-uuid` is final.
 */
import { recordAudit, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { ViewMetadata } from "@/lib/iceberg/spec";
import { applyViewUpdates, checkViewRequirements, replaceViewCommit, type ViewCommit, ViewConflictError, type ViewDefinition } from "@/lib/iceberg/views";
import { log } from "@/lib/log";
import type { CatalogContext } from "./context";
import { type ViewIdent, viewResource } from "./identifiers";
import { checkMovedLocation } from "./locations";
import { nextMetadataLocation, readViewMetadata, writeViewMetadata } from "./metadata-files";
import { displayName } from "./names";
import { swapPointer } from "./pointer";
import { validateProperties } from "./properties";
import { withTableLock } from "./table-lock";
import { findViewRow, type TableRow } from "./table-rows";
import { asBadRequest, viewColumns } from "./views";

export interface ViewCommitBase {
  row: TableRow;
  metadata: ViewMetadata;
  metadataLocation: string;
  attempt: number;
}

export type BuildViewCommit = (base: ViewCommitBase) => ViewCommit | Promise<ViewCommit>;

export interface ViewCommitResult {
  metadata: ViewMetadata;
  metadataLocation: string;
  attempts: number;
}

const MAX_ATTEMPTS = 20;

export async function commitView(ctx: CatalogContext, ident: ViewIdent, build: BuildViewCommit | ViewCommit, opts: { description?: string } = {}): Promise<ViewCommitResult> {
  requireAuthorized(ctx.actor, "view.alter", viewResource(ident));
  const { id } = await findViewRow(ctx.db, ident);
  const buildCommit = typeof build === "function" ? build : () => build;
  return withTableLock(id, async () => {
    for (let attempt = 1; ; attempt++) {
      const result = await attemptCommit(ctx, ident, buildCommit, attempt, opts);
      if (result) return result;
      if (attempt >= MAX_ATTEMPTS) throw new AppError("conflict", `View ${displayName(ident.namespace, ident.name)} is changing too often to commit; try again.`);
      log.debug("view.commit.retry", { view: ident.name, attempt });
      await new Promise((resolve) => setTimeout(resolve, Math.min(200, 2 ** attempt) * (0.5 + Math.random())));
    }
  });
}

/** One attempt; null when another commit moved the pointer first. */
async function attemptCommit(ctx: CatalogContext, ident: ViewIdent, build: BuildViewCommit, attempt: number, opts: { description?: string }): Promise<ViewCommitResult | null> {
  const row = await findViewRow(ctx.db, ident);
  const metadataLocation = row.metadataLocation as string;
  const base = await readViewMetadata(ctx.io, metadataLocation);
  const commit = await build({ row, metadata: base, metadataLocation, attempt });
  const next = applyChecked(ident, base, commit);
  if (next === base) return { metadata: base, metadataLocation, attempts: attempt };
  if (next.location !== base.location) await checkMovedLocation(ctx.db, ctx.io, row, next.location);
  const location = nextMetadataLocation(next.location, metadataLocation);
  await writeViewMetadata(ctx.io, location, next);
  const swapped = await ctx.db.$transaction(async (tx) => {
    if (!(await swapPointer(tx, row, location, viewColumns({ ...ident, name: row.name }, next)))) return false;
    const what = opts.description ?? [...new Set(commit.updates.map((u) => u.action))].join(", ");
    await recordAudit(tx, ctx.actor, { action: "view.commit", targetType: "view", targetId: row.id, details: { view: displayName(ident.namespace, row.name), what, version: next.currentVersionId } });
    return true;
  });
  if (swapped) return { metadata: next, metadataLocation: location, attempts: attempt };
  await ctx.io.delete(location).catch(() => {});
  return null;
}

function applyChecked(ident: ViewIdent, base: ViewMetadata, commit: ViewCommit): ViewMetadata {
  try {
    checkViewRequirements(base, commit.requirements);
  } catch (error) {
    if (error instanceof ViewConflictError) throw new AppError("conflict", `Commit to view ${displayName(ident.namespace, ident.name)} failed: ${error.message}`, { cause: error });
    throw error;
  }
  return asBadRequest(ident, () => applyViewUpdates(base, commit.updates, { now: Date.now() }));
}

/** Makes `definition` the view's current version (CREATE OR REPLACE VIEW); properties given are set. */
export function replaceView(ctx: CatalogContext, ident: ViewIdent, definition: ViewDefinition & { properties?: Record<string, string> }): Promise<ViewCommitResult> {
  const properties = validateProperties(definition.properties);
  return commitView(ctx, ident, ({ metadata }) => asBadRequest(ident, () => replaceViewCommit(metadata, { ...definition, properties })), { description: "replace" });
}

/** Sets and removes view properties; `comment` is the view's comment. */
export function setViewProperties(ctx: CatalogContext, ident: ViewIdent, change: { updates?: Record<string, string>; removals?: string[] }): Promise<ViewCommitResult> {
  const updates = validateProperties(change.updates);
  const removals = change.removals ?? [];
  const overlap = removals.filter((key) => key in updates);
  if (overlap.length) throw new AppError("bad_request", `A property cannot be both set and removed: ${overlap.join(", ")}.`);
  return commitView(
    ctx,
    ident,
    {
      requirements: [],
      updates: [...(Object.keys(updates).length ? [{ action: "set-properties" as const, updates }] : []), ...(removals.length ? [{ action: "remove-properties" as const, removals }] : [])],
    },
    { description: "properties" },
  );
}
