/**
 * The recorded schema changes, applied to a struct: deletes, then updates, then
 * additions at the end of their struct, then moves — Java's `SchemaUpdate.ApplyChanges`.
 */
import type { IcebergType, ListType, MapType, NestedField, StructType } from "../spec";
import { CommitValidationError } from "./errors";

/** The id under which top-level additions and moves are kept. */
export const TABLE_ROOT = -1;

/** What an update may change about an existing field, list element or map value. */
export interface FieldUpdate {
  name?: string;
  type?: string;
  required?: boolean;
  doc?: string;
}

export type Move =
  | { kind: "first"; fieldId: number }
  | { kind: "before" | "after"; fieldId: number; referenceId: number };

export interface SchemaChanges {
  deletes: ReadonlySet<number>;
  updates: ReadonlyMap<number, FieldUpdate>;
  /** Parent struct id (a struct field, list element or map value; TABLE_ROOT) → new fields. */
  adds: ReadonlyMap<number, NestedField[]>;
  moves: ReadonlyMap<number, Move[]>;
}

export function applyChanges(struct: StructType, changes: SchemaChanges): StructType {
  return rewriteStruct(struct, TABLE_ROOT, changes);
}

function rewriteStruct(struct: StructType, parentId: number, changes: SchemaChanges): StructType {
  const fields: NestedField[] = [];
  for (const field of struct.fields) {
    if (changes.deletes.has(field.id)) continue;
    const updated = withUpdate(field, changes.updates.get(field.id));
    fields.push({ ...updated, type: rewriteType(updated.type, field.id, changes) });
  }
  fields.push(...(changes.adds.get(parentId) ?? []));
  return { type: "struct", fields: applyMoves(fields, changes.moves.get(parentId) ?? []) };
}

function withUpdate(field: NestedField, update: FieldUpdate | undefined): NestedField {
  if (!update) return field;
  const out: NestedField = { ...field };
  if (update.name !== undefined) out.name = update.name;
  if (update.type !== undefined) out.type = update.type;
  if (update.required !== undefined) out.required = update.required;
  if (update.doc !== undefined) out.doc = update.doc;
  return out;
}

function rewriteType(type: IcebergType, id: number, changes: SchemaChanges): IcebergType {
  if (typeof type === "string") return type;
  switch (type.type) {
    case "struct":
      return rewriteStruct(type, id, changes);
    case "list":
      return rewriteList(type, changes);
    case "map":
      return rewriteMap(type, changes);
  }
}

function rewriteList(list: ListType, changes: SchemaChanges): ListType {
  const update = changes.updates.get(list.elementId);
  return {
    ...list,
    element: rewriteType(update?.type ?? list.element, list.elementId, changes),
    elementRequired: update?.required ?? list.elementRequired,
  };
}

function rewriteMap(map: MapType, changes: SchemaChanges): MapType {
  const update = changes.updates.get(map.valueId);
  return {
    ...map,
    key: rewriteType(map.key, map.keyId, changes),
    value: rewriteType(update?.type ?? map.value, map.valueId, changes),
    valueRequired: update?.required ?? map.valueRequired,
  };
}

function applyMoves(fields: NestedField[], moves: Move[]): NestedField[] {
  const out = [...fields];
  for (const move of moves) {
    const from = out.findIndex((f) => f.id === move.fieldId);
    const [field] = out.splice(from, 1);
    if (move.kind === "first") {
      out.unshift(field);
      continue;
    }
    const at = out.findIndex((f) => f.id === move.referenceId);
    if (at < 0)
      throw new CommitValidationError(`cannot move ${field.name}: its reference column is gone`);
    out.splice(move.kind === "before" ? at : at + 1, 0, field);
  }
  return out;
}
