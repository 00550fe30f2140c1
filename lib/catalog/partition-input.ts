/** "Partition by month(order_date), bucket(16, id)" as data, turned into an Iceberg spec. */
import { AppError } from "@/lib/errors";
import { findFieldByName, type PartitionSpec, type Schema } from "@/lib/iceberg/spec";
import { canTransform, defaultPartitionName, parseTransform, transformToString } from "@/lib/iceberg/transforms";

export interface PartitionFieldInput {
  column: string;
  /** identity, bucket[N], truncate[W], year, month, day, hour, void */
  transform: string;
  name?: string;
}

export function partitionSpecFromInput(schema: Schema, fields: PartitionFieldInput[] = []): PartitionSpec {
  const names = new Set<string>();
  const specFields = fields.map((input, i) => {
    const field = findFieldByName(schema, input.column);
    if (!field) throw new AppError("bad_request", `Cannot partition by ${input.column}: there is no such column.`);
    const transform = parseTransform(input.transform);
    if (transform.kind === "unknown") throw new AppError("bad_request", `Unknown partition transform "${input.transform}".`);
    if (typeof field.type !== "string" || !canTransform(transform, field.type)) {
      throw new AppError("bad_request", `Cannot partition by ${transformToString(transform)} of ${input.column}: it is of type ${typeof field.type === "string" ? field.type : field.type.type}.`);
    }
    const name = input.name ?? defaultPartitionName(transform, input.column);
    if (names.has(name)) throw new AppError("bad_request", `Two partition fields are named ${name}.`);
    names.add(name);
    return { sourceId: field.id, fieldId: 1000 + i, name, transform: transformToString(transform) };
  });
  return { specId: 0, fields: specFields };
}
