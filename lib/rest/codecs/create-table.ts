/**
 * `CreateTableRequest` → what `createTable` / `stageCreate` take. The schema, partition
 * spec and write order are read with the spec module's codecs (field ids as the client
 * sent them; the catalog assigns fresh ones, as Java's `newTableMetadata` does). The
 * partition spec is handed over by column name and transform: its source ids refer to
 * the request's schema.
 */
import { z } from "zod";
import type { CreateTableInput, PartitionFieldInput } from "@/lib/catalog";
import { parseInput } from "@/lib/errors";
import {
  findFieldById,
  IcebergValidationError,
  type JsonValue,
  type PartitionSpec,
  readPartitionSpec,
  readSchema,
  readSortOrder,
  type Schema,
} from "@/lib/iceberg/spec";
import { badRequest } from "../errors";

const envelope = z.object({
  name: z.string({ error: "must be a string" }),
  location: z.string({ error: "must be a string" }).nullish(),
  schema: z.custom<JsonValue>((v) => v !== undefined && v !== null, { error: "is required" }),
  "partition-spec": z.custom<JsonValue>().nullish(),
  "write-order": z.custom<JsonValue>().nullish(),
  "stage-create": z.boolean({ error: "must be a boolean" }).nullish(),
  properties: z.record(z.string(), z.string({ error: "values must be strings" }), { error: "must be an object of strings" }).nullish(),
});

export interface CreateTableRequest {
  name: string;
  stageCreate: boolean;
  input: CreateTableInput;
}

export function createTableFromJson(body: JsonValue): CreateTableRequest {
  const request = parseInput(envelope, body);
  return specErrorsAsBadRequest(() => {
    const schema = readSchema(request.schema, "schema", { defaultSchemaId: 0 });
    const input: CreateTableInput = { schema, properties: request.properties ?? undefined, location: request.location ?? undefined };
    if (request["partition-spec"] != null) {
      input.partitionBy = partitionFields(schema, readPartitionSpec(request["partition-spec"], "partition-spec", { fieldIdsOptional: true, specId: 0 }));
    }
    if (request["write-order"] != null) input.sortOrder = readSortOrder(request["write-order"], "write-order");
    return { name: request.name, stageCreate: request["stage-create"] ?? false, input };
  });
}

function partitionFields(schema: Schema, spec: PartitionSpec): PartitionFieldInput[] {
  return spec.fields.map((field, i) => {
    if (field.sourceIds && field.sourceIds.length > 1) throw badRequest(`partition-spec.fields[${i}]: multi-argument transforms are not supported yet.`);
    const source = findFieldById(schema, field.sourceId);
    if (!source) throw badRequest(`partition-spec.fields[${i}].source-id: there is no field ${field.sourceId} in the schema.`);
    return { column: source.fullName, transform: field.transform, name: field.name };
  });
}

function specErrorsAsBadRequest<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof IcebergValidationError) throw badRequest(error.message);
    throw error;
  }
}
