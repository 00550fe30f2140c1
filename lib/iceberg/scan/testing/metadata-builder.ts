/**
 * Test support: small in-memory table metadata for unit tests of snapshot selection and
 * delete attachment, without files.
 */
import type { Schema, Snapshot, TableMetadata } from "../../spec";

export const SCHEMA_V0: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [{ id: 1, name: "id", required: false, type: "long" }],
};

export const SCHEMA_V1: Schema = {
  type: "struct",
  schemaId: 1,
  fields: [...SCHEMA_V0.fields, { id: 2, name: "added", required: false, type: "string" }],
};

export function snapshot(id: number, timestampMs: number, extra: Partial<Snapshot> = {}): Snapshot {
  return {
    snapshotId: BigInt(id),
    sequenceNumber: id,
    timestampMs,
    manifestList: `/t/metadata/snap-${id}.avro`,
    summary: { operation: "append" },
    ...extra,
  };
}

export function tableMetadata(overrides: Partial<TableMetadata> = {}): TableMetadata {
  return {
    formatVersion: 2,
    tableUuid: "00000000-0000-0000-0000-000000000001",
    location: "/t",
    lastSequenceNumber: 0,
    lastUpdatedMs: 0,
    lastColumnId: 2,
    schemas: [SCHEMA_V0, SCHEMA_V1],
    currentSchemaId: 1,
    partitionSpecs: [
      { specId: 0, fields: [] },
      {
        specId: 1,
        fields: [{ sourceId: 1, fieldId: 1000, name: "id_bucket", transform: "bucket[4]" }],
      },
    ],
    defaultSpecId: 0,
    lastPartitionId: 1000,
    properties: {},
    snapshots: [],
    snapshotLog: [],
    metadataLog: [],
    sortOrders: [{ orderId: 0, fields: [] }],
    defaultSortOrderId: 0,
    refs: {},
    statistics: [],
    partitionStatistics: [],
    ...overrides,
  };
}
