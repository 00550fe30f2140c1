/** REST `TableRequirement` JSON ↔ model. */
import type { JsonObject, JsonValue } from "../spec";
import { asLong, ObjectReader } from "../spec/json-reader";
import { asCommitValidation, CommitValidationError } from "./errors";
import type { TableRequirement, TableRequirementType } from "./types";

type Reader = (r: ObjectReader) => TableRequirement;

const READERS: Record<TableRequirementType, Reader> = {
  "assert-create": () => ({ type: "assert-create" }),
  "assert-table-uuid": (r) => ({ type: "assert-table-uuid", uuid: r.string("uuid") }),
  "assert-ref-snapshot-id": (r) => ({
    type: "assert-ref-snapshot-id",
    ref: r.string("ref"),
    snapshotId: nullableSnapshotId(r),
  }),
  "assert-last-assigned-field-id": (r) => ({
    type: "assert-last-assigned-field-id",
    lastAssignedFieldId: r.int("last-assigned-field-id"),
  }),
  "assert-current-schema-id": (r) => ({
    type: "assert-current-schema-id",
    currentSchemaId: r.int("current-schema-id"),
  }),
  "assert-last-assigned-partition-id": (r) => ({
    type: "assert-last-assigned-partition-id",
    lastAssignedPartitionId: r.int("last-assigned-partition-id"),
  }),
  "assert-default-spec-id": (r) => ({
    type: "assert-default-spec-id",
    defaultSpecId: r.int("default-spec-id"),
  }),
  "assert-default-sort-order-id": (r) => ({
    type: "assert-default-sort-order-id",
    defaultSortOrderId: r.int("default-sort-order-id"),
  }),
};

export const REQUIREMENT_TYPES = Object.keys(READERS) as TableRequirementType[];

/** Parses one REST requirement; `path` prefixes error messages (`requirements[0]`). */
export function requirementFromJson(value: JsonValue, path = ""): TableRequirement {
  return asCommitValidation("", () => {
    const reader = ObjectReader.of(value, path);
    const type = reader.string("type");
    const read = Object.hasOwn(READERS, type) ? READERS[type as TableRequirementType] : undefined;
    if (!read) {
      throw new CommitValidationError(
        `unknown requirement type "${type}" (expected one of ${REQUIREMENT_TYPES.join(", ")})`,
        reader.pathOf("type"),
      );
    }
    return read(reader);
  });
}

/** `snapshot-id` must be present; `null` asserts that the ref does not exist. */
function nullableSnapshotId(reader: ObjectReader): bigint | null {
  if (!Object.hasOwn(reader.json, "snapshot-id")) {
    throw new CommitValidationError(
      "missing required field (null asserts that the ref does not exist)",
      reader.pathOf("snapshot-id"),
    );
  }
  const value = reader.json["snapshot-id"];
  return value === null ? null : asLong(value, reader.pathOf("snapshot-id"));
}

export function requirementToJson(requirement: TableRequirement): JsonObject {
  switch (requirement.type) {
    case "assert-create":
      return { type: requirement.type };
    case "assert-table-uuid":
      return { type: requirement.type, uuid: requirement.uuid };
    case "assert-ref-snapshot-id":
      return {
        type: requirement.type,
        ref: requirement.ref,
        "snapshot-id": requirement.snapshotId,
      };
    case "assert-last-assigned-field-id":
      return {
        type: requirement.type,
        "last-assigned-field-id": requirement.lastAssignedFieldId,
      };
    case "assert-current-schema-id":
      return { type: requirement.type, "current-schema-id": requirement.currentSchemaId };
    case "assert-last-assigned-partition-id":
      return {
        type: requirement.type,
        "last-assigned-partition-id": requirement.lastAssignedPartitionId,
      };
    case "assert-default-spec-id":
      return { type: requirement.type, "default-spec-id": requirement.defaultSpecId };
    case "assert-default-sort-order-id":
      return { type: requirement.type, "default-sort-order-id": requirement.defaultSortOrderId };
  }
}
