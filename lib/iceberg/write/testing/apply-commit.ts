/**
 * Applies a commit the way the catalog does (requirements checked, then updates applied),
 * without a catalog: the write tests keep their table in memory. Test support only.
 */
import { applyUpdates, checkRequirements } from "../../commit";
import type { TableCommit } from "../../commit/types";
import type { TableMetadata } from "../../spec/types";

export { CommitConflictError } from "../../commit";

export function applyCommit(metadata: TableMetadata, commit: TableCommit): TableMetadata {
  checkRequirements(metadata, commit.requirements);
  return applyUpdates(metadata, commit.updates, { now: Date.now() });
}
