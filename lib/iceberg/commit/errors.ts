/**
 * The two ways a commit fails.
 *
 * - `CommitValidationError`: the commit itself is wrong (a malformed REST body, an
 *   update sequence that cannot apply, a schema change that is not allowed). Retrying
 *   cannot help; the REST layer answers 400 with the message. `path` names the field
 *   at fault (`updates[2].schema.fields[0].type`) when there is one.
 * - `CommitConflictError`: a requirement no longer holds on the current metadata —
 *   someone else committed first. Also final (`retryable: false`): the caller must
 *   reload the table and rebuild its commit from its intent (REST answers 409).
 */
import { IcebergValidationError } from "../spec";
import type { TableRequirement } from "./types";

export class CommitValidationError extends Error {
  constructor(
    readonly problem: string,
    readonly path = "",
  ) {
    super(path ? `${path}: ${problem}` : problem);
    this.name = "CommitValidationError";
  }
}

/** A value a requirement compares: an id, a uuid, or null for "absent". */
export type RequirementValue = string | number | bigint | null;

export class CommitConflictError extends Error {
  /** Requirements are checked against the metadata current at commit time: never retryable. */
  readonly retryable = false;

  constructor(
    readonly requirement: TableRequirement,
    readonly expected: RequirementValue,
    readonly actual: RequirementValue,
    message: string,
  ) {
    super(message);
    this.name = "CommitConflictError";
  }
}

/** Runs `fn`; an `IcebergValidationError` from the spec module becomes a `CommitValidationError` under `path`. */
export function asCommitValidation<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof IcebergValidationError) {
      throw new CommitValidationError(error.problem, joinPath(path, error.path));
    }
    throw error;
  }
}

function joinPath(outer: string, inner: string): string {
  if (!outer) return inner;
  if (!inner) return outer;
  return inner.startsWith("[") ? `${outer}${inner}` : `${outer}.${inner}`;
}
