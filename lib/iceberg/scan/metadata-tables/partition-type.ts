/**
 * The partition struct metadata tables show: every partition field of every spec, by
 * field id, with its transform's result type — so files of evolved specs share one
 * column (fields a file's spec lacks are NULL), as in Trino's `$files` and `$partitions`.
 */

import type { PartitionData } from "../../manifest";
import type { PartitionSpec, TableMetadata } from "../../spec";
import { findFieldById } from "../../spec";
import { resultType } from "../../transforms";

export interface PartitionColumn {
  fieldId: number;
  name: string;
  type: string;
}

export function partitionColumns(metadata: TableMetadata): PartitionColumn[] {
  const columns = new Map<number, PartitionColumn>();
  const names = new Set<string>();
  for (const spec of metadata.partitionSpecs) {
    for (const field of spec.fields) {
      if (columns.has(field.fieldId)) continue;
      const type = partitionFieldType(metadata, field.sourceId, field.transform);
      if (!type) continue;
      let name = field.name;
      for (let n = 1; names.has(name); n++) name = `${field.name}_${n}`;
      names.add(name);
      columns.set(field.fieldId, { fieldId: field.fieldId, name, type });
    }
  }
  return [...columns.values()];
}

/** A file's partition tuple as a struct value of `partitionColumns`. */
export function partitionValue(
  columns: readonly PartitionColumn[],
  partition: PartitionData,
): Record<string, unknown> {
  return Object.fromEntries(columns.map((c) => [c.name, partition.get(c.fieldId) ?? null]));
}

/** The result type of a spec's field `i`, for decoding manifest partition summaries. */
export function specFieldType(
  metadata: TableMetadata,
  spec: PartitionSpec | undefined,
  i: number,
): string | undefined {
  const field = spec?.fields[i];
  return field && partitionFieldType(metadata, field.sourceId, field.transform);
}

function partitionFieldType(
  metadata: TableMetadata,
  sourceId: number,
  transform: string,
): string | undefined {
  for (const schema of [...metadata.schemas].reverse()) {
    const source = findFieldById(schema, sourceId);
    if (source && typeof source.type === "string") {
      try {
        return resultType(transform, source.type);
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
