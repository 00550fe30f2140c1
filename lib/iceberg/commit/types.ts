/**
 * A table commit, in the shape of the Iceberg REST `CommitTableRequest`: requirements the
 * current metadata must meet, and updates that produce the new metadata. Every write in
 * Tarn — from the studio, ingestion or a REST client — is one of these, applied by the
 * catalog with compare-and-swap on the table's metadata pointer.
 *
 * camelCase here; `commit/json.ts` maps to and from the REST spec's kebab-case JSON.
 */
import type {
  EncryptionKey,
  FormatVersion,
  PartitionField,
  PartitionStatisticsFile,
  Schema,
  Snapshot,
  SnapshotRef,
  SortOrder,
  StatisticsFile,
} from "../spec/types";

export type TableRequirement =
  | { type: "assert-create" }
  | { type: "assert-table-uuid"; uuid: string }
  /** `snapshotId: null` asserts the ref does not exist. */
  | { type: "assert-ref-snapshot-id"; ref: string; snapshotId: bigint | null }
  | { type: "assert-last-assigned-field-id"; lastAssignedFieldId: number }
  | { type: "assert-current-schema-id"; currentSchemaId: number }
  | { type: "assert-last-assigned-partition-id"; lastAssignedPartitionId: number }
  | { type: "assert-default-spec-id"; defaultSpecId: number }
  | { type: "assert-default-sort-order-id"; defaultSortOrderId: number };

/** -1 in set-current-schema / set-default-spec / set-default-sort-order means "the one added last in this commit". */
export const LAST_ADDED = -1;

export type TableUpdate =
  | { action: "assign-uuid"; uuid: string }
  | { action: "upgrade-format-version"; formatVersion: FormatVersion }
  | {
      action: "add-schema";
      schema: Schema /** deprecated in the spec; accepted, ignored */;
      lastColumnId?: number;
    }
  | { action: "set-current-schema"; schemaId: number }
  | { action: "add-spec"; spec: UnboundPartitionSpec }
  | { action: "set-default-spec"; specId: number }
  | { action: "add-sort-order"; sortOrder: SortOrder }
  | { action: "set-default-sort-order"; sortOrderId: number }
  | { action: "add-snapshot"; snapshot: Snapshot }
  | ({ action: "set-snapshot-ref"; refName: string } & SnapshotRef)
  | { action: "remove-snapshots"; snapshotIds: bigint[] }
  | { action: "remove-snapshot-ref"; refName: string }
  | { action: "set-location"; location: string }
  | { action: "set-properties"; updates: Record<string, string> }
  | { action: "remove-properties"; removals: string[] }
  | { action: "set-statistics"; snapshotId?: bigint; statistics: StatisticsFile }
  | { action: "remove-statistics"; snapshotId: bigint }
  | { action: "set-partition-statistics"; partitionStatistics: PartitionStatisticsFile }
  | { action: "remove-partition-statistics"; snapshotId: bigint }
  | { action: "remove-partition-specs"; specIds: number[] }
  | { action: "remove-schemas"; schemaIds: number[] }
  | { action: "add-encryption-key"; encryptionKey: EncryptionKey }
  | { action: "remove-encryption-key"; keyId: string };

export interface TableCommit {
  requirements: TableRequirement[];
  updates: TableUpdate[];
}

/**
 * A partition spec as an add-spec carries it: the REST spec makes `spec-id` and each
 * `field-id` optional. The spec id is always (re)assigned when the update applies; a
 * missing field id is assigned then too (see apply-spec.ts). A `PartitionSpec` is one.
 */
export interface UnboundPartitionSpec {
  specId?: number;
  fields: UnboundPartitionField[];
}

export type UnboundPartitionField = Omit<PartitionField, "fieldId"> & { fieldId?: number };

/** The REST `TableIdentifier` a `CommitTableRequest` may name. */
export interface TableIdentifier {
  namespace: string[];
  name: string;
}

/** A REST `CommitTableRequest`: a commit, with the table it is for when sent in a transaction. */
export interface CommitTableRequest extends TableCommit {
  identifier?: TableIdentifier;
}

export type TableUpdateAction = TableUpdate["action"];
export type TableRequirementType = TableRequirement["type"];
