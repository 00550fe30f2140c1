/**
 * Committing to tables: requirements + updates applied to the current metadata, a new
 * metadata file written, and the metadata pointer swapped in one database transaction
 * only if nobody moved it meanwhile (compare-and-swap).
 *
 * On a lost race the commit is rebuilt against the fresh metadata — a `build` function
 * runs again, so a writer re-derives its manifests from the new parent instead of
 * reusing stale ones; a fixed commit (a REST body) is re-applied as is — and tried again
 * while its requirements still hold. A failed requirement is final.
 *
 * `commitTable` on a table that does not exist creates it when the commit is a fixed one
 * asserting `assert-create` (a REST stage-create followed by its commit, as Java REST
 * servers do). `commitTables` commits to several tables all-or-nothing.
 */
import { type Operation, requireAuthorized } from "@/lib/access";
import { AppError } from "@/lib/errors";
import type { TableCommit } from "@/lib/iceberg/commit";
import type { TableMetadata } from "@/lib/iceberg/spec";
import { commitCreate } from "./commit-create";
import { type Change, runCommits } from "./commit-run";
import type { CatalogContext, Tx } from "./context";
import { type TableIdent, tableResource } from "./identifiers";
import { displayName } from "./names";
import { withTableLock, withTableLocks } from "./table-lock";
import { findTableRow, type TableRow } from "./table-rows";

export interface CommitOptions {
  /** Runs inside the compare-and-swap transaction: state that must land with the commit (ingestion checkpoints). */
  inTransaction?: (tx: Tx, committed: TableMetadata) => Promise<void>;
  maxAttempts?: number;
  /** Shown in the audit log: what the commit did ("append", "add column"…). */
  description?: string;
  /**
   * What the caller is doing, for lib/access. Default: `table.write` when the commit
   * adds or removes snapshots or moves refs (or is built by a function), `table.alter`
   * for a fixed commit that changes only the definition.
   */
  operation?: Extract<Operation, "table.write" | "table.alter">;
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

/** Builds the commit against the metadata current at each attempt. */
export type BuildCommit = (base: CommitBase) => TableCommit | Promise<TableCommit>;

/** One table's part of a multi-table commit: a fixed commit (a REST body) or a builder. */
export interface TableChange {
  ident: TableIdent;
  build: BuildCommit | TableCommit;
}

export interface MultiCommitOptions {
  inTransaction?: (tx: Tx, committed: TableMetadata[]) => Promise<void>;
  maxAttempts?: number;
  description?: string;
}

export async function commitTable(ctx: CatalogContext, ident: TableIdent, build: BuildCommit | TableCommit, opts: CommitOptions = {}): Promise<CommitResult> {
  if (typeof build !== "function" && build.requirements.some((r) => r.type === "assert-create")) {
    return commitCreate(ctx, ident, build, opts);
  }
  requireAuthorized(ctx.actor, opts.operation ?? operationFor(build), tableResource(ident));
  const { id } = await findTableRow(ctx.db, ident);
  const inTransaction = opts.inTransaction && ((tx: Tx, committed: TableMetadata[]) => opts.inTransaction!(tx, committed[0]));
  const [result] = await withTableLock(id, () => runCommits(ctx, [changeOf({ ident, build })], { ...opts, inTransaction }));
  return result;
}

/**
 * Commits to several tables at once, all or nothing (REST `POST /transactions/commit`):
 * every requirement is checked on fresh metadata, every new metadata file written, then
 * every pointer swapped in one database transaction — if any swap loses its race, none
 * happens and the whole set is retried while the requirements hold. The tables must
 * exist; each may appear once.
 */
export async function commitTables(ctx: CatalogContext, changes: TableChange[], opts: MultiCommitOptions = {}): Promise<CommitResult[]> {
  if (changes.length === 0) throw new AppError("bad_request", "A multi-table commit needs at least one table change.");
  checkDistinct(changes);
  for (const change of changes) requireAuthorized(ctx.actor, operationFor(change.build), tableResource(change.ident));
  const rows = await Promise.all(changes.map((c) => findTableRow(ctx.db, c.ident)));
  return withTableLocks(
    rows.map((r) => r.id),
    () => runCommits(ctx, changes.map(changeOf), opts),
  );
}

function checkDistinct(changes: TableChange[]): void {
  const seen = new Set<string>();
  for (const { ident } of changes) {
    const key = JSON.stringify([ident.catalog, ident.namespace, ident.name]);
    if (seen.has(key)) throw new AppError("bad_request", `${displayName(ident.namespace, ident.name)} appears more than once in one commit; merge its changes into one.`);
    seen.add(key);
  }
}

const DATA_ACTIONS = new Set(["add-snapshot", "remove-snapshots", "set-snapshot-ref", "remove-snapshot-ref"]);

function operationFor(build: BuildCommit | TableCommit): "table.write" | "table.alter" {
  if (typeof build === "function") return "table.write";
  return build.updates.some((u) => DATA_ACTIONS.has(u.action)) ? "table.write" : "table.alter";
}

function changeOf(change: TableChange): Change {
  const { build } = change;
  return { ident: change.ident, build: typeof build === "function" ? build : () => build };
}
