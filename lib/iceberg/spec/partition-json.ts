/**
 * Partition specs and sort orders between JSON and the model.
 *
 * Transforms are kept as written ("bucket[16]"): the transforms module interprets them,
 * and the spec asks readers to tolerate transforms they do not know. v3 multi-argument
 * transforms name their columns in `source-ids`; a single source is always `source-id`.
 */
import { childPath, IcebergValidationError } from "./errors";
import type { JsonObject, JsonValue } from "./json";
import { asInt, ObjectReader } from "./json-reader";
import type { PartitionField, PartitionSpec, SortField, SortOrder } from "./types";

/** Partition field ids start here (spec: "partition field IDs … start at 1000"). */
export const FIRST_PARTITION_FIELD_ID = 1000;

export interface SpecReadOptions {
  /** v1 specs may omit field ids; they are then numbered from 1000 in order. */
  fieldIdsOptional: boolean;
  /** Used when the JSON has no spec-id (the v1 `partition-spec` list). */
  specId?: number;
}

export function readPartitionSpec(
  value: JsonValue,
  path: string,
  options: SpecReadOptions,
): PartitionSpec {
  const reader = ObjectReader.of(value, path);
  const specId = options.specId ?? reader.int("spec-id");
  const fields = readPartitionFields(reader.array("fields"), reader.pathOf("fields"), options);
  return { specId, fields };
}

/** The fields of one spec; also the whole of a v1 `partition-spec`. */
export function readPartitionFields(
  items: JsonValue[],
  path: string,
  options: SpecReadOptions,
): PartitionField[] {
  const fields = items.map((item, i) => readPartitionField(item, childPath(path, i), i, options));
  checkUnique(fields, (f) => f.fieldId, path, "field-id", "partition field id");
  checkUnique(fields, (f) => f.name, path, "name", "partition field name");
  return fields;
}

function readPartitionField(
  value: JsonValue,
  path: string,
  position: number,
  options: SpecReadOptions,
) {
  const reader = ObjectReader.of(value, path);
  const name = reader.string("name");
  const transform = readTransform(reader);
  const fieldId = options.fieldIdsOptional
    ? (reader.optionalInt("field-id") ?? FIRST_PARTITION_FIELD_ID + position)
    : reader.int("field-id");
  const field: PartitionField = { ...readSources(reader), fieldId, name, transform };
  return field;
}

export function readSortOrder(value: JsonValue, path: string): SortOrder {
  const reader = ObjectReader.of(value, path);
  const orderId = reader.int("order-id");
  const fields = reader.list("fields", readSortField);
  if (orderId === 0 && fields.length > 0) {
    throw new IcebergValidationError(
      reader.pathOf("order-id"),
      "sort order id 0 is reserved for the unsorted order",
    );
  }
  return { orderId, fields };
}

function readSortField(value: JsonValue, path: string): SortField {
  const reader = ObjectReader.of(value, path);
  const transform = readTransform(reader);
  const direction = reader.string("direction");
  if (direction !== "asc" && direction !== "desc") {
    throw new IcebergValidationError(
      reader.pathOf("direction"),
      `expected "asc" or "desc", found "${direction}"`,
    );
  }
  const nullOrder = reader.string("null-order");
  if (nullOrder !== "nulls-first" && nullOrder !== "nulls-last") {
    throw new IcebergValidationError(
      reader.pathOf("null-order"),
      `expected "nulls-first" or "nulls-last", found "${nullOrder}"`,
    );
  }
  return { transform, ...readSources(reader), direction, nullOrder };
}

function readTransform(reader: ObjectReader): string {
  const transform = reader.string("transform").trim();
  if (!transform) throw new IcebergValidationError(reader.pathOf("transform"), "empty transform");
  return transform;
}

/** `source-id`, or v3 `source-ids` (a one-element list collapses to `source-id`). */
function readSources(reader: ObjectReader): { sourceId: number; sourceIds?: number[] } {
  const sourceIds = reader.optionalList("source-ids", asInt);
  if (sourceIds === undefined) return { sourceId: reader.int("source-id") };
  if (sourceIds.length === 0) {
    throw new IcebergValidationError(
      reader.pathOf("source-ids"),
      "must name at least one source field",
    );
  }
  const sourceId = reader.optionalInt("source-id") ?? sourceIds[0];
  if (sourceId !== sourceIds[0]) {
    throw new IcebergValidationError(
      reader.pathOf("source-id"),
      "does not match the first of source-ids",
    );
  }
  return sourceIds.length === 1 ? { sourceId } : { sourceId, sourceIds };
}

function checkUnique<T>(
  items: T[],
  keyOf: (item: T) => unknown,
  path: string,
  key: string,
  what: string,
): void {
  const seen = new Set<unknown>();
  items.forEach((item, i) => {
    const value = keyOf(item);
    if (seen.has(value)) {
      throw new IcebergValidationError(
        childPath(childPath(path, i), key),
        `duplicate ${what} ${JSON.stringify(value)}`,
      );
    }
    seen.add(value);
  });
}

export function writePartitionSpec(spec: PartitionSpec): JsonObject {
  return { "spec-id": spec.specId, fields: spec.fields.map(writePartitionField) };
}

export function writePartitionField(field: PartitionField): JsonObject {
  return {
    name: field.name,
    transform: field.transform,
    ...writeSources(field),
    "field-id": field.fieldId,
  };
}

export function writeSortOrder(order: SortOrder): JsonObject {
  return { "order-id": order.orderId, fields: order.fields.map(writeSortField) };
}

function writeSortField(field: SortField): JsonObject {
  return {
    transform: field.transform,
    ...writeSources(field),
    direction: field.direction,
    "null-order": field.nullOrder,
  };
}

function writeSources(field: { sourceId: number; sourceIds?: number[] }): JsonObject {
  if (field.sourceIds && field.sourceIds.length > 1) return { "source-ids": [...field.sourceIds] };
  return { "source-id": field.sourceId };
}
