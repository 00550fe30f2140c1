/**
 * Reading the parts of format v1 metadata that v2 made mandatory.
 *
 * v1 wrote a single `schema` and `partition-spec`; later v1 writers added the v2 lists
 * (`schemas`, `partition-specs`, `sort-orders`) next to them. The lists win when they
 * are complete. Where a v1 file leaves an id out we follow iceberg-rust, the most
 * forgiving of the reference readers, so every table a real engine wrote still opens:
 * - `schemas` without `current-schema-id`: the current schema is `schema`, found in the
 *   list by its fields;
 * - `partition-specs` without `default-spec-id`: the highest spec id (specs only grow);
 * - no `last-partition-id`: the highest partition field id (999 when there is none);
 * - no `sort-orders`: the table is unsorted (order 0);
 * - no `table-uuid`: the nil UUID (writers assign a real one on their next commit).
 */
import { IcebergValidationError } from "./errors";
import type { ObjectReader } from "./json-reader";
import {
  FIRST_PARTITION_FIELD_ID,
  readPartitionFields,
  readPartitionSpec,
  readSortOrder,
} from "./partition-json";
import { readSchema } from "./schema-json";
import { sameType } from "./type-promotion";
import type { PartitionSpec, Schema, SortOrder } from "./types";

export const NIL_UUID = "00000000-0000-0000-0000-000000000000";

export function readV1Schemas(root: ObjectReader): { schemas: Schema[]; currentSchemaId: number } {
  const options = { formatVersion: 1, defaultSchemaId: 0 } as const;
  const schemas = root.optionalList("schemas", (item, path) => readSchema(item, path, options));
  const currentSchemaId = root.optionalInt("current-schema-id");
  if (schemas && currentSchemaId !== undefined) return { schemas, currentSchemaId };
  if (!root.has("schema")) {
    const problem = schemas
      ? "no valid schema: 'schemas' is given without 'current-schema-id', and there is no 'schema'"
      : "missing required field (format v1 needs 'schema' or 'schemas' with 'current-schema-id')";
    throw new IcebergValidationError("schema", problem);
  }
  const current = readSchema(root.required("schema"), "schema", options);
  if (!schemas) return { schemas: [current], currentSchemaId: current.schemaId };
  const match = schemas.find((schema) => sameType(schema, current));
  if (!match) {
    throw new IcebergValidationError(
      "schema",
      "matches no entry of 'schemas', and 'current-schema-id' is missing",
    );
  }
  return { schemas, currentSchemaId: match.schemaId };
}

export function readV1PartitionSpecs(root: ObjectReader) {
  const options = { fieldIdsOptional: true };
  let partitionSpecs: PartitionSpec[];
  let defaultSpecId: number;
  if (root.has("partition-specs")) {
    partitionSpecs = root.list("partition-specs", (item, path) =>
      readPartitionSpec(item, path, options),
    );
    if (partitionSpecs.length === 0) {
      throw new IcebergValidationError("partition-specs", "must contain at least one spec");
    }
    defaultSpecId =
      root.optionalInt("default-spec-id") ?? Math.max(...partitionSpecs.map((s) => s.specId));
  } else {
    const fields = root.array(
      "partition-spec",
      " (format v1 needs 'partition-spec' or 'partition-specs')",
    );
    partitionSpecs = [
      { specId: 0, fields: readPartitionFields(fields, "partition-spec", options) },
    ];
    defaultSpecId = 0;
  }
  const highestFieldId = Math.max(
    FIRST_PARTITION_FIELD_ID - 1,
    ...partitionSpecs.flatMap((spec) => spec.fields.map((f) => f.fieldId)),
  );
  const lastPartitionId = root.optionalInt("last-partition-id") ?? highestFieldId;
  return { partitionSpecs, defaultSpecId, lastPartitionId };
}

export function readV1SortOrders(root: ObjectReader): {
  sortOrders: SortOrder[];
  defaultSortOrderId: number;
} {
  if (!root.has("sort-orders"))
    return { sortOrders: [{ orderId: 0, fields: [] }], defaultSortOrderId: 0 };
  const sortOrders = root.list("sort-orders", readSortOrder);
  return { sortOrders, defaultSortOrderId: root.optionalInt("default-sort-order-id") ?? 0 };
}
