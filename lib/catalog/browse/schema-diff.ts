/**
 * What changed between two schemas, matched by field id (so a rename is a rename, not a
 * drop and an add), nested fields included. Only the top of an added or removed subtree
 * is reported: adding a struct column does not also list each of its fields.
 */
import {
  allFields,
  type IcebergType,
  type SchemaField,
  type StructType,
  typeToString,
} from "@/lib/iceberg/spec";

export type SchemaChange =
  | { kind: "added"; fieldId: number; path: string; type: string; required: boolean }
  | { kind: "removed"; fieldId: number; path: string; type: string }
  | { kind: "renamed"; fieldId: number; from: string; to: string }
  | { kind: "type-changed"; fieldId: number; path: string; from: string; to: string }
  | {
      kind: "nullability-changed";
      fieldId: number;
      path: string;
      from: Nullability;
      to: Nullability;
    }
  | { kind: "doc-changed"; fieldId: number; path: string; from: string | null; to: string | null };

export type Nullability = "required" | "optional";

export function diffSchemas(before: StructType, after: StructType): SchemaChange[] {
  const old = new Map(allFields(before).map((f) => [f.id, f]));
  const now = new Map(allFields(after).map((f) => [f.id, f]));
  const changes: SchemaChange[] = [];
  for (const field of now.values()) {
    const was = old.get(field.id);
    if (!was) {
      if (field.parentId === undefined || old.has(field.parentId))
        changes.push({
          kind: "added",
          fieldId: field.id,
          path: field.fullName,
          type: shortType(field.type),
          required: field.required,
        });
      continue;
    }
    changes.push(...fieldChanges(was, field));
  }
  for (const field of old.values()) {
    if (!now.has(field.id) && (field.parentId === undefined || now.has(field.parentId))) {
      changes.push({
        kind: "removed",
        fieldId: field.id,
        path: field.fullName,
        type: shortType(field.type),
      });
    }
  }
  return changes;
}

function fieldChanges(was: SchemaField, is: SchemaField): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const id = is.id;
  // A rename shows on the field itself; its children's paths change with it, unreported.
  if (was.name !== is.name)
    changes.push({ kind: "renamed", fieldId: id, from: was.fullName, to: is.fullName });
  if (
    typeKind(was.type) !== typeKind(is.type) ||
    (typeof was.type === "string" && was.type !== is.type)
  ) {
    changes.push({
      kind: "type-changed",
      fieldId: id,
      path: is.fullName,
      from: shortType(was.type),
      to: shortType(is.type),
    });
  }
  if (was.required !== is.required)
    changes.push({
      kind: "nullability-changed",
      fieldId: id,
      path: is.fullName,
      from: nullability(was.required),
      to: nullability(is.required),
    });
  const before = was.field?.doc ?? null;
  const after = is.field?.doc ?? null;
  if (before !== after)
    changes.push({ kind: "doc-changed", fieldId: id, path: is.fullName, from: before, to: after });
  return changes;
}

function typeKind(type: IcebergType): string {
  return typeof type === "string" ? "primitive" : type.type;
}

/** Primitive types as written; nested ones by their kind, their children being fields of their own. */
function shortType(type: IcebergType): string {
  return typeof type === "string"
    ? type
    : type.type === "struct"
      ? "struct"
      : typeToString(type).replace(/\d+: \w+: (required|optional) /g, "");
}

function nullability(required: boolean): Nullability {
  return required ? "required" : "optional";
}
