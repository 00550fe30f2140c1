/**
 * `TableMetadata` → JSON value in the spec's kebab-case layout and field order.
 *
 * v2 and v3 metadata are written as the spec lays them out. v1 metadata stays v1 (an
 * upgrade is a commit, not a side effect of saving) and is written the way Java writes
 * it: the v2 lists plus the legacy `schema` and `partition-spec` fields that older v1
 * readers need, without sequence numbers.
 */
import { IcebergValidationError } from "./errors";
import type { JsonObject } from "./json";
import { writePartitionField, writePartitionSpec, writeSortOrder } from "./partition-json";
import { writeSchema } from "./schema-json";
import {
  writeEncryptionKey,
  writeMetadataLogEntry,
  writePartitionStatisticsFile,
  writeRef,
  writeSnapshot,
  writeSnapshotLogEntry,
  writeStatisticsFile,
} from "./snapshot-json";
import { currentSchema, defaultPartitionSpec } from "./table-metadata-access";
import type { TableMetadata } from "./types";

/** What pre-v3 readers expect for "no current snapshot". */
const NO_SNAPSHOT = -1n;

export function writeTableMetadata(meta: TableMetadata): JsonObject {
  const v1 = meta.formatVersion === 1;
  if (v1) checkNoSequenceNumbers(meta);
  const out: JsonObject = {
    "format-version": meta.formatVersion,
    "table-uuid": meta.tableUuid,
    location: meta.location,
  };
  if (!v1) out["last-sequence-number"] = meta.lastSequenceNumber;
  out["last-updated-ms"] = meta.lastUpdatedMs;
  out["last-column-id"] = meta.lastColumnId;
  if (v1) out.schema = writeSchema(currentSchema(meta));
  out["current-schema-id"] = meta.currentSchemaId;
  out.schemas = meta.schemas.map(writeSchema);
  if (v1) out["partition-spec"] = defaultPartitionSpec(meta).fields.map(writePartitionField);
  out["default-spec-id"] = meta.defaultSpecId;
  out["partition-specs"] = meta.partitionSpecs.map(writePartitionSpec);
  out["last-partition-id"] = meta.lastPartitionId;
  out["default-sort-order-id"] = meta.defaultSortOrderId;
  out["sort-orders"] = meta.sortOrders.map(writeSortOrder);
  out.properties = { ...meta.properties };
  Object.assign(out, writeSnapshotSection(meta));
  if (meta.formatVersion >= 3) out["next-row-id"] = requireNextRowId(meta);
  if (meta.encryptionKeys !== undefined)
    out["encryption-keys"] = meta.encryptionKeys.map(writeEncryptionKey);
  return out;
}

function writeSnapshotSection(meta: TableMetadata): JsonObject {
  const refs = Object.entries(meta.refs).map(([name, ref]) => [name, writeRef(ref)] as const);
  return {
    "current-snapshot-id": meta.currentSnapshotId ?? NO_SNAPSHOT,
    refs: Object.fromEntries(refs),
    snapshots: meta.snapshots.map((snapshot) => writeSnapshot(snapshot, meta.formatVersion)),
    statistics: meta.statistics.map(writeStatisticsFile),
    "partition-statistics": meta.partitionStatistics.map(writePartitionStatisticsFile),
    "snapshot-log": meta.snapshotLog.map(writeSnapshotLogEntry),
    "metadata-log": meta.metadataLog.map(writeMetadataLogEntry),
  };
}

function requireNextRowId(meta: TableMetadata): number {
  if (meta.nextRowId === undefined) {
    throw new IcebergValidationError("next-row-id", "missing required field for format v3");
  }
  return meta.nextRowId;
}

/** v1 has no sequence numbers; a v1 model carrying some would lose them on write. */
function checkNoSequenceNumbers(meta: TableMetadata): void {
  if (meta.lastSequenceNumber !== 0) {
    throw new IcebergValidationError("last-sequence-number", "must be 0 in format v1");
  }
  const index = meta.snapshots.findIndex((snapshot) => snapshot.sequenceNumber !== 0);
  if (index >= 0) {
    throw new IcebergValidationError(
      `snapshots[${index}].sequence-number`,
      "must be 0 in format v1",
    );
  }
}
