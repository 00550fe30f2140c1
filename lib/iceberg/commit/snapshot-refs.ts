/**
 * Branches, tags and the current snapshot, after Java's `ManageSnapshots`: record ref
 * changes against the table as loaded, then `commit()`.
 *
 * ```ts
 * const commit = new ManageSnapshots(meta)
 *   .createTag("v1.0", 42n, { maxRefAgeMs: 90 * DAY })
 *   .createBranch("audit")                    // at the current snapshot
 *   .rollbackTo(41n)                          // main back to an ancestor
 *   .commit();
 * ```
 *
 * The commit carries one set-snapshot-ref or remove-snapshot-ref per ref that ends up
 * different (removals first, as Java orders them), and asserts each such ref's snapshot
 * as loaded — null for a ref that must not exist yet. Java asserts only the refs it
 * sets; asserting the removed ones too means a branch that moved meanwhile is not
 * dropped unseen.
 */
import { MAIN_BRANCH, type SnapshotRef, type TableMetadata } from "../spec";
import { ancestorsOf, isAncestorOf } from "./ancestry";
import { CommitValidationError } from "./errors";
import type { TableCommit, TableRequirement, TableUpdate } from "./types";

export interface BranchRetention {
  minSnapshotsToKeep?: number;
  maxSnapshotAgeMs?: number;
  maxRefAgeMs?: number;
}

export interface TagRetention {
  maxRefAgeMs?: number;
}

export interface RollbackOptions {
  /** The branch to move (default main). */
  branch?: string;
  /** Allow a snapshot that is not an ancestor of the branch (Java's `setCurrentSnapshot`). */
  allowNonAncestor?: boolean;
}

export class ManageSnapshots {
  private readonly refs: Record<string, SnapshotRef>;

  constructor(private readonly meta: TableMetadata) {
    this.refs = { ...meta.refs };
  }

  createTag(name: string, snapshotId: bigint, retention: TagRetention = {}): this {
    this.checkNew(name);
    return this.put(name, {
      snapshotId: this.existing(snapshotId),
      type: "tag",
      ...positive(retention),
    });
  }

  replaceTag(name: string, snapshotId: bigint): this {
    const tag = this.ref(name, "tag");
    return this.put(name, { ...tag, snapshotId: this.existing(snapshotId) });
  }

  removeTag(name: string): this {
    this.ref(name, "tag");
    delete this.refs[name];
    return this;
  }

  /** A new branch at `snapshotId`, or at the current snapshot. */
  createBranch(name: string, snapshotId?: bigint, retention: BranchRetention = {}): this {
    this.checkNew(name);
    const at = snapshotId ?? this.refs[MAIN_BRANCH]?.snapshotId;
    if (at === undefined) fail(`Cannot create branch ${name}: the table has no current snapshot`);
    return this.put(name, {
      snapshotId: this.existing(at),
      type: "branch",
      ...positive(retention),
    });
  }

  /** Points a branch at any snapshot, keeping its retention settings. */
  replaceBranch(name: string, snapshotId: bigint): this {
    const branch = this.ref(name, "branch");
    return this.put(name, { ...branch, snapshotId: this.existing(snapshotId) });
  }

  /** Moves branch `name` to where ref `to` points, which must be ahead of it. */
  fastForwardBranch(name: string, to: string): this {
    const branch = this.ref(name, "branch");
    const target = this.ref(to);
    if (!isAncestorOf(this.meta, target.snapshotId, branch.snapshotId)) {
      fail(`Cannot fast-forward: ${name} is not an ancestor of ${to}`);
    }
    return this.put(name, { ...branch, snapshotId: target.snapshotId });
  }

  renameBranch(name: string, newName: string): this {
    if (name === MAIN_BRANCH) fail("Cannot rename the main branch");
    const branch = this.ref(name, "branch");
    this.checkNew(newName);
    delete this.refs[name];
    return this.put(newName, branch);
  }

  removeBranch(name: string): this {
    if (name === MAIN_BRANCH) fail("Cannot remove the main branch");
    this.ref(name, "branch");
    delete this.refs[name];
    return this;
  }

  setMinSnapshotsToKeep(branch: string, count: number): this {
    return this.put(branch, {
      ...this.ref(branch, "branch"),
      ...positive({ minSnapshotsToKeep: count }),
    });
  }

  setMaxSnapshotAgeMs(branch: string, ageMs: number): this {
    return this.put(branch, {
      ...this.ref(branch, "branch"),
      ...positive({ maxSnapshotAgeMs: ageMs }),
    });
  }

  setMaxRefAgeMs(name: string, ageMs: number): this {
    return this.put(name, { ...this.ref(name), ...positive({ maxRefAgeMs: ageMs }) });
  }

  /** Moves a branch (main by default) back to one of its ancestors. */
  rollbackTo(snapshotId: bigint, options: RollbackOptions = {}): this {
    const name = options.branch ?? MAIN_BRANCH;
    const branch = this.ref(name, "branch");
    this.existing(snapshotId);
    if (!options.allowNonAncestor && !isAncestorOf(this.meta, branch.snapshotId, snapshotId)) {
      fail(
        `Cannot roll back ${name} to snapshot ${snapshotId}: it is not an ancestor of the branch (at ${branch.snapshotId})`,
      );
    }
    return this.put(name, { ...branch, snapshotId });
  }

  /** Moves a branch back to its newest ancestor committed before `timestampMs`. */
  rollbackToTime(timestampMs: number, options: { branch?: string } = {}): this {
    const name = options.branch ?? MAIN_BRANCH;
    const branch = this.ref(name, "branch");
    for (const snapshot of ancestorsOf(this.meta, branch.snapshotId)) {
      if (snapshot.timestampMs < timestampMs)
        return this.put(name, { ...branch, snapshotId: snapshot.snapshotId });
    }
    return fail(`Cannot roll back ${name}: no snapshot of it is older than ${timestampMs}`);
  }

  /** Makes any snapshot the current one (main), ancestor or not. */
  setCurrentSnapshot(snapshotId: bigint): this {
    const main = this.refs[MAIN_BRANCH];
    if (!main)
      return this.put(MAIN_BRANCH, { snapshotId: this.existing(snapshotId), type: "branch" });
    return this.rollbackTo(snapshotId, { allowNonAncestor: true });
  }

  commit(): TableCommit {
    const base = this.meta.refs;
    const removed = Object.keys(base).filter((name) => !Object.hasOwn(this.refs, name));
    const changed = Object.entries(this.refs).filter(([name, ref]) => !sameRef(base[name], ref));
    const updates: TableUpdate[] = [
      ...removed.map((refName): TableUpdate => ({ action: "remove-snapshot-ref", refName })),
      ...changed.map(
        ([refName, ref]): TableUpdate => ({ action: "set-snapshot-ref", refName, ...ref }),
      ),
    ];
    if (updates.length === 0) return { requirements: [], updates: [] };
    const asserted = [...removed, ...changed.map(([name]) => name)];
    const requirements: TableRequirement[] = [
      { type: "assert-table-uuid", uuid: this.meta.tableUuid },
      ...asserted.map(
        (ref): TableRequirement => ({
          type: "assert-ref-snapshot-id",
          ref,
          snapshotId: Object.hasOwn(base, ref) ? base[ref].snapshotId : null,
        }),
      ),
    ];
    return { requirements, updates };
  }

  private put(name: string, ref: SnapshotRef): this {
    this.refs[name] = ref;
    return this;
  }

  private ref(name: string, type?: SnapshotRef["type"]): SnapshotRef {
    const ref = Object.hasOwn(this.refs, name) ? this.refs[name] : undefined;
    if (!ref) fail(`${type === undefined ? "Ref" : capitalized(type)} ${name} does not exist`);
    if (type && ref.type !== type) fail(`Ref ${name} is a ${ref.type}, not a ${type}`);
    return ref;
  }

  private checkNew(name: string): void {
    if (!name) fail("A ref needs a name");
    if (Object.hasOwn(this.refs, name)) fail(`Ref ${name} already exists`);
  }

  private existing(snapshotId: bigint): bigint {
    if (!this.meta.snapshots.some((s) => s.snapshotId === snapshotId)) {
      fail(`Snapshot ${snapshotId} does not exist`);
    }
    return snapshotId;
  }
}

/** Retention values must be positive; unset ones are left out. */
function positive(retention: BranchRetention): BranchRetention {
  const out: BranchRetention = {};
  for (const key of ["minSnapshotsToKeep", "maxSnapshotAgeMs", "maxRefAgeMs"] as const) {
    const value = retention[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value <= 0)
      fail(`${key} must be a positive integer, not ${value}`);
    out[key] = value;
  }
  return out;
}

function sameRef(a: SnapshotRef | undefined, b: SnapshotRef): boolean {
  return (
    a !== undefined &&
    a.snapshotId === b.snapshotId &&
    a.type === b.type &&
    a.minSnapshotsToKeep === b.minSnapshotsToKeep &&
    a.maxSnapshotAgeMs === b.maxSnapshotAgeMs &&
    a.maxRefAgeMs === b.maxRefAgeMs
  );
}

function capitalized(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

function fail(message: string): never {
  throw new CommitValidationError(message);
}
