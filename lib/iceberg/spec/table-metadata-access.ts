/**
 * Lookups every user of table metadata needs: the current schema, the default spec and
 * sort order, snapshots by id. Each throws `IcebergValidationError` when the metadata
 * points at something it does not contain, which a parsed model never does.
 */
import { IcebergValidationError } from "./errors";
import type { PartitionSpec, Schema, Snapshot, SortOrder, TableMetadata } from "./types";
import { MAIN_BRANCH } from "./types";

export function schemaById(meta: TableMetadata, schemaId: number): Schema | undefined {
  return meta.schemas.find((schema) => schema.schemaId === schemaId);
}

export function currentSchema(meta: TableMetadata): Schema {
  return found(
    schemaById(meta, meta.currentSchemaId),
    "current-schema-id",
    "schema",
    meta.currentSchemaId,
  );
}

export function partitionSpecById(meta: TableMetadata, specId: number): PartitionSpec | undefined {
  return meta.partitionSpecs.find((spec) => spec.specId === specId);
}

export function defaultPartitionSpec(meta: TableMetadata): PartitionSpec {
  const spec = partitionSpecById(meta, meta.defaultSpecId);
  return found(spec, "default-spec-id", "partition spec", meta.defaultSpecId);
}

export function sortOrderById(meta: TableMetadata, orderId: number): SortOrder | undefined {
  return meta.sortOrders.find((order) => order.orderId === orderId);
}

export function defaultSortOrder(meta: TableMetadata): SortOrder {
  const order = sortOrderById(meta, meta.defaultSortOrderId);
  return found(order, "default-sort-order-id", "sort order", meta.defaultSortOrderId);
}

export function snapshotById(meta: TableMetadata, snapshotId: bigint): Snapshot | undefined {
  return meta.snapshots.find((snapshot) => snapshot.snapshotId === snapshotId);
}

/** The snapshot the table currently reads, or undefined for a table without data yet. */
export function currentSnapshot(meta: TableMetadata): Snapshot | undefined {
  if (meta.currentSnapshotId === undefined) return undefined;
  const snapshot = snapshotById(meta, meta.currentSnapshotId);
  return found(snapshot, "current-snapshot-id", "snapshot", meta.currentSnapshotId);
}

/** The snapshot a branch or tag points at (`main` by default). */
export function snapshotForRef(meta: TableMetadata, ref = MAIN_BRANCH): Snapshot | undefined {
  const target = meta.refs[ref];
  if (!target) return undefined;
  return found(
    snapshotById(meta, target.snapshotId),
    `refs.${ref}.snapshot-id`,
    "snapshot",
    target.snapshotId,
  );
}

function found<T>(value: T | undefined, path: string, what: string, id: number | bigint): T {
  if (value === undefined) throw new IcebergValidationError(path, `${what} ${id} not found`);
  return value;
}
