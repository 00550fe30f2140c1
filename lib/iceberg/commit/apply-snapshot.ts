/**
 * add-snapshot, set-snapshot-ref, remove-snapshots, remove-snapshot-ref — Java's
 * `TableMetadata.Builder` semantics. The snapshot log is settled once all updates
 * have applied (finish.ts), because a commit may move main more than once.
 */
import { MAIN_BRANCH, type Snapshot, type SnapshotRef } from "../spec";
import type { MetadataDraft } from "./apply-draft";
import type { TableUpdate } from "./types";

type Update<A extends TableUpdate["action"]> = Extract<TableUpdate, { action: A }>;

export function addSnapshot(draft: MetadataDraft, { snapshot }: Update<"add-snapshot">): void {
  const meta = draft.meta;
  if (meta.schemas.length === 0) draft.fail("add a schema before adding a snapshot");
  if (meta.snapshots.some((s) => s.snapshotId === snapshot.snapshotId)) {
    draft.fail(`snapshot ${snapshot.snapshotId} already exists`);
  }
  checkSequenceNumber(draft, snapshot);
  if (draft.formatVersion >= 3) assignRowIds(draft, snapshot);
  meta.snapshots.push(snapshot);
  meta.lastSequenceNumber = Math.max(meta.lastSequenceNumber, snapshot.sequenceNumber);
  draft.lastUpdatedMs = snapshot.timestampMs;
  draft.addedSnapshotIds.add(snapshot.snapshotId);
  draft.changed = true;
}

/**
 * v1 has no sequence numbers. From v2 on a snapshot with a parent must be newer than
 * every snapshot before it (Java lets a parentless one, as a table replace writes,
 * through; the table's last-sequence-number never goes back either way).
 */
function checkSequenceNumber(draft: MetadataDraft, snapshot: Snapshot): void {
  const { snapshotId: id, sequenceNumber: seq } = snapshot;
  if (draft.formatVersion === 1) {
    if (seq !== 0) draft.fail(`snapshot ${id} has sequence number ${seq}, but format v1 has none`);
    return;
  }
  const last = draft.meta.lastSequenceNumber;
  if (snapshot.parentSnapshotId !== undefined && seq <= last) {
    draft.fail(
      `snapshot ${id} has sequence number ${seq}, which is not above the table's last sequence number ${last}`,
    );
  }
}

/**
 * v3 row lineage: the snapshot's row ids start at or after the table's next-row-id,
 * which then moves past them. (Java adds added-rows to next-row-id; starting from the
 * snapshot's first-row-id instead keeps "higher than every assigned row id" true even
 * when a writer left a gap.)
 */
function assignRowIds(draft: MetadataDraft, snapshot: Snapshot): void {
  const { snapshotId: id, firstRowId, addedRows } = snapshot;
  const next = draft.meta.nextRowId ?? 0;
  if (firstRowId === undefined) draft.fail(`snapshot ${id} needs a first-row-id in format v3`);
  if (addedRows === undefined) draft.fail(`snapshot ${id} needs added-rows in format v3`);
  if (firstRowId < next) {
    draft.fail(
      `snapshot ${id} has first-row-id ${firstRowId}, behind the table's next-row-id ${next}`,
    );
  }
  draft.meta.nextRowId = firstRowId + addedRows;
}

export function setSnapshotRef(draft: MetadataDraft, update: Update<"set-snapshot-ref">): void {
  const meta = draft.meta;
  const { refName: name, ...fields } = withoutAction(update);
  const ref = cleanRef(fields);
  checkRef(draft, name, ref);
  const existing = Object.hasOwn(meta.refs, name) ? meta.refs[name] : undefined;
  if (existing && sameRef(existing, ref)) return;
  const snapshot = meta.snapshots.find((s) => s.snapshotId === ref.snapshotId);
  if (!snapshot) draft.fail(`cannot set ${ref.type} ${name} to unknown snapshot ${ref.snapshotId}`);
  const added = draft.addedSnapshotIds.has(ref.snapshotId);
  if (added) draft.lastUpdatedMs = snapshot.timestampMs;
  if (name === MAIN_BRANCH) {
    meta.currentSnapshotId = ref.snapshotId;
    draft.lastUpdatedMs ??= draft.now;
    meta.snapshotLog.push({ snapshotId: ref.snapshotId, timestampMs: draft.lastUpdatedMs });
    if (added) draft.addedSnapshotsSetOnMain.push(ref.snapshotId);
  }
  meta.refs[name] = ref;
  draft.changed = true;
}

function withoutAction(update: Update<"set-snapshot-ref">) {
  const { action: _, ...rest } = update;
  return rest;
}

function checkRef(draft: MetadataDraft, name: string, ref: SnapshotRef): void {
  if (!name) draft.fail("a ref needs a name");
  if (name === MAIN_BRANCH && ref.type !== "branch") draft.fail("main must be a branch, not a tag");
  if (
    ref.type === "tag" &&
    (ref.minSnapshotsToKeep !== undefined || ref.maxSnapshotAgeMs !== undefined)
  ) {
    draft.fail(
      `tag ${name} cannot set min-snapshots-to-keep or max-snapshot-age-ms (branch settings)`,
    );
  }
  for (const key of ["minSnapshotsToKeep", "maxSnapshotAgeMs", "maxRefAgeMs"] as const) {
    const value = ref[key];
    if (value !== undefined && !(value > 0))
      draft.fail(`${name}: ${key} must be positive, not ${value}`);
  }
}

/** Only the ref's own fields, with no `undefined` entries, so refs compare cleanly. */
function cleanRef(fields: SnapshotRef): SnapshotRef {
  const ref: SnapshotRef = { snapshotId: fields.snapshotId, type: fields.type };
  if (fields.minSnapshotsToKeep !== undefined) ref.minSnapshotsToKeep = fields.minSnapshotsToKeep;
  if (fields.maxSnapshotAgeMs !== undefined) ref.maxSnapshotAgeMs = fields.maxSnapshotAgeMs;
  if (fields.maxRefAgeMs !== undefined) ref.maxRefAgeMs = fields.maxRefAgeMs;
  return ref;
}

function sameRef(a: SnapshotRef, b: SnapshotRef): boolean {
  return (
    a.snapshotId === b.snapshotId &&
    a.type === b.type &&
    a.minSnapshotsToKeep === b.minSnapshotsToKeep &&
    a.maxSnapshotAgeMs === b.maxSnapshotAgeMs &&
    a.maxRefAgeMs === b.maxRefAgeMs
  );
}

/** Removes snapshots, their statistics, and every ref left pointing at a removed one. */
export function removeSnapshots(draft: MetadataDraft, update: Update<"remove-snapshots">): void {
  const meta = draft.meta;
  const remove = new Set(update.snapshotIds);
  const kept = meta.snapshots.filter((s) => !remove.has(s.snapshotId));
  if (kept.length === meta.snapshots.length) return;
  meta.snapshots = kept;
  meta.statistics = meta.statistics.filter((s) => !remove.has(s.snapshotId));
  meta.partitionStatistics = meta.partitionStatistics.filter((s) => !remove.has(s.snapshotId));
  for (const [name, ref] of Object.entries(meta.refs)) {
    if (remove.has(ref.snapshotId)) removeRef(draft, name);
  }
  draft.changed = true;
}

export function removeSnapshotRef(draft: MetadataDraft, update: Update<"remove-snapshot-ref">) {
  removeRef(draft, update.refName);
}

/** Removing main leaves the table without a current snapshot. */
function removeRef(draft: MetadataDraft, name: string): void {
  const meta = draft.meta;
  if (name === MAIN_BRANCH && meta.currentSnapshotId !== undefined) {
    delete meta.currentSnapshotId;
    draft.changed = true;
  }
  if (!Object.hasOwn(meta.refs, name)) return;
  delete meta.refs[name];
  draft.changed = true;
}
