/**
 * Name mapping (table property `schema.name-mapping.default`): how to find the columns of
 * data files written without Parquet field ids — files added from a Hive table or written
 * by tools that know nothing of Iceberg. Each entry gives the names a field has had and
 * its id; nested fields nest.
 */
import { ScanError } from "./errors";

export const NAME_MAPPING_PROPERTY = "schema.name-mapping.default";

export interface MappedField {
  names: string[];
  fieldId?: number;
  fields: MappedField[];
}

export type NameMapping = MappedField[];

export function parseNameMapping(text: string): NameMapping {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ScanError("invalid-file", `${NAME_MAPPING_PROPERTY} is not valid JSON.`);
  }
  return readFields(json, NAME_MAPPING_PROPERTY);
}

export function nameMappingOf(properties: Record<string, string>): NameMapping | undefined {
  const text = properties[NAME_MAPPING_PROPERTY];
  return text === undefined ? undefined : parseNameMapping(text);
}

/** The mapped field a column name refers to at one level of the mapping. */
export function findMapped(fields: readonly MappedField[], name: string): MappedField | undefined {
  return fields.find((field) => field.names.includes(name));
}

function readFields(json: unknown, where: string): MappedField[] {
  if (!Array.isArray(json)) {
    throw new ScanError("invalid-file", `${where} must be a list of mapped fields.`);
  }
  return json.map((item, i) => readField(item, `${where}[${i}]`));
}

function readField(json: unknown, where: string): MappedField {
  if (typeof json !== "object" || json === null) {
    throw new ScanError("invalid-file", `${where} must be an object.`);
  }
  const record = json as Record<string, unknown>;
  const names = Array.isArray(record.names) ? record.names.filter(isString) : [];
  const id = record["field-id"];
  return {
    names,
    ...(typeof id === "number" ? { fieldId: id } : {}),
    fields: record.fields === undefined ? [] : readFields(record.fields, `${where}.fields`),
  };
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}
