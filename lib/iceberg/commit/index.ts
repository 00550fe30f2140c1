/**
 * `lib/iceberg/commit` — table commits as the Iceberg REST spec has them: requirements
 * the current metadata must meet, and updates that make the next metadata. Pure: no
 * files, no database; the catalog does the compare-and-swap, the writer makes snapshots.
 *
 * ```ts
 * import { UpdateSchema, checkRequirements, applyUpdates, commitFromJson } from "@/lib/iceberg/commit";
 *
 * // Build a commit from an intent, against the metadata as loaded…
 * const { requirements, updates } = new UpdateSchema(meta).addColumn("email", "string").commit();
 * // …or read one from a REST client (after `parseJson`, so ids stay exact bigints).
 * const request = commitFromJson(parseJson(body)); // CommitValidationError → 400
 *
 * // The catalog, inside its compare-and-swap, against the metadata current *now*:
 * checkRequirements(current, requirements);      // CommitConflictError → 409
 * const next = applyUpdates(current, updates, { now: Date.now(), previousMetadataLocation });
 * ```
 *
 * Builders: `newTableMetadata` (create), `UpdateSchema`, `UpdatePartitionSpec`,
 * `ManageSnapshots` (tags, branches, rollback), `planSnapshotExpiry`. Each returns
 * requirements + updates in the REST shape, so what Tarn does and what Spark sends
 * go through the same `checkRequirements` + `applyUpdates`.
 *
 * Retries (practice 5: a retry re-applies recorded actions to fresh metadata, never a
 * stale metadata object):
 * - When the metadata pointer moved, the catalog reloads the table and runs
 *   `checkRequirements` + `applyUpdates` again on the fresh metadata. A commit whose
 *   requirements still hold there applies as is: ids of new schemas, specs and sort
 *   orders are assigned at apply time, `-1` finds what the commit itself added.
 * - A requirement that fails is final: `CommitConflictError.retryable` is false. The
 *   caller must rebuild the commit from its intent on the fresh metadata (the writers'
 *   `build(fresh)`; the builders here, run again).
 * - An append whose branch moved may instead be re-based: `rebaseSnapshotCommit`
 *   renumbers its snapshot (parent, sequence number, row ids) and branch assertion for
 *   the fresh metadata. Appends only, and the writer must rewrite the manifest list to
 *   match — see rebase.ts. The writer decides when to use it.
 *
 * Semantics follow Java's `TableMetadata.Builder` (the reference REST servers share it);
 * replaying real Spark and PyIceberg histories reproduces their metadata files exactly
 * (replay.test.ts). Where this module differs from Java, the file says so.
 */
export { ancestorsOf, isAncestorOf } from "./ancestry";
export { type ApplyOptions, applyUpdates } from "./apply";
export {
  CommitConflictError,
  CommitValidationError,
  type RequirementValue,
} from "./errors";
export { type ExpireOptions, type ExpiryPlan, planSnapshotExpiry } from "./expire";
export {
  type ExpiredFiles,
  filesToDeleteAfterExpiry,
  type ManifestFileLister,
} from "./expire-files";
export {
  commitFromJson,
  commitToJson,
  REQUIREMENT_TYPES,
  requirementFromJson,
  requirementToJson,
  UPDATE_ACTIONS,
  updateFromJson,
  updateToJson,
} from "./json";
export { type NewTable, type NewTableOptions, newTableMetadata } from "./new-table";
export {
  expiryDefaults,
  METADATA_PREVIOUS_VERSIONS_MAX,
  RESERVED_PROPERTIES,
} from "./properties";
export { rebaseSnapshotCommit, rebaseSnapshotUpdates } from "./rebase";
export { checkRequirements } from "./requirements";
export {
  type BranchRetention,
  ManageSnapshots,
  type RollbackOptions,
  type TagRetention,
} from "./snapshot-refs";
export * from "./types";
export {
  type AddColumnOptions,
  type SchemaChange,
  UpdateSchema,
  type UpdateSchemaOptions,
} from "./update-schema";
export { type SpecChange, UpdatePartitionSpec } from "./update-spec";
