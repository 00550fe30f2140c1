/** New table metadata for tests: a schema, a spec, properties, in a folder. Test support only. */
import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { highestFieldId } from "../../spec";
import type { FormatVersion, PartitionField, Schema, TableMetadata } from "../../spec/types";

export interface NewTable {
  folder: string;
  schema: Schema;
  partitionFields?: Omit<PartitionField, "fieldId">[];
  properties?: Record<string, string>;
  formatVersion?: FormatVersion;
  /** Record the location as `file:///…` (default) or as a bare path. */
  uri?: boolean;
}

export function newTableMetadata(t: NewTable): TableMetadata {
  const fields = (t.partitionFields ?? []).map((f, i) => ({ ...f, fieldId: 1000 + i }));
  return {
    formatVersion: t.formatVersion ?? 2,
    tableUuid: randomUUID(),
    location: t.uri === false ? t.folder : pathToFileURL(t.folder).href,
    lastSequenceNumber: 0,
    lastUpdatedMs: Date.now(),
    lastColumnId: highestFieldId(t.schema),
    schemas: [t.schema],
    currentSchemaId: t.schema.schemaId,
    partitionSpecs: [{ specId: 0, fields }],
    defaultSpecId: 0,
    lastPartitionId: fields.length === 0 ? 999 : 999 + fields.length,
    properties: t.properties ?? {},
    snapshots: [],
    snapshotLog: [],
    metadataLog: [],
    sortOrders: [{ orderId: 0, fields: [] }],
    defaultSortOrderId: 0,
    refs: {},
    statistics: [],
    partitionStatistics: [],
  };
}
