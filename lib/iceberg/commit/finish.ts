/**
 * What Java's `TableMetadata.Builder.build()` does once every update has applied:
 * fill in a new table's defaults, check that the default spec and sort order still fit
 * the current schema, settle the snapshot log, stamp last-updated-ms, record the
 * previous metadata file, and validate the result as a metadata reader would.
 */
import {
  IcebergValidationError,
  type MetadataLogEntry,
  type SnapshotLogEntry,
  schemaById,
  type TableMetadata,
  validateTableMetadata,
} from "../spec";
import type { MetadataDraft } from "./apply-draft";
import { sourceProblem } from "./compatibility";
import { CommitValidationError } from "./errors";
import { previousVersionsMax } from "./properties";

export function finish(draft: MetadataDraft, previousMetadataLocation?: string): TableMetadata {
  draft.path = "";
  if (!draft.base) fillNewTableDefaults(draft);
  checkDefaultsFitSchema(draft);
  settleSnapshotLog(draft);
  const meta = draft.meta;
  meta.lastUpdatedMs = draft.lastUpdatedMs ?? draft.now;
  if (draft.base && previousMetadataLocation) {
    meta.metadataLog = appendMetadataLog(meta, {
      metadataFile: previousMetadataLocation,
      timestampMs: draft.base.lastUpdatedMs,
    });
  }
  try {
    validateTableMetadata(meta);
  } catch (error) {
    if (!(error instanceof IcebergValidationError)) throw error;
    throw new CommitValidationError(`the updates leave invalid metadata: ${error.message}`);
  }
  return meta;
}

/**
 * A table created from updates needs a location and a current schema. Unlike Java,
 * a missing uuid is generated and a missing spec or sort order means unpartitioned
 * and unsorted, so a minimal create commit is enough.
 */
function fillNewTableDefaults(draft: MetadataDraft): void {
  const meta = draft.meta;
  if (!meta.location) draft.fail("a new table needs a location (set-location)");
  if (!meta.tableUuid) meta.tableUuid = crypto.randomUUID();
  if (meta.currentSchemaId < 0) {
    draft.fail("a new table needs a current schema (add-schema, then set-current-schema -1)");
  }
  if (meta.partitionSpecs.length === 0) {
    meta.partitionSpecs.push({ specId: 0, fields: [] });
    meta.defaultSpecId = 0;
  }
  if (meta.defaultSpecId < 0)
    draft.fail("a new table needs a default partition spec (set-default-spec)");
  if (meta.sortOrders.length === 0) {
    meta.sortOrders.push({ orderId: 0, fields: [] });
    meta.defaultSortOrderId = 0;
  }
  if (meta.defaultSortOrderId < 0) {
    draft.fail("a new table needs a default sort order (set-default-sort-order)");
  }
}

/** Java's `checkCompatibility` of the default spec and sort order against the current schema. */
function checkDefaultsFitSchema(draft: MetadataDraft): void {
  const meta = draft.meta;
  const schema = schemaById(meta, meta.currentSchemaId);
  if (!schema) draft.fail(`the current schema ${meta.currentSchemaId} does not exist`);
  const spec = meta.partitionSpecs.find((s) => s.specId === meta.defaultSpecId);
  for (const field of spec?.fields ?? []) {
    const problem = sourceProblem(field, schema);
    if (problem) {
      draft.fail(`default partition spec ${meta.defaultSpecId}, field ${field.name}: ${problem}`);
    }
  }
  const order = meta.sortOrders.find((o) => o.orderId === meta.defaultSortOrderId);
  for (const field of order?.fields ?? []) {
    const problem = sourceProblem(field, schema);
    if (problem) draft.fail(`default sort order ${meta.defaultSortOrderId}: ${problem}`);
  }
}

/**
 * Java's `updateSnapshotLog`. A commit that adds several snapshots and moves main
 * through them logs only the one main ends at (the others were never current). An
 * entry for a snapshot that no longer exists drops every entry before it too, so the
 * log never shows a later snapshot as current across a time it was not. When main
 * moved, the last entry must be the current snapshot.
 */
function settleSnapshotLog(draft: MetadataDraft): void {
  const meta = draft.meta;
  const current = meta.currentSnapshotId;
  const intermediate = new Set(draft.addedSnapshotsSetOnMain.filter((id) => id !== current));
  const existing = new Set(meta.snapshots.map((s) => s.snapshotId));
  let log: SnapshotLogEntry[] = [];
  for (const entry of meta.snapshotLog) {
    if (!existing.has(entry.snapshotId)) log = [];
    else if (!intermediate.has(entry.snapshotId)) log.push(entry);
  }
  meta.snapshotLog = log;
  const mainMoved = current !== draft.base?.currentSnapshotId;
  const last = log.at(-1);
  if (mainMoved && current !== undefined && last && last.snapshotId !== current) {
    draft.fail(
      `the snapshot log's latest entry (${last.snapshotId}) is not the current snapshot ${current}`,
    );
  }
}

/** The previous metadata file joins the log, which keeps `write.metadata.previous-versions-max` entries. */
function appendMetadataLog(meta: TableMetadata, entry: MetadataLogEntry): MetadataLogEntry[] {
  const log = [...meta.metadataLog, entry];
  return log.slice(Math.max(0, log.length - previousVersionsMax(meta.properties)));
}
