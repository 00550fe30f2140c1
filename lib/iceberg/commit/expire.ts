/**
 * Snapshot expiry, planned as Java's `RemoveSnapshots` plans it: which refs have aged
 * out and which snapshots no branch or tag needs any more. The plan is a commit
 * (remove-snapshot-ref, then remove-snapshots); which *files* that frees needs the
 * manifests, see `filesToDeleteAfterExpiry`.
 *
 * What is kept:
 * - main, always; any other ref whose snapshot is younger than its max-ref-age-ms
 *   (default `history.expire.max-ref-age-ms`, unset = forever);
 * - the snapshot of every kept ref (tags keep exactly theirs);
 * - along each kept branch, ancestors newer than the cutoff — the branch's own
 *   max-snapshot-age-ms, else `olderThanMs`, else `history.expire.max-snapshot-age-ms`
 *   (5 days) — and at least its min-snapshots-to-keep newest ancestors (else
 *   `retainLast`, else `history.expire.min-snapshots-to-keep`, 1);
 * - snapshots on no ref's lineage (staged, orphaned) that are newer than the cutoff.
 *
 * The commit asserts every ref as loaded: expiry planned against stale refs could drop
 * a snapshot a ref has moved to since, and remove-snapshots would then silently drop
 * that ref too. On conflict, plan again from fresh metadata.
 */
import { MAIN_BRANCH, type SnapshotRef, type TableMetadata } from "../spec";
import { ancestorsOf } from "./ancestry";
import { CommitValidationError } from "./errors";
import { type ExpiryDefaults, expiryDefaults, gcEnabled } from "./properties";
import type { TableCommit, TableRequirement, TableUpdate } from "./types";

export interface ExpireOptions {
  /** Epoch milliseconds; ages are measured from here. */
  now: number;
  /** Cutoff timestamp for branches without their own max-snapshot-age-ms. */
  olderThanMs?: number;
  /** Newest ancestors each branch keeps regardless of age, unless it sets its own. At least 1. */
  retainLast?: number;
  /** Snapshots to expire whatever their age; refused while a kept ref points at one. */
  snapshotIds?: bigint[];
}

export interface ExpiryPlan extends TableCommit {
  snapshotIdsToRemove: bigint[];
  refsToRemove: string[];
}

export function planSnapshotExpiry(meta: TableMetadata, options: ExpireOptions): ExpiryPlan {
  if (!gcEnabled(meta.properties)) {
    fail("Cannot expire snapshots: gc.enabled is false (deleting files may corrupt other tables)");
  }
  const policy = expiryPolicy(meta, options);
  const keptRefs = retainedRefs(meta, policy);
  const refsToRemove = Object.keys(meta.refs).filter((name) => !keptRefs.has(name));
  const keep = snapshotsToRetain(meta, keptRefs, policy);
  const explicit = new Set(options.snapshotIds ?? []);
  for (const [name, ref] of keptRefs) {
    if (explicit.has(ref.snapshotId))
      fail(`Cannot expire snapshot ${ref.snapshotId}: ref ${name} still points at it`);
  }
  const snapshotIdsToRemove = meta.snapshots
    .map((s) => s.snapshotId)
    .filter((id) => explicit.has(id) || !keep.has(id));
  return {
    snapshotIdsToRemove,
    refsToRemove,
    ...expiryCommit(meta, refsToRemove, snapshotIdsToRemove),
  };
}

interface ExpiryPolicy {
  now: number;
  defaults: ExpiryDefaults;
  olderThanMs: number;
  minSnapshotsToKeep: number;
}

function expiryPolicy(meta: TableMetadata, options: ExpireOptions): ExpiryPolicy {
  const defaults = expiryDefaults(meta.properties);
  if (options.retainLast !== undefined && !(options.retainLast >= 1)) {
    fail(`retainLast must be at least 1, not ${options.retainLast}`);
  }
  return {
    now: options.now,
    defaults,
    olderThanMs: options.olderThanMs ?? options.now - defaults.maxSnapshotAgeMs,
    minSnapshotsToKeep: options.retainLast ?? defaults.minSnapshotsToKeep,
  };
}

/** main always; other refs while their snapshot exists and is not older than their max age. */
function retainedRefs(meta: TableMetadata, policy: ExpiryPolicy): Map<string, SnapshotRef> {
  const kept = new Map<string, SnapshotRef>();
  for (const [name, ref] of Object.entries(meta.refs)) {
    const snapshot = meta.snapshots.find((s) => s.snapshotId === ref.snapshotId);
    const maxAge = ref.maxRefAgeMs ?? policy.defaults.maxRefAgeMs;
    if (name === MAIN_BRANCH || (snapshot && policy.now - snapshot.timestampMs <= maxAge)) {
      kept.set(name, ref);
    }
  }
  return kept;
}

function snapshotsToRetain(
  meta: TableMetadata,
  refs: Map<string, SnapshotRef>,
  policy: ExpiryPolicy,
): Set<bigint> {
  const keep = new Set<bigint>();
  const onSomeLineage = new Set<bigint>();
  for (const ref of refs.values()) {
    keep.add(ref.snapshotId);
    onSomeLineage.add(ref.snapshotId);
    if (ref.type !== "branch") continue;
    for (const id of branchSnapshotsToRetain(meta, ref, policy)) keep.add(id);
    for (const snapshot of ancestorsOf(meta, ref.snapshotId))
      onSomeLineage.add(snapshot.snapshotId);
  }
  for (const snapshot of meta.snapshots) {
    if (!onSomeLineage.has(snapshot.snapshotId) && snapshot.timestampMs >= policy.olderThanMs) {
      keep.add(snapshot.snapshotId);
    }
  }
  return keep;
}

/** Newest ancestors first: keep while under min-snapshots-to-keep or newer than the cutoff. */
function branchSnapshotsToRetain(meta: TableMetadata, ref: SnapshotRef, policy: ExpiryPolicy) {
  const olderThan =
    ref.maxSnapshotAgeMs === undefined ? policy.olderThanMs : policy.now - ref.maxSnapshotAgeMs;
  const minToKeep = ref.minSnapshotsToKeep ?? policy.minSnapshotsToKeep;
  const kept: bigint[] = [];
  for (const snapshot of ancestorsOf(meta, ref.snapshotId)) {
    if (kept.length >= minToKeep && snapshot.timestampMs < olderThan) break;
    kept.push(snapshot.snapshotId);
  }
  return kept;
}

function expiryCommit(meta: TableMetadata, refs: string[], snapshotIds: bigint[]): TableCommit {
  const updates: TableUpdate[] = refs.map((refName) => ({
    action: "remove-snapshot-ref",
    refName,
  }));
  if (snapshotIds.length > 0) updates.push({ action: "remove-snapshots", snapshotIds });
  if (updates.length === 0) return { requirements: [], updates };
  const requirements: TableRequirement[] = [
    { type: "assert-table-uuid", uuid: meta.tableUuid },
    ...Object.entries(meta.refs).map(
      ([ref, { snapshotId }]): TableRequirement => ({
        type: "assert-ref-snapshot-id",
        ref,
        snapshotId,
      }),
    ),
  ];
  return { requirements, updates };
}

function fail(message: string): never {
  throw new CommitValidationError(message);
}
