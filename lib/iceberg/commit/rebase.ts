/**
 * Moving an append onto commits that landed first.
 *
 * A commit whose requirements still hold on the fresh metadata can simply be applied
 * to it again. An append whose branch moved cannot: its assert-ref-snapshot-id fails,
 * and its snapshot names the old head as parent and a sequence number that is no longer
 * above the table's. `rebaseSnapshotCommit` re-numbers it for the fresh metadata: parent
 * = the branch's fresh head, sequence number = the next free one, v3 first-row-id = the
 * fresh next-row-id, and the branch assertion = the fresh head.
 *
 * Only for appends (this refuses any other operation): added files do not depend on what
 * the parent holds, while an overwrite or delete decided against the old head may be
 * wrong against the new one and must be re-planned. Even for an append this renumbers
 * metadata only: the snapshot's manifest list still lists the old head's manifests and
 * records the old sequence number, and its summary's totals are the old ones. The writer
 * must rewrite the manifest list (and totals) for the rebased snapshot before
 * committing it — which is why the writer, not the catalog, decides to call this.
 */
import { MAIN_BRANCH, type Snapshot, type TableMetadata } from "../spec";
import { CommitValidationError } from "./errors";
import type { TableCommit, TableRequirement, TableUpdate } from "./types";

export function rebaseSnapshotUpdates(
  updates: readonly TableUpdate[],
  freshBase: TableMetadata,
): TableUpdate[] {
  const branchOf = branchesOfAddedSnapshots(updates);
  const added = new Set(addedSnapshots(updates).map((s) => s.snapshotId));
  const numbers = {
    sequenceNumber: freshBase.lastSequenceNumber,
    nextRowId: freshBase.nextRowId ?? 0,
  };
  return updates.map((update) => {
    if (update.action !== "add-snapshot") return update;
    const snapshot = rebaseSnapshot(update.snapshot, freshBase, branchOf, added, numbers);
    return { ...update, snapshot };
  });
}

/** The commit with its snapshots rebased and its branch assertions moved to the fresh heads. */
export function rebaseSnapshotCommit(commit: TableCommit, freshBase: TableMetadata): TableCommit {
  const moved = new Set(branchesOfAddedSnapshots(commit.updates).values());
  const requirements = commit.requirements.map((requirement): TableRequirement => {
    if (requirement.type !== "assert-ref-snapshot-id" || !moved.has(requirement.ref))
      return requirement;
    const head = Object.hasOwn(freshBase.refs, requirement.ref)
      ? freshBase.refs[requirement.ref]
      : undefined;
    return { ...requirement, snapshotId: head?.snapshotId ?? null };
  });
  return { requirements, updates: rebaseSnapshotUpdates(commit.updates, freshBase) };
}

function rebaseSnapshot(
  snapshot: Snapshot,
  freshBase: TableMetadata,
  branchOf: ReadonlyMap<bigint, string>,
  added: ReadonlySet<bigint>,
  numbers: { sequenceNumber: number; nextRowId: number },
): Snapshot {
  const { snapshotId, summary } = snapshot;
  if (summary.operation !== "append") {
    throw new CommitValidationError(
      `Cannot rebase snapshot ${snapshotId}: only appends can move onto concurrent commits, not "${summary.operation}"`,
    );
  }
  const rebased: Snapshot = { ...snapshot };
  // A parent added by this same commit stays: the chain moves as a whole.
  const branch = branchOf.get(snapshotId);
  const chained = snapshot.parentSnapshotId !== undefined && added.has(snapshot.parentSnapshotId);
  if (branch !== undefined && !chained) {
    const head = Object.hasOwn(freshBase.refs, branch)
      ? freshBase.refs[branch].snapshotId
      : undefined;
    if (head === undefined) delete rebased.parentSnapshotId;
    else rebased.parentSnapshotId = head;
  }
  if (freshBase.formatVersion >= 2) rebased.sequenceNumber = ++numbers.sequenceNumber;
  if (freshBase.formatVersion >= 3 && snapshot.firstRowId !== undefined) {
    rebased.firstRowId = numbers.nextRowId;
    numbers.nextRowId += snapshot.addedRows ?? 0;
  }
  return rebased;
}

/** Snapshot id → the branch a set-snapshot-ref in the same commit points at it. */
function branchesOfAddedSnapshots(updates: readonly TableUpdate[]): Map<bigint, string> {
  const added = new Set(addedSnapshots(updates).map((s) => s.snapshotId));
  const branches = new Map<bigint, string>();
  for (const update of updates) {
    if (
      update.action === "set-snapshot-ref" &&
      update.type === "branch" &&
      added.has(update.snapshotId)
    ) {
      // main wins when a snapshot lands on several branches: it is the table's history.
      if (!branches.has(update.snapshotId) || update.refName === MAIN_BRANCH) {
        branches.set(update.snapshotId, update.refName);
      }
    }
  }
  return branches;
}

function addedSnapshots(updates: readonly TableUpdate[]): Snapshot[] {
  return updates.flatMap((u) => (u.action === "add-snapshot" ? [u.snapshot] : []));
}
