/**
 * What the snapshots committed since a base did: the snapshots between the base and the
 * new head, and the files each added or deleted. Row-level operations check these on a
 * retry before stacking their plan on the new head.
 */
import type { ResolvedManifestEntry } from "../../manifest";
import { snapshotById } from "../../spec";
import type { Snapshot, TableMetadata } from "../../spec/types";
import { WriteConflictError } from "../errors";
import type { LiveFile, ManifestReader } from "./manifest-reader";

/** Snapshots after `baseId` up to `head`, newest first; the base must be an ancestor. */
export function snapshotsSince(
  metadata: TableMetadata,
  head: Snapshot | undefined,
  baseId: bigint | undefined,
): Snapshot[] {
  const out: Snapshot[] = [];
  let at = head;
  while (at && at.snapshotId !== baseId) {
    out.push(at);
    if (at.parentSnapshotId === undefined) break;
    const parent = snapshotById(metadata, at.parentSnapshotId);
    if (!parent) throw historyLost(baseId, at.parentSnapshotId);
    at = parent;
  }
  if (baseId !== undefined && at?.snapshotId !== baseId) throw historyLost(baseId, undefined);
  return out;
}

function historyLost(baseId: bigint | undefined, missing: bigint | undefined): WriteConflictError {
  return new WriteConflictError(
    `The branch no longer descends from snapshot ${baseId} (rolled back, or history expired)`,
    false,
    { base: baseId?.toString(), missing: missing?.toString() },
  );
}

export interface SnapshotChanges {
  added: LiveFile[];
  deleted: LiveFile[];
}

/** Files a snapshot itself added or deleted (entries it wrote, in manifests it wrote). */
export async function changesOf(
  reader: ManifestReader,
  snapshot: Snapshot,
): Promise<SnapshotChanges> {
  const out: SnapshotChanges = { added: [], deleted: [] };
  const own = (await reader.manifestFiles(snapshot)).filter(
    (m) => m.addedSnapshotId === snapshot.snapshotId,
  );
  for (const manifest of own) {
    for (const entry of await reader.entries(manifest)) {
      if (!madeBy(entry, snapshot)) continue;
      if (entry.status === "added") out.added.push({ entry, manifest });
      if (entry.status === "deleted") out.deleted.push({ entry, manifest });
    }
  }
  return out;
}

function madeBy(entry: ResolvedManifestEntry, snapshot: Snapshot): boolean {
  return entry.snapshotId === snapshot.snapshotId;
}
