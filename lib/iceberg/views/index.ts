/**
 * `lib/iceberg/views` — Iceberg views (view spec v1) as the REST spec commits them:
 * requirements (`assert-view-uuid`) and updates applied with Java's
 * `ViewMetadata.Builder` semantics. Pure: no files, no database; the catalog does the
 * compare-and-swap (lib/catalog/views.ts).
 *
 * ```ts
 * import { newViewMetadata, replaceViewCommit, checkViewRequirements, applyViewUpdates, viewCommitFromJson } from "@/lib/iceberg/views";
 *
 * const { metadata } = newViewMetadata({ location, schema, representations: [{ type: "sql", sql, dialect: "duckdb" }], defaultNamespace: ["sales"] });
 * const commit = replaceViewCommit(metadata, { schema, representations, defaultNamespace });  // or, from a client:
 * const request = viewCommitFromJson(parseJson(body));  // CommitValidationError → 400
 *
 * // The catalog, against the metadata current *now*:
 * checkViewRequirements(current, request.requirements);   // ViewConflictError → 409
 * const next = applyViewUpdates(current, request.updates, { now: Date.now() });  // === current when nothing changed
 * ```
 *
 * Version ids: an added version equal to an existing one (same SQL, schema, defaults,
 * summary) re-uses it; else it gets the next free id. `-1` means "added last in this
 * commit" for `set-current-view-version` and a version's `schema-id`. Versions beyond
 * `version.history.num-entries` (default 10) expire; the current version and the ones
 * this commit added always stay.
 */
export { type ApplyViewOptions, applyViewUpdates } from "./apply";
export { SUPPORTED_VIEW_FORMAT_VERSION, ViewMetadataBuilder } from "./builder";
export { CommitValidationError, ViewConflictError } from "./errors";
export {
  createViewRequestFromJson,
  VIEW_REQUIREMENT_TYPES,
  VIEW_UPDATE_ACTIONS,
  viewCommitFromJson,
  viewCommitToJson,
  viewRequirementFromJson,
  viewRequirementToJson,
  viewUpdateFromJson,
  viewUpdateToJson,
} from "./json";
export {
  type NewViewOptions,
  newViewMetadata,
  replaceViewCommit,
  type ViewDefinition,
} from "./new-view";
export {
  REPLACE_APPEND_DIALECT_ALLOWED,
  REPLACE_DROP_DIALECT_ALLOWED,
  VERSION_HISTORY_SIZE,
  VERSION_HISTORY_SIZE_DEFAULT,
  VIEW_COMMENT,
} from "./properties";
export { checkViewRequirements } from "./requirements";
export * from "./types";
export { dialectsOf, sameViewVersion, sqlFor } from "./versions";
