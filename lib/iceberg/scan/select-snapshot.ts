/**
 * Which snapshot a scan reads, and with which schema.
 *
 * Iceberg's rule for the schema (Java's `SnapshotUtil.schemaFor`): reading the current
 * state or a branch uses the table's current schema; time travel to a snapshot id, a time
 * or a tag uses the schema the snapshot was written with, so columns added later are not
 * there and dropped ones are.
 */
import {
  currentSchema,
  currentSnapshot,
  type Schema,
  type Snapshot,
  schemaById,
  snapshotById,
  type TableMetadata,
} from "../spec";
import { ScanError } from "./errors";

export type SnapshotSelector =
  | { type: "current" }
  | { type: "snapshot-id"; snapshotId: bigint }
  /** The latest snapshot at or before this time (ms since the epoch, UTC). */
  | { type: "as-of"; timestampMs: number }
  /** A branch or tag. */
  | { type: "ref"; name: string };

export interface SelectedSnapshot {
  /** Absent for a table without snapshots: it scans to zero rows. */
  snapshot?: Snapshot;
  schema: Schema;
}

export function selectSnapshot(
  metadata: TableMetadata,
  selector: SnapshotSelector = { type: "current" },
): SelectedSnapshot {
  switch (selector.type) {
    case "current":
      return { snapshot: currentSnapshot(metadata), schema: currentSchema(metadata) };
    case "snapshot-id":
      return travelTo(metadata, requireSnapshot(metadata, selector.snapshotId));
    case "as-of":
      return travelTo(
        metadata,
        requireSnapshot(metadata, snapshotIdAsOf(metadata, selector.timestampMs)),
      );
    case "ref":
      return byRef(metadata, selector.name);
  }
}

/**
 * The id of the snapshot that was current at `timestampMs` (Java's
 * `SnapshotUtil.snapshotIdAsOfTime`): the last snapshot-log entry at or before that time.
 * Tables whose writers kept no log fall back to the snapshots' own timestamps.
 */
export function snapshotIdAsOf(metadata: TableMetadata, timestampMs: number): bigint {
  const log = metadata.snapshotLog.length
    ? metadata.snapshotLog
    : [...metadata.snapshots]
        .sort((a, b) => a.timestampMs - b.timestampMs)
        .map((s) => ({ snapshotId: s.snapshotId, timestampMs: s.timestampMs }));
  let found: bigint | undefined;
  for (const entry of log) {
    if (entry.timestampMs <= timestampMs) found = entry.snapshotId;
  }
  if (found === undefined) {
    throw new ScanError(
      "no-snapshot-at-time",
      `No snapshot of this table is at or before ${new Date(timestampMs).toISOString()}; its first snapshot is later.`,
      { timestampMs },
    );
  }
  return found;
}

function byRef(metadata: TableMetadata, name: string): SelectedSnapshot {
  const ref = metadata.refs[name];
  if (!ref) {
    const known = Object.keys(metadata.refs).sort().join(", ") || "none";
    throw new ScanError("ref-not-found", `No branch or tag named "${name}" (known: ${known}).`, {
      ref: name,
    });
  }
  const snapshot = requireSnapshot(metadata, ref.snapshotId);
  return ref.type === "branch"
    ? { snapshot, schema: currentSchema(metadata) }
    : travelTo(metadata, snapshot);
}

function travelTo(metadata: TableMetadata, snapshot: Snapshot): SelectedSnapshot {
  const schema =
    snapshot.schemaId === undefined ? undefined : schemaById(metadata, snapshot.schemaId);
  return { snapshot, schema: schema ?? currentSchema(metadata) };
}

function requireSnapshot(metadata: TableMetadata, snapshotId: bigint): Snapshot {
  const snapshot = snapshotById(metadata, snapshotId);
  if (!snapshot) {
    throw new ScanError("snapshot-not-found", `No snapshot with id ${snapshotId} in this table.`, {
      snapshotId,
    });
  }
  return snapshot;
}
