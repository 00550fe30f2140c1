import { describe, expect, it } from "vitest";
import { CommitConflictError } from "./errors";
import { checkRequirements } from "./requirements";
import { appendChain, sampleTable, UUID } from "./test-support";
import type { TableRequirement } from "./types";

// main at 2 (parent 1); tag "audit" at 1. Schema 0, spec 0, order 1, last column 16, last partition 1001.
const table = (() => {
  const meta = appendChain(sampleTable(), [1n, 2n]);
  return { ...meta, refs: { ...meta.refs, audit: { snapshotId: 1n, type: "tag" as const } } };
})();

describe("requirements that hold", () => {
  // biome-ignore format: one case a line
  const holding: TableRequirement[] = [
    { type: "assert-table-uuid", uuid: UUID },
    { type: "assert-table-uuid", uuid: UUID.toUpperCase() },
    { type: "assert-ref-snapshot-id", ref: "main", snapshotId: 2n },
    { type: "assert-ref-snapshot-id", ref: "audit", snapshotId: 1n },
    { type: "assert-ref-snapshot-id", ref: "dev", snapshotId: null },
    { type: "assert-last-assigned-field-id", lastAssignedFieldId: 16 },
    { type: "assert-current-schema-id", currentSchemaId: 0 },
    { type: "assert-last-assigned-partition-id", lastAssignedPartitionId: 1001 },
    { type: "assert-default-spec-id", defaultSpecId: 0 },
    { type: "assert-default-sort-order-id", defaultSortOrderId: 1 },
  ];

  it.each(holding)("$type %#", (requirement) => {
    expect(() => checkRequirements(table, [requirement])).not.toThrow();
  });

  it("all together, and assert-create on no table", () => {
    expect(() => checkRequirements(table, holding)).not.toThrow();
    expect(() => checkRequirements(null, [{ type: "assert-create" }])).not.toThrow();
    expect(() => checkRequirements(table, [])).not.toThrow();
  });
});

describe("requirements that fail", () => {
  // biome-ignore format: one case a line
  const failing: [TableRequirement, unknown, unknown, string][] = [
    [{ type: "assert-create" }, null, UUID, "the table already exists"],
    [{ type: "assert-table-uuid", uuid: "00000000-0000-0000-0000-000000000001" }, "00000000-0000-0000-0000-000000000001", UUID, `the table UUID has changed: expected 00000000-0000-0000-0000-000000000001, found ${UUID}`],
    [{ type: "assert-ref-snapshot-id", ref: "main", snapshotId: 1n }, 1n, 2n, "branch main has moved: expected snapshot 1, found 2"],
    [{ type: "assert-ref-snapshot-id", ref: "audit", snapshotId: 2n }, 2n, 1n, "tag audit has moved: expected snapshot 2, found 1"],
    [{ type: "assert-ref-snapshot-id", ref: "main", snapshotId: null }, null, 2n, "branch main already exists (at snapshot 2)"],
    [{ type: "assert-ref-snapshot-id", ref: "dev", snapshotId: 5n }, 5n, null, "branch or tag dev no longer exists: expected snapshot 5"],
    [{ type: "assert-last-assigned-field-id", lastAssignedFieldId: 15 }, 15, 16, "the last assigned field id has changed: expected 15, found 16"],
    [{ type: "assert-current-schema-id", currentSchemaId: 1 }, 1, 0, "the current schema has changed: expected schema 1, found schema 0"],
    [{ type: "assert-last-assigned-partition-id", lastAssignedPartitionId: 1000 }, 1000, 1001, "the last assigned partition field id has changed: expected 1000, found 1001"],
    [{ type: "assert-default-spec-id", defaultSpecId: 1 }, 1, 0, "the default partition spec has changed: expected spec 1, found spec 0"],
    [{ type: "assert-default-sort-order-id", defaultSortOrderId: 0 }, 0, 1, "the default sort order has changed: expected order 0, found order 1"],
  ];

  it.each(failing)("$type %#", (requirement, expected, actual, message) => {
    const error = catchConflict(() => checkRequirements(table, [requirement]));
    expect(error).toMatchObject({ requirement, expected, actual, retryable: false, message });
  });

  it("stops at the first that fails", () => {
    const requirements = failing.map(([r]) => r).slice(2);
    const error = catchConflict(() => checkRequirements(table, requirements));
    expect(error.requirement).toBe(requirements[0]);
  });

  it("every requirement but assert-create fails when the table does not exist", () => {
    const error = catchConflict(() =>
      checkRequirements(null, [{ type: "assert-table-uuid", uuid: UUID }]),
    );
    expect(error).toMatchObject({
      expected: UUID,
      actual: null,
      message: "the table does not exist",
    });
    expect(() =>
      checkRequirements(null, [{ type: "assert-ref-snapshot-id", ref: "main", snapshotId: null }]),
    ).toThrow("the table does not exist");
  });
});

function catchConflict(fn: () => void): CommitConflictError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CommitConflictError) return error;
    throw error;
  }
  throw new Error("expected a CommitConflictError");
}
