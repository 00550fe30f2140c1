/**
 * The `TableCommit` of a new snapshot on a branch: it must land on the head it was built
 * on (`assert-ref-snapshot-id`, null when the branch did not exist) of the same table,
 * and moves the branch to it, keeping the branch's retention settings.
 */
import type { TableCommit } from "../../commit/types";
import type { Snapshot, TableMetadata } from "../../spec/types";

export function commitFor(
  fresh: TableMetadata,
  branch: string,
  head: Snapshot | undefined,
  snapshot: Snapshot,
): TableCommit {
  const ref = fresh.refs[branch];
  return {
    requirements: [
      { type: "assert-table-uuid", uuid: fresh.tableUuid },
      { type: "assert-ref-snapshot-id", ref: branch, snapshotId: head?.snapshotId ?? null },
    ],
    updates: [
      { action: "add-snapshot", snapshot },
      {
        action: "set-snapshot-ref",
        refName: branch,
        type: "branch",
        snapshotId: snapshot.snapshotId,
        ...retention(ref),
      },
    ],
  };
}

function retention(ref: TableMetadata["refs"][string] | undefined) {
  if (!ref) return {};
  const { minSnapshotsToKeep, maxSnapshotAgeMs, maxRefAgeMs } = ref;
  return {
    ...(minSnapshotsToKeep === undefined ? {} : { minSnapshotsToKeep }),
    ...(maxSnapshotAgeMs === undefined ? {} : { maxSnapshotAgeMs }),
    ...(maxRefAgeMs === undefined ? {} : { maxRefAgeMs }),
  };
}
