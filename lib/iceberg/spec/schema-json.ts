/**
 * Schemas and types between the spec's JSON (kebab-case) and the model (camelCase).
 *
 * Reading checks what a schema must satisfy on its own: known primitive type names
 * (canonicalised, see primitive-types.ts), v3-only types only in v3 tables, field ids
 * unique across the whole schema, sibling names unique, `unknown` columns optional, and
 * identifier fields that exist and are required primitives outside lists and maps.
 */
import { childPath, IcebergValidationError } from "./errors";
import type { JsonObject, JsonValue } from "./json";
import { asInt, invalid, isJsonObject, ObjectReader } from "./json-reader";
import { formatPrimitiveType, minFormatVersion, parsePrimitiveType } from "./primitive-types";
import { indexFieldsById, isStructType, type SchemaField } from "./schema";
import type {
  FormatVersion,
  IcebergType,
  ListType,
  MapType,
  NestedField,
  Schema,
  StructType,
} from "./types";

export interface SchemaReadOptions {
  /** The table's format version, to refuse v3-only types earlier; omit for views. */
  formatVersion?: FormatVersion;
  /** Used when the JSON has no schema-id (v1 `schema`); without it schema-id is required. */
  defaultSchemaId?: number;
}

interface TypeContext {
  formatVersion?: FormatVersion;
  /** Field id → path of the field that claimed it, to report duplicates. */
  ids: Map<number, string>;
}

export function readSchema(
  value: JsonValue,
  path: string,
  options: SchemaReadOptions = {},
): Schema {
  const reader = ObjectReader.of(value, path);
  const kind = reader.string("type");
  if (kind !== "struct") {
    throw new IcebergValidationError(
      reader.pathOf("type"),
      `a schema must be a struct, found "${kind}"`,
    );
  }
  const schemaId =
    options.defaultSchemaId === undefined
      ? reader.int("schema-id")
      : (reader.optionalInt("schema-id") ?? options.defaultSchemaId);
  const context: TypeContext = { formatVersion: options.formatVersion, ids: new Map() };
  const schema: Schema = { type: "struct", schemaId, fields: readFields(reader, context) };
  const identifierFieldIds = reader.optionalList("identifier-field-ids", asInt) ?? [];
  if (identifierFieldIds.length > 0) schema.identifierFieldIds = identifierFieldIds;
  checkIdentifierFields(schema, reader.pathOf("identifier-field-ids"));
  return schema;
}

/** Reads a type without a surrounding schema (field ids checked for uniqueness within it). */
export function readType(
  value: JsonValue,
  path: string,
  formatVersion?: FormatVersion,
): IcebergType {
  return readTypeIn(value, path, { formatVersion, ids: new Map() });
}

function readTypeIn(value: JsonValue, path: string, context: TypeContext): IcebergType {
  if (typeof value === "string") return readPrimitive(value, path, context.formatVersion);
  if (!isJsonObject(value))
    throw invalid(path, "a type name or a struct, list or map object", value);
  const reader = ObjectReader.of(value, path);
  const kind = reader.string("type");
  switch (kind) {
    case "struct":
      return { type: "struct", fields: readFields(reader, context) };
    case "list":
      return readList(reader, context);
    case "map":
      return readMap(reader, context);
    default:
      throw new IcebergValidationError(reader.pathOf("type"), `unknown nested type "${kind}"`);
  }
}

function readPrimitive(text: string, path: string, formatVersion?: FormatVersion): string {
  const info = parsePrimitiveType(text);
  if (typeof info === "string") throw new IcebergValidationError(path, info);
  if (formatVersion !== undefined && formatVersion < minFormatVersion(info)) {
    const name = formatPrimitiveType(info);
    throw new IcebergValidationError(
      path,
      `type ${name} is not supported until format v3 (this table is v${formatVersion})`,
    );
  }
  return formatPrimitiveType(info);
}

function readFields(reader: ObjectReader, context: TypeContext): NestedField[] {
  const fields = reader.list("fields", (item, path) => readField(item, path, context));
  const seen = new Set<string>();
  fields.forEach((field, i) => {
    if (seen.has(field.name)) {
      const path = childPath(childPath(reader.pathOf("fields"), i), "name");
      throw new IcebergValidationError(path, `duplicate field name "${field.name}" in one struct`);
    }
    seen.add(field.name);
  });
  return fields;
}

function readField(value: JsonValue, path: string, context: TypeContext): NestedField {
  const reader = ObjectReader.of(value, path);
  const id = claimId(reader, "id", context);
  const name = reader.string("name");
  const required = reader.boolean("required");
  const type = readTypeIn(reader.required("type"), reader.pathOf("type"), context);
  checkUnknownIsOptional(type, required, path);
  const field: NestedField = { id, name, required, type };
  const doc = reader.optionalString("doc");
  if (doc !== undefined) field.doc = doc;
  // Defaults stay in the spec's JSON single-value form; the reader of values owns them.
  // They are a v3 feature but accepted in every version: DuckDB writes them into v2 tables.
  const initialDefault = reader.raw("initial-default");
  if (initialDefault !== undefined) field.initialDefault = initialDefault;
  const writeDefault = reader.raw("write-default");
  if (writeDefault !== undefined) field.writeDefault = writeDefault;
  return field;
}

function readList(reader: ObjectReader, context: TypeContext): ListType {
  const elementId = claimId(reader, "element-id", context);
  const elementRequired = reader.boolean("element-required");
  const element = readTypeIn(reader.required("element"), reader.pathOf("element"), context);
  checkUnknownIsOptional(element, elementRequired, reader.pathOf("element"));
  return { type: "list", elementId, element, elementRequired };
}

function readMap(reader: ObjectReader, context: TypeContext): MapType {
  const keyId = claimId(reader, "key-id", context);
  const key = readTypeIn(reader.required("key"), reader.pathOf("key"), context);
  checkUnknownIsOptional(key, true, reader.pathOf("key"));
  const valueId = claimId(reader, "value-id", context);
  const valueRequired = reader.boolean("value-required");
  const value = readTypeIn(reader.required("value"), reader.pathOf("value"), context);
  checkUnknownIsOptional(value, valueRequired, reader.pathOf("value"));
  return { type: "map", keyId, key, valueId, value, valueRequired };
}

function claimId(reader: ObjectReader, key: string, context: TypeContext): number {
  const id = reader.int(key);
  const path = reader.pathOf(key);
  const previous = context.ids.get(id);
  if (previous !== undefined) {
    throw new IcebergValidationError(
      path,
      `duplicate field id ${id} (already used by ${previous})`,
    );
  }
  context.ids.set(id, path);
  return id;
}

function checkUnknownIsOptional(type: IcebergType, required: boolean, path: string): void {
  if (type === "unknown" && required) {
    throw new IcebergValidationError(path, "a field of type unknown must be optional");
  }
}

function checkIdentifierFields(schema: Schema, path: string): void {
  const index = indexFieldsById(schema);
  for (const id of schema.identifierFieldIds ?? []) {
    const field = index.get(id);
    if (!field)
      throw new IcebergValidationError(path, `identifier field ${id} is not in the schema`);
    const problem = identifierProblem(field, index);
    if (problem) {
      throw new IcebergValidationError(
        path,
        `identifier field ${id} (${field.fullName}) ${problem}`,
      );
    }
  }
}

function identifierProblem(field: SchemaField, index: ReadonlyMap<number, SchemaField>) {
  if (typeof field.type !== "string") return "must be a primitive type";
  if (field.type === "float" || field.type === "double") return "cannot be float or double";
  if (!field.required) return "must be required";
  for (let parent = parentOf(field, index); parent; parent = parentOf(parent, index)) {
    if (!isStructType(parent.type)) return "cannot be nested in a list or map";
    if (!parent.required) return "cannot be nested in an optional struct";
  }
  return undefined;
}

function parentOf(field: SchemaField, index: ReadonlyMap<number, SchemaField>) {
  return field.parentId === undefined ? undefined : index.get(field.parentId);
}

export function writeSchema(schema: Schema): JsonObject {
  const out: JsonObject = { type: "struct", "schema-id": schema.schemaId };
  if (schema.identifierFieldIds?.length)
    out["identifier-field-ids"] = [...schema.identifierFieldIds];
  out.fields = schema.fields.map(writeField);
  return out;
}

export function writeType(type: IcebergType): JsonValue {
  if (typeof type === "string") return type;
  switch (type.type) {
    case "struct":
      return writeStruct(type);
    case "list":
      return {
        type: "list",
        "element-id": type.elementId,
        element: writeType(type.element),
        "element-required": type.elementRequired,
      };
    case "map":
      return {
        type: "map",
        "key-id": type.keyId,
        key: writeType(type.key),
        "value-id": type.valueId,
        value: writeType(type.value),
        "value-required": type.valueRequired,
      };
  }
}

function writeStruct(struct: StructType): JsonObject {
  return { type: "struct", fields: struct.fields.map(writeField) };
}

function writeField(field: NestedField): JsonObject {
  const out: JsonObject = {
    id: field.id,
    name: field.name,
    required: field.required,
    type: writeType(field.type),
  };
  if (field.doc !== undefined) out.doc = field.doc;
  if (field.initialDefault !== undefined)
    out["initial-default"] = field.initialDefault as JsonValue;
  if (field.writeDefault !== undefined) out["write-default"] = field.writeDefault as JsonValue;
  return out;
}
