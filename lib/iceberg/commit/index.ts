/**
 * `lib/iceberg/commit` — table commits as the REST spec has them: requirements + updates.
 * (Provisional face; completed below as the builders land.)
 */
export { type ApplyOptions, applyUpdates } from "./apply";
export {
  CommitConflictError,
  CommitValidationError,
  type RequirementValue,
} from "./errors";
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
export { checkRequirements } from "./requirements";
export * from "./types";
