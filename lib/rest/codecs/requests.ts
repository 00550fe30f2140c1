/**
 * Request bodies of the spec that carry no Iceberg metadata, checked with zod: a wrong
 * shape is a 400 naming the field (`namespace: Expected array`). Bodies that carry
 * schemas, specs, snapshots or view versions go through the spec module's codecs
 * instead (create-table.ts, and the commit codecs).
 *
 * Shapes are not strict: the spec lets servers ignore fields they do not know.
 */
import { z } from "zod";
import type { JsonValue } from "@/lib/iceberg/spec";
import { parseInput } from "@/lib/errors";

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const NO_CONTROL = /^[^\u0000-\u001f\u007f]*$/;
const noControl = "cannot contain control characters";
const name = z.string({ error: "must be a string" }).regex(NO_CONTROL, noControl);
const namespace = z.array(z.string({ error: "namespace levels must be strings" }).regex(NO_CONTROL, noControl), { error: "must be an array of strings" });
const stringMap = z.record(z.string(), z.string({ error: "values must be strings" }), { error: "must be an object of strings" });

export const tableIdentifier = z.object({ namespace, name }, { error: "must be an object with namespace and name" });

export const createNamespaceRequest = z.object({ namespace, properties: stringMap.nullish() });

export const updateNamespacePropertiesRequest = z.object({
  removals: z.array(z.string({ error: "must be strings" }), { error: "must be an array of strings" }).nullish(),
  updates: stringMap.nullish(),
});

export const renameRequest = z.object({ source: tableIdentifier, destination: tableIdentifier });

export const registerTableRequest = z.object({
  name,
  "metadata-location": z.string({ error: "must be a string" }),
  overwrite: z.boolean({ error: "must be a boolean" }).nullish(),
});

export const registerViewRequest = z.object({ name, "metadata-location": z.string({ error: "must be a string" }) });

export const reportMetricsRequest = z.object({
  "report-type": z.string({ error: "must be a string" }),
  "table-name": z.string({ error: "must be a string" }),
});

/** Parses a body that carries no bigints (JSON numbers beyond 2^53 are a type error here). */
export function parseRequest<S extends z.ZodType>(schema: S, body: JsonValue): z.output<S> {
  return parseInput(schema, body);
}
