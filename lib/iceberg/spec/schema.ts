/**
 * Looking fields up in a schema: by id (nested ones too), by dotted name, highest id,
 * and fresh ids for a new table.
 *
 * Nested names follow the Java convention: a struct child is `parent.child`, a list's
 * element is `parent.element`, a map's key and value are `parent.key` / `parent.value`.
 * Indexes are cached per schema object, so treat schemas as immutable values (the
 * metadata readers never mutate them).
 */
import { IcebergValidationError } from "./errors";
import type { IcebergType, ListType, MapType, NestedField, Schema, StructType } from "./types";

/** One field of a schema, wherever it is nested. */
export interface SchemaField {
  id: number;
  /** The last name segment; "element", "key" or "value" for collection children. */
  name: string;
  /** Dotted full name, e.g. `location.lat` or `tags.element`. */
  fullName: string;
  type: IcebergType;
  required: boolean;
  /** The struct field itself; absent for list elements and map keys/values. */
  field?: NestedField;
  /** Id of the enclosing struct field, list or map; absent at the top level. */
  parentId?: number;
}

export function isStructType(type: IcebergType): type is StructType {
  return typeof type === "object" && type.type === "struct";
}

export function isListType(type: IcebergType): type is ListType {
  return typeof type === "object" && type.type === "list";
}

export function isMapType(type: IcebergType): type is MapType {
  return typeof type === "object" && type.type === "map";
}

export function isPrimitiveType(type: IcebergType): type is string {
  return typeof type === "string";
}

/** Every field in depth-first schema order: a field comes before its children. */
export function allFields(schema: StructType): SchemaField[] {
  const out: SchemaField[] = [];
  visitStruct(schema, "", undefined, out);
  return out;
}

function visitStruct(
  struct: StructType,
  prefix: string,
  parentId: number | undefined,
  out: SchemaField[],
) {
  for (const field of struct.fields) {
    const fullName = prefix + field.name;
    const { id, name, type, required } = field;
    out.push({
      id,
      name,
      fullName,
      type,
      required,
      field,
      ...(parentId === undefined ? {} : { parentId }),
    });
    visitChildren(type, fullName, id, out);
  }
}

function visitChildren(type: IcebergType, fullName: string, id: number, out: SchemaField[]) {
  if (isStructType(type)) {
    visitStruct(type, `${fullName}.`, id, out);
  } else if (isListType(type)) {
    visitChild(type.elementId, "element", type.element, type.elementRequired, fullName, id, out);
  } else if (isMapType(type)) {
    visitChild(type.keyId, "key", type.key, true, fullName, id, out);
    visitChild(type.valueId, "value", type.value, type.valueRequired, fullName, id, out);
  }
}

function visitChild(
  id: number,
  name: string,
  type: IcebergType,
  required: boolean,
  parentName: string,
  parentId: number,
  out: SchemaField[],
) {
  const fullName = `${parentName}.${name}`;
  out.push({ id, name, fullName, type, required, parentId });
  visitChildren(type, fullName, id, out);
}

const byIdCache = new WeakMap<StructType, ReadonlyMap<number, SchemaField>>();
const byNameCache = new WeakMap<StructType, ReadonlyMap<string, SchemaField>>();
const byLowerNameCache = new WeakMap<StructType, ReadonlyMap<string, SchemaField[]>>();

/** All fields by id, nested ones included. */
export function indexFieldsById(schema: StructType): ReadonlyMap<number, SchemaField> {
  return cached(byIdCache, schema, () => new Map(allFields(schema).map((f) => [f.id, f])));
}

/** All fields by dotted full name (case-sensitive). */
export function indexFieldsByName(schema: StructType): ReadonlyMap<string, SchemaField> {
  return cached(byNameCache, schema, () => new Map(allFields(schema).map((f) => [f.fullName, f])));
}

export function findFieldById(schema: StructType, id: number): SchemaField | undefined {
  return indexFieldsById(schema).get(id);
}

/**
 * Finds a field by dotted name. Case-insensitive lookup throws when the name matches
 * several fields that differ only in case: guessing would silently pick a column.
 */
export function findFieldByName(
  schema: StructType,
  name: string,
  options: { caseSensitive?: boolean } = {},
): SchemaField | undefined {
  if (options.caseSensitive ?? true) return indexFieldsByName(schema).get(name);
  const matches = indexByLowerName(schema).get(name.toLowerCase()) ?? [];
  if (matches.length > 1) {
    const names = matches.map((f) => f.fullName).join(", ");
    throw new IcebergValidationError(name, `ambiguous field name, matches ${names}`);
  }
  return matches[0];
}

/** Case-insensitive `findFieldByName`. */
export function findFieldByNameIgnoreCase(schema: StructType, name: string) {
  return findFieldByName(schema, name, { caseSensitive: false });
}

function indexByLowerName(schema: StructType): ReadonlyMap<string, SchemaField[]> {
  return cached(byLowerNameCache, schema, () => {
    const index = new Map<string, SchemaField[]>();
    for (const field of allFields(schema)) {
      const key = field.fullName.toLowerCase();
      index.set(key, [...(index.get(key) ?? []), field]);
    }
    return index;
  });
}

/** The highest field id used anywhere in a type or schema; 0 when there is none. */
export function highestFieldId(type: IcebergType): number {
  if (isStructType(type)) {
    return Math.max(0, ...type.fields.map((f) => Math.max(f.id, highestFieldId(f.type))));
  }
  if (isListType(type)) return Math.max(type.elementId, highestFieldId(type.element));
  if (isMapType(type)) {
    return Math.max(type.keyId, type.valueId, highestFieldId(type.key), highestFieldId(type.value));
  }
  return 0;
}

function cached<V>(cache: WeakMap<StructType, V>, schema: StructType, build: () => V): V {
  let value = cache.get(schema);
  if (value === undefined) {
    value = build();
    cache.set(schema, value);
  }
  return value;
}

export interface FreshIdsOptions {
  /** Ids are assigned after this one (the table's last-column-id); default 0. */
  lastColumnId?: number;
  schemaId?: number;
}

/**
 * Gives every field of a schema a new id, as a new table's schema needs: the fields of
 * a struct get consecutive ids before any of their children do, so top-level columns
 * are numbered 1..n (the order Java and PyIceberg use). Identifier field ids are
 * translated to the new ids.
 */
export function assignFreshIds(
  schema: StructType & { identifierFieldIds?: number[] },
  options: FreshIdsOptions = {},
): { schema: Schema; lastColumnId: number } {
  let last = options.lastColumnId ?? 0;
  const renumbered = new Map<number, number>();
  const nextId = (oldId: number) => {
    last += 1;
    if (!renumbered.has(oldId)) renumbered.set(oldId, last);
    return last;
  };
  const struct = freshStruct(schema, nextId);
  const identifierFieldIds = (schema.identifierFieldIds ?? []).map((id) => {
    const fresh = renumbered.get(id);
    if (fresh === undefined) {
      throw new IcebergValidationError("identifier-field-ids", `field ${id} is not in the schema`);
    }
    return fresh;
  });
  const fresh: Schema = { type: "struct", schemaId: options.schemaId ?? 0, fields: struct.fields };
  if (identifierFieldIds.length > 0) fresh.identifierFieldIds = identifierFieldIds;
  return { schema: fresh, lastColumnId: last };
}

function freshStruct(struct: StructType, nextId: (oldId: number) => number): StructType {
  const ids = struct.fields.map((f) => nextId(f.id));
  const fields = struct.fields.map((f, i) => ({
    ...f,
    id: ids[i],
    type: freshType(f.type, nextId),
  }));
  return { type: "struct", fields };
}

function freshType(type: IcebergType, nextId: (oldId: number) => number): IcebergType {
  if (isStructType(type)) return freshStruct(type, nextId);
  if (isListType(type)) {
    const elementId = nextId(type.elementId);
    return { ...type, elementId, element: freshType(type.element, nextId) };
  }
  if (isMapType(type)) {
    const keyId = nextId(type.keyId);
    const valueId = nextId(type.valueId);
    return {
      ...type,
      keyId,
      valueId,
      key: freshType(type.key, nextId),
      value: freshType(type.value, nextId),
    };
  }
  return type;
}
