/**
 * How a view commit fails. A malformed body or an update that cannot apply is a
 * `CommitValidationError` (shared with table commits: the REST layer answers 400); a
 * requirement that no longer holds is a `ViewConflictError` (409), final like its table
 * counterpart — the caller reloads the view and rebuilds its commit.
 */
import type { ViewRequirement } from "./types";

export { CommitValidationError } from "../commit";

export class ViewConflictError extends Error {
  override name = "ViewConflictError";
  readonly retryable = false;

  constructor(
    readonly requirement: ViewRequirement,
    readonly expected: string | null,
    readonly actual: string | null,
    message: string,
  ) {
    super(message);
  }
}
