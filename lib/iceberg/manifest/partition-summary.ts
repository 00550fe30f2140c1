/**
 * Partition summaries of a manifest-list row: for each partition field, whether any
 * file has a null or NaN value, and the least and greatest other value, encoded in
 * single-value binary. Like Java's writer we count every entry, deleted ones included
 * (the summary only has to cover them, and a wider range is always safe).
 */
import { compareValues, toBinary } from "../values";
import type { FieldSummary, PartitionData, PartitionFieldType, PartitionValue } from "./types";

export function summarizePartitions(
  partitionType: PartitionFieldType[],
  partitions: Iterable<PartitionData>,
): FieldSummary[] {
  const all = [...partitions];
  return partitionType.map((field) => summarizeField(field, all));
}

function summarizeField(field: PartitionFieldType, partitions: PartitionData[]): FieldSummary {
  let containsNull = false;
  let containsNan = false;
  let lower: PartitionValue | undefined;
  let upper: PartitionValue | undefined;
  for (const partition of partitions) {
    const value = partition.get(field.fieldId) ?? null;
    if (value === null) containsNull = true;
    else if (typeof value === "number" && Number.isNaN(value)) containsNan = true;
    else {
      // compareValues orders -0.0 before +0.0, as the spec requires of bounds.
      if (lower === undefined || compareValues(field.type, value, lower) < 0) lower = value;
      if (upper === undefined || compareValues(field.type, value, upper) > 0) upper = value;
    }
  }
  const summary: FieldSummary = { containsNull, containsNan };
  if (lower !== undefined) summary.lowerBound = toBinary(field.type, lower);
  if (upper !== undefined) summary.upperBound = toBinary(field.type, upper);
  return summary;
}
