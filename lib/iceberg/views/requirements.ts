/** Checking a view commit's requirements against the view's current metadata (`null`: no view). */
import type { ViewMetadata } from "../spec";
import { ViewConflictError } from "./errors";
import type { ViewRequirement } from "./types";

export function checkViewRequirements(
  current: ViewMetadata | null,
  requirements: readonly ViewRequirement[],
): void {
  for (const requirement of requirements) {
    const actual = current?.viewUuid ?? null;
    // UUIDs compare case-insensitively: the same view may be spelled either way.
    if (actual !== null && actual.toLowerCase() === requirement.uuid.toLowerCase()) continue;
    const message =
      actual === null
        ? "the view does not exist"
        : `the view UUID has changed: expected ${requirement.uuid}, found ${actual}`;
    throw new ViewConflictError(requirement, requirement.uuid, actual, message);
  }
}
