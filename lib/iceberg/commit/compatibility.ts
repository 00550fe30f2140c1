/**
 * Whether partition and sort fields fit a schema — Java's `PartitionSpec.checkCompatibility`
 * and `SortOrder.checkCompatibility`: each source column exists, is primitive, and the
 * transform accepts its type. Void partition fields are exempt (v1 keeps a dropped
 * field as void, and its column may since have gone). Transforms this code does not
 * know are accepted, as Java accepts them.
 */
import { indexFieldsById, type Schema, type SchemaField, type TableMetadata } from "../spec";
import { canTransform, parseTransform, TransformError, transformToString } from "../transforms";

interface SourcedField {
  sourceId: number;
  sourceIds?: number[];
  transform: string;
}

/** Why a field cannot apply to the schema, or undefined when it can. */
export function sourceProblem(field: SourcedField, schema: Schema): string | undefined {
  if (parseTransform(field.transform).kind === "void") return undefined;
  const index = indexFieldsById(schema);
  const sourceIds = field.sourceIds ?? [field.sourceId];
  for (const sourceId of sourceIds) {
    const source = index.get(sourceId);
    if (!source) return `source column ${sourceId} is not in schema ${schema.schemaId}`;
    if (typeof source.type !== "string") {
      return `source column ${source.fullName} is a ${source.type.type}, not a primitive`;
    }
    // Multi-argument (v3) transforms are not known here; only single sources are typed.
    if (sourceIds.length === 1 && !canTransform(field.transform, source.type)) {
      return `${field.transform} cannot apply to ${source.fullName} of type ${source.type}`;
    }
  }
  return undefined;
}

/** The transform as Java writes it ("bucket[16]", "day"); unknown ones are kept as written. */
export function canonicalTransform(transform: string): string | { problem: string } {
  try {
    return transformToString(parseTransform(transform));
  } catch (error) {
    if (error instanceof TransformError) return { problem: error.message };
    throw error;
  }
}

/** Transforms whose values stay the same when a date column becomes a timestamp. */
const DATE_SAFE = new Set(["year", "month", "day", "void"]);

/**
 * Why promoting `field` to `type` would change some partition's values, if it would.
 * The spec forbids such promotions; of the allowed ones only date → timestamp can
 * (identity and bucket values differ; year, month and day do not).
 */
export function partitionChangedByPromotion(
  meta: TableMetadata,
  field: SchemaField,
  type: string,
): string | undefined {
  if (field.type !== "date" || type === "date") return undefined;
  for (const spec of meta.partitionSpecs) {
    for (const partition of spec.fields) {
      const sources = partition.sourceIds ?? [partition.sourceId];
      if (sources.includes(field.id) && !DATE_SAFE.has(parseTransform(partition.transform).kind)) {
        return `partition field ${partition.name} (spec ${spec.specId}) would change its values`;
      }
    }
  }
  return undefined;
}
