/**
 * How a manifest's partition tuple is laid out: for each Avro field of the `partition`
 * record, its partition field id, name and Iceberg type. Ids come from the Avro
 * `field-id`; a writer that left them out gets the `partition-spec` metadata's ids by
 * position, then v1's convention (1000, 1001, …).
 */
import type { PartitionField } from "../spec/types";
import type { AvroRecordSchema } from "./avro/schema-json";
import { fromAvroValue, icebergTypeOfAvro } from "./partition-values";
import type { PartitionData, PartitionFieldType } from "./types";

export interface PartitionSlot extends PartitionFieldType {
  avroName: string;
}

export function partitionLayout(
  record: AvroRecordSchema | undefined,
  spec: PartitionField[] | undefined,
): PartitionSlot[] {
  if (!record) return [];
  return record.fields.map((field, i) => {
    const fieldId = field["field-id"] ?? spec?.[i]?.fieldId ?? 1000 + i;
    // The spec's name, when known: Avro names may have been sanitized.
    const name = spec?.find((f) => f.fieldId === fieldId)?.name ?? field.name;
    return { fieldId, name, type: icebergTypeOfAvro(field.type), avroName: field.name };
  });
}

export function decodePartition(layout: PartitionSlot[], value: unknown): PartitionData {
  const record = (value ?? {}) as Record<string, unknown>;
  const partition: PartitionData = new Map();
  for (const slot of layout) {
    const raw = record[slot.avroName];
    partition.set(
      slot.fieldId,
      raw === null || raw === undefined ? null : fromAvroValue(slot.type, raw),
    );
  }
  return partition;
}
