import type { NestedField, PartitionSpec, Schema, StructType } from "../spec/types";
import { TransformError } from "./errors";
import { type PartitionPathField, partitionPath } from "./path";
import { resultType } from "./result-type";
import type { PrimitiveValue } from "../values";

/** Finds a field by id anywhere in the schema's structs (partition sources may be nested). */
export function findFieldById(schema: StructType, fieldId: number): NestedField | undefined {
  for (const field of schema.fields) {
    if (field.id === fieldId) return field;
    if (typeof field.type !== "string" && field.type.type === "struct") {
      const nested = findFieldById(field.type, fieldId);
      if (nested) return nested;
    }
  }
  return undefined;
}

function sourceTypeOf(schema: Schema, spec: PartitionSpec, sourceId: number): string {
  const field = findFieldById(schema, sourceId);
  if (!field || typeof field.type !== "string") {
    throw new TransformError(
      "unsupported-type",
      "",
      `Partition spec ${spec.specId} names source column ${sourceId}, which is not a primitive column of schema ${schema.schemaId}`,
    );
  }
  return field.type;
}

/**
 * The struct of a spec's partition values, as manifests store it: one optional field per
 * partition field, id = partition field id, type = the transform's result type.
 */
export function partitionStructType(spec: PartitionSpec, schema: Schema): StructType {
  return {
    type: "struct",
    fields: spec.fields.map((field) => ({
      id: field.fieldId,
      name: field.name,
      required: false,
      type: resultType(field.transform, sourceTypeOf(schema, spec, field.sourceId)),
    })),
  };
}

/** `partitionPath` for a spec of a table schema; `values` in spec field order. */
export function partitionPathForSpec(
  spec: PartitionSpec,
  schema: Schema,
  values: readonly (PrimitiveValue | null)[],
): string {
  const fields: PartitionPathField[] = spec.fields.map((field) => ({
    name: field.name,
    transform: field.transform,
    sourceType: sourceTypeOf(schema, spec, field.sourceId),
  }));
  return partitionPath(fields, values);
}
