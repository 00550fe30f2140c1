/**
 * Applying a commit's updates to table metadata, with the semantics of Java's
 * `TableMetadata.Builder` (which the REST catalog servers of Java, Polaris and
 * iceberg-rust share): ids of schemas, specs and sort orders are assigned here, equal
 * ones are re-used, `-1` names the one added last, the snapshot and metadata logs are
 * kept, and the result is validated.
 *
 * Pure: `base` is never mutated, and the caller supplies the clock. When the updates
 * change nothing, `base` itself is returned (`===`), so a catalog can skip the write.
 */
import type { FormatVersion, TableMetadata } from "../spec";
import { MetadataDraft } from "./apply-draft";
import { addSchema, removeSchemas, setCurrentSchema } from "./apply-schema";
import { addSnapshot, removeSnapshotRef, removeSnapshots, setSnapshotRef } from "./apply-snapshot";
import { addSortOrder, setDefaultSortOrder } from "./apply-sort-order";
import { addSpec, removeSpecs, setDefaultSpec } from "./apply-spec";
import {
  addEncryptionKey,
  assignUuid,
  removeEncryptionKey,
  removePartitionStatistics,
  removeProperties,
  removeStatistics,
  setLocation,
  setPartitionStatistics,
  setProperties,
  setStatistics,
  upgradeFormatVersion,
} from "./apply-table";
import { asCommitValidation } from "./errors";
import { finish } from "./finish";
import type { TableUpdate, TableUpdateAction } from "./types";

export interface ApplyOptions {
  /** Epoch milliseconds: last-updated-ms and snapshot-log times when no added snapshot gives one. */
  now: number;
  /**
   * The metadata file `base` was read from. It joins the metadata log (stamped with
   * `base`'s last-updated-ms), which keeps `write.metadata.previous-versions-max`
   * (default 100) entries.
   */
  previousMetadataLocation?: string;
}

type Applier<A extends TableUpdateAction> = (
  draft: MetadataDraft,
  update: Extract<TableUpdate, { action: A }>,
) => void;

const APPLIERS: { [A in TableUpdateAction]: Applier<A> } = {
  "assign-uuid": assignUuid,
  "upgrade-format-version": upgradeFormatVersion,
  "add-schema": addSchema,
  "set-current-schema": setCurrentSchema,
  "add-spec": addSpec,
  "set-default-spec": setDefaultSpec,
  "add-sort-order": addSortOrder,
  "set-default-sort-order": setDefaultSortOrder,
  "add-snapshot": addSnapshot,
  "set-snapshot-ref": setSnapshotRef,
  "remove-snapshots": removeSnapshots,
  "remove-snapshot-ref": removeSnapshotRef,
  "set-location": setLocation,
  "set-properties": setProperties,
  "remove-properties": removeProperties,
  "set-statistics": setStatistics,
  "remove-statistics": removeStatistics,
  "set-partition-statistics": setPartitionStatistics,
  "remove-partition-statistics": removePartitionStatistics,
  "remove-partition-specs": removeSpecs,
  "remove-schemas": removeSchemas,
  "add-encryption-key": addEncryptionKey,
  "remove-encryption-key": removeEncryptionKey,
};

/**
 * `base === null` creates a table: the updates build it from nothing (Java's
 * `buildFromEmpty`), in the format version of its first upgrade-format-version (2
 * without one). Invalid updates throw `CommitValidationError` naming `updates[i]`.
 */
export function applyUpdates(
  base: TableMetadata | null,
  updates: readonly TableUpdate[],
  options: ApplyOptions,
): TableMetadata {
  const draft = new MetadataDraft(base, options.now, base?.formatVersion ?? createVersion(updates));
  updates.forEach((update, i) => {
    draft.path = `updates[${i}]`;
    applyOne(draft, update);
  });
  if (base && !draft.changed) return base;
  return asCommitValidation("", () => finish(draft, options.previousMetadataLocation));
}

function applyOne(draft: MetadataDraft, update: TableUpdate): void {
  const apply = Object.hasOwn(APPLIERS, update.action)
    ? (APPLIERS[update.action] as Applier<TableUpdateAction>)
    : undefined;
  if (!apply) draft.fail(`unknown update action "${update.action}"`);
  asCommitValidation(draft.path, () => apply(draft, update as never));
}

const DEFAULT_FORMAT_VERSION: FormatVersion = 2;

function createVersion(updates: readonly TableUpdate[]): FormatVersion {
  const upgrade = updates.find((u) => u.action === "upgrade-format-version");
  return upgrade?.formatVersion ?? DEFAULT_FORMAT_VERSION;
}
