/**
 * Cross-field rules of table metadata: ids are unique where the spec keys by them, and
 * every id the metadata points at (current schema, default spec and sort order, current
 * snapshot, refs) exists. Snapshot-log and parent ids may name expired snapshots, so
 * they are not checked. Neither are last-column-id and last-partition-id against the
 * ids in use: published reference metadata (iceberg-rust's examples) understates them,
 * and code that assigns new ids must take the maximum of both anyway.
 */
import { childPath, IcebergValidationError } from "./errors";
import type { TableMetadata } from "./types";
import { MAIN_BRANCH } from "./types";

export function validateTableMetadata(meta: TableMetadata): void {
  checkUnique(
    meta.schemas.map((s) => s.schemaId),
    "schemas",
    "schema-id",
    "schema id",
  );
  checkUnique(
    meta.partitionSpecs.map((s) => s.specId),
    "partition-specs",
    "spec-id",
    "partition spec id",
  );
  checkUnique(
    meta.sortOrders.map((o) => o.orderId),
    "sort-orders",
    "order-id",
    "sort order id",
  );
  checkUnique(
    meta.snapshots.map((s) => s.snapshotId),
    "snapshots",
    "snapshot-id",
    "snapshot id",
  );
  const schemaIds = meta.schemas.map((s) => s.schemaId);
  checkFound(meta.currentSchemaId, schemaIds, "current-schema-id", "schema", "schemas");
  const specIds = meta.partitionSpecs.map((s) => s.specId);
  checkFound(meta.defaultSpecId, specIds, "default-spec-id", "partition spec", "partition-specs");
  const orderIds = meta.sortOrders.map((o) => o.orderId);
  checkFound(
    meta.defaultSortOrderId,
    orderIds,
    "default-sort-order-id",
    "sort order",
    "sort-orders",
  );
  checkSnapshotPointers(meta);
  checkSequenceNumbers(meta);
}

function checkSnapshotPointers(meta: TableMetadata): void {
  const snapshotIds = meta.snapshots.map((s) => s.snapshotId);
  if (meta.currentSnapshotId !== undefined) {
    checkFound(meta.currentSnapshotId, snapshotIds, "current-snapshot-id", "snapshot", "snapshots");
  }
  for (const [name, ref] of Object.entries(meta.refs)) {
    const path = childPath(childPath("refs", name), "snapshot-id");
    checkFound(ref.snapshotId, snapshotIds, path, "snapshot", "snapshots");
  }
  const main = meta.refs[MAIN_BRANCH];
  if (main && main.type !== "branch") {
    throw new IcebergValidationError("refs.main.type", "main must be a branch");
  }
  if (main && main.snapshotId !== meta.currentSnapshotId) {
    const current = meta.currentSnapshotId ?? "not set";
    throw new IcebergValidationError(
      "refs.main.snapshot-id",
      `main branch points at snapshot ${main.snapshotId} but current-snapshot-id is ${current}`,
    );
  }
}

/** From v2 on, no snapshot can be newer than the table's last-sequence-number. */
function checkSequenceNumbers(meta: TableMetadata): void {
  if (meta.formatVersion === 1) return;
  meta.snapshots.forEach((snapshot, i) => {
    if (snapshot.sequenceNumber > meta.lastSequenceNumber) {
      throw new IcebergValidationError(
        childPath(childPath("snapshots", i), "sequence-number"),
        `${snapshot.sequenceNumber} is greater than last-sequence-number ${meta.lastSequenceNumber}`,
      );
    }
  });
}

function checkUnique<T>(ids: T[], listPath: string, key: string, what: string): void {
  const seen = new Set<T>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      throw new IcebergValidationError(
        childPath(childPath(listPath, i), key),
        `duplicate ${what} ${id}`,
      );
    }
    seen.add(id);
  });
}

function checkFound<T>(id: T, ids: T[], path: string, what: string, listName: string): void {
  if (ids.includes(id)) return;
  const known = ids.length > 0 ? ids.join(", ") : "none";
  throw new IcebergValidationError(path, `${what} ${id} not found in ${listName} (ids: ${known})`);
}
