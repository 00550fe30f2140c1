/**
 * Checking a commit's requirements against the table's current metadata (`null` when
 * the table does not exist). The first requirement that fails throws a
 * `CommitConflictError` saying what was expected and what was found.
 */
import type { TableMetadata } from "../spec";
import { CommitConflictError, type RequirementValue } from "./errors";
import type { TableRequirement } from "./types";

export function checkRequirements(
  current: TableMetadata | null,
  requirements: readonly TableRequirement[],
): void {
  for (const requirement of requirements) checkRequirement(current, requirement);
}

function checkRequirement(current: TableMetadata | null, requirement: TableRequirement): void {
  if (requirement.type === "assert-create") {
    if (current) conflict(requirement, null, current.tableUuid, "the table already exists");
    return;
  }
  if (!current) {
    conflict(requirement, expectedValue(requirement), null, "the table does not exist");
  }
  if (requirement.type === "assert-table-uuid") checkUuid(current, requirement);
  else if (requirement.type === "assert-ref-snapshot-id") checkRef(current, requirement);
  else checkId(current, requirement);
}

function checkUuid(
  current: TableMetadata,
  requirement: Extract<TableRequirement, { type: "assert-table-uuid" }>,
) {
  // UUIDs compare case-insensitively: the same table may be spelled either way.
  if (current.tableUuid.toLowerCase() === requirement.uuid.toLowerCase()) return;
  const message = `the table UUID has changed: expected ${requirement.uuid}, found ${current.tableUuid}`;
  conflict(requirement, requirement.uuid, current.tableUuid, message);
}

function checkRef(
  current: TableMetadata,
  requirement: Extract<TableRequirement, { type: "assert-ref-snapshot-id" }>,
) {
  const ref = Object.hasOwn(current.refs, requirement.ref)
    ? current.refs[requirement.ref]
    : undefined;
  const actual = ref?.snapshotId ?? null;
  const expected = requirement.snapshotId;
  if (actual === expected) return;
  const name = `${ref?.type ?? "branch or tag"} ${requirement.ref}`;
  let message: string;
  if (expected === null) message = `${name} already exists (at snapshot ${actual})`;
  else if (actual === null) message = `${name} no longer exists: expected snapshot ${expected}`;
  else message = `${name} has moved: expected snapshot ${expected}, found ${actual}`;
  conflict(requirement, expected, actual, message);
}

type IdRequirement = Exclude<
  TableRequirement,
  { type: "assert-create" | "assert-table-uuid" | "assert-ref-snapshot-id" }
>;

/** What each plain-id requirement compares, and how to say it. */
const ID_CHECKS: Record<
  IdRequirement["type"],
  { actual: (m: TableMetadata) => number; what: string; unit: string }
> = {
  "assert-last-assigned-field-id": {
    actual: (m) => m.lastColumnId,
    what: "last assigned field id",
    unit: "",
  },
  "assert-current-schema-id": {
    actual: (m) => m.currentSchemaId,
    what: "current schema",
    unit: "schema ",
  },
  "assert-last-assigned-partition-id": {
    actual: (m) => m.lastPartitionId,
    what: "last assigned partition field id",
    unit: "",
  },
  "assert-default-spec-id": {
    actual: (m) => m.defaultSpecId,
    what: "default partition spec",
    unit: "spec ",
  },
  "assert-default-sort-order-id": {
    actual: (m) => m.defaultSortOrderId,
    what: "default sort order",
    unit: "order ",
  },
};

function checkId(current: TableMetadata, requirement: IdRequirement) {
  const check = ID_CHECKS[requirement.type];
  const expected = expectedValue(requirement) as number;
  const actual = check.actual(current);
  if (actual === expected) return;
  const message = `the ${check.what} has changed: expected ${check.unit}${expected}, found ${check.unit}${actual}`;
  conflict(requirement, expected, actual, message);
}

function expectedValue(requirement: TableRequirement): RequirementValue {
  switch (requirement.type) {
    case "assert-create":
      return null;
    case "assert-table-uuid":
      return requirement.uuid;
    case "assert-ref-snapshot-id":
      return requirement.snapshotId;
    case "assert-last-assigned-field-id":
      return requirement.lastAssignedFieldId;
    case "assert-current-schema-id":
      return requirement.currentSchemaId;
    case "assert-last-assigned-partition-id":
      return requirement.lastAssignedPartitionId;
    case "assert-default-spec-id":
      return requirement.defaultSpecId;
    case "assert-default-sort-order-id":
      return requirement.defaultSortOrderId;
  }
}

function conflict(
  requirement: TableRequirement,
  expected: RequirementValue,
  actual: RequirementValue,
  message: string,
): never {
  throw new CommitConflictError(requirement, expected, actual, message);
}
