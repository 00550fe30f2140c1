/**
 * STAND-IN for `applyUpdates`/`checkRequirements` of lib/iceberg/commit, which is being
 * written: just the requirements and updates a write produces (table uuid, ref snapshot
 * id; add-snapshot, set-snapshot-ref). Replace with the real one once it lands. Test
 * support only.
 */
import type { TableCommit } from "../../commit/types";
import { MAIN_BRANCH } from "../../spec";
import type { TableMetadata } from "../../spec/types";

export class StandInConflict extends Error {}

export function applyCommit(metadata: TableMetadata, commit: TableCommit): TableMetadata {
  for (const req of commit.requirements) {
    if (req.type === "assert-table-uuid" && req.uuid !== metadata.tableUuid) {
      throw new StandInConflict("table uuid changed");
    }
    if (req.type === "assert-ref-snapshot-id") {
      const actual = metadata.refs[req.ref]?.snapshotId ?? null;
      if (actual !== req.snapshotId) throw new StandInConflict(`ref ${req.ref} moved`);
    }
  }
  let next: TableMetadata = { ...metadata, lastUpdatedMs: Date.now() };
  for (const update of commit.updates) {
    if (update.action === "add-snapshot") {
      next = {
        ...next,
        snapshots: [...next.snapshots, update.snapshot],
        lastSequenceNumber: Math.max(next.lastSequenceNumber, update.snapshot.sequenceNumber),
        lastUpdatedMs: Math.max(next.lastUpdatedMs, update.snapshot.timestampMs),
      };
    } else if (update.action === "set-snapshot-ref") {
      const { action: _, refName, ...ref } = update;
      next = { ...next, refs: { ...next.refs, [refName]: ref } };
      if (refName === MAIN_BRANCH) {
        next.currentSnapshotId = ref.snapshotId;
        const entry = { snapshotId: ref.snapshotId, timestampMs: next.lastUpdatedMs };
        next.snapshotLog = [...next.snapshotLog, entry];
      }
    } else {
      throw new Error(`stand-in applyCommit does not handle ${update.action}`);
    }
  }
  return next;
}
