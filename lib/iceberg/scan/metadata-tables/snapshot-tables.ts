/**
 * `snapshots`, `history` and `refs`: read from the table metadata alone. Columns as
 * Trino's Iceberg connector names them (`$snapshots`, `$history`, `$refs`); `snapshots`
 * adds `sequence_number` and `schema_id` at the end.
 */
import type { TableMetadata } from "../../spec";
import type { MetadataTable } from "./relation";

export function snapshotsTable(metadata: TableMetadata): MetadataTable {
  return {
    columns: [
      { name: "committed_at", type: "TIMESTAMPTZ" },
      { name: "snapshot_id", type: "BIGINT" },
      { name: "parent_id", type: "BIGINT" },
      { name: "operation", type: "VARCHAR" },
      { name: "manifest_list", type: "VARCHAR" },
      { name: "summary", type: { map: ["VARCHAR", "VARCHAR"] } },
      { name: "sequence_number", type: "BIGINT" },
      { name: "schema_id", type: "INTEGER" },
    ],
    rows: [...metadata.snapshots]
      .sort((a, b) => a.timestampMs - b.timestampMs)
      .map((s) => ({
        committed_at: s.timestampMs,
        snapshot_id: s.snapshotId,
        parent_id: s.parentSnapshotId,
        operation: s.summary.operation,
        manifest_list: s.manifestList,
        summary: new Map(Object.entries(s.summary)),
        sequence_number: s.sequenceNumber,
        schema_id: s.schemaId,
      })),
  };
}

/** The snapshot log: when each snapshot became current, and whether it still leads to it. */
export function historyTable(metadata: TableMetadata): MetadataTable {
  const parents = new Map(metadata.snapshots.map((s) => [s.snapshotId, s.parentSnapshotId]));
  const ancestors = new Set<bigint>();
  for (let id = metadata.currentSnapshotId; id !== undefined; id = parents.get(id)) {
    if (ancestors.has(id)) break;
    ancestors.add(id);
  }
  return {
    columns: [
      { name: "made_current_at", type: "TIMESTAMPTZ" },
      { name: "snapshot_id", type: "BIGINT" },
      { name: "parent_id", type: "BIGINT" },
      { name: "is_current_ancestor", type: "BOOLEAN" },
    ],
    rows: metadata.snapshotLog.map((entry) => ({
      made_current_at: entry.timestampMs,
      snapshot_id: entry.snapshotId,
      parent_id: parents.get(entry.snapshotId),
      is_current_ancestor: ancestors.has(entry.snapshotId),
    })),
  };
}

export function refsTable(metadata: TableMetadata): MetadataTable {
  return {
    columns: [
      { name: "name", type: "VARCHAR" },
      { name: "type", type: "VARCHAR" },
      { name: "snapshot_id", type: "BIGINT" },
      { name: "max_reference_age_in_ms", type: "BIGINT" },
      { name: "min_snapshots_to_keep", type: "INTEGER" },
      { name: "max_snapshot_age_in_ms", type: "BIGINT" },
    ],
    rows: Object.entries(metadata.refs)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, ref]) => ({
        name,
        type: ref.type.toUpperCase(),
        snapshot_id: ref.snapshotId,
        max_reference_age_in_ms: ref.maxRefAgeMs,
        min_snapshots_to_keep: ref.minSnapshotsToKeep,
        max_snapshot_age_in_ms: ref.maxSnapshotAgeMs,
      })),
  };
}
