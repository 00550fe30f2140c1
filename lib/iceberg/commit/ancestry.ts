/** Walking a snapshot's lineage through parent ids, as far as the table still holds it. */
import type { Snapshot, TableMetadata } from "../spec";

/** The snapshot and its ancestors, newest first; stops at the first parent the table no longer has. */
export function* ancestorsOf(
  meta: TableMetadata,
  snapshotId: bigint | undefined,
): Generator<Snapshot> {
  const byId = new Map(meta.snapshots.map((s) => [s.snapshotId, s]));
  const seen = new Set<bigint>();
  for (let id = snapshotId; id !== undefined && !seen.has(id); ) {
    const snapshot = byId.get(id);
    if (!snapshot) return;
    seen.add(id); // a malformed parent cycle ends the walk instead of looping
    yield snapshot;
    id = snapshot.parentSnapshotId;
  }
}

/** Whether `ancestorId` is `snapshotId` or one of its ancestors. */
export function isAncestorOf(meta: TableMetadata, snapshotId: bigint, ancestorId: bigint): boolean {
  for (const snapshot of ancestorsOf(meta, snapshotId)) {
    if (snapshot.snapshotId === ancestorId) return true;
  }
  return false;
}
