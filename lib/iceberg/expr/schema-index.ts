import type { IcebergType, StructType } from "../spec/types";
import { BindError } from "./errors";
import type { BoundRef } from "./types";

/**
 * Names of a schema's columns → field id and type. Nested struct fields are reached by
 * dotted paths ("address.city"); fields inside lists and maps are not bindable (their
 * values are many per row). Built once per schema and reused for every bind.
 */
export interface SchemaIndex {
  lookup(name: string, caseSensitive: boolean): BoundRef;
}

interface Entry {
  ref: BoundRef;
  /** Why this name cannot be bound, if it cannot. */
  notPrimitive?: string;
}

export function indexSchema(schema: StructType): SchemaIndex {
  const exact = new Map<string, Entry>();
  const folded = new Map<string, Entry[]>();
  const add = (name: string, entry: Entry) => {
    exact.set(name, entry);
    const key = name.toLowerCase();
    folded.set(key, [...(folded.get(key) ?? []), entry]);
  };
  visit(schema, [], add);
  return {
    lookup(name, caseSensitive) {
      const entry = caseSensitive ? exact.get(name) : single(name, folded.get(name.toLowerCase()));
      if (!entry)
        throw new BindError(
          "unknown-column",
          name,
          `Cannot find column "${name}" in the table schema`,
        );
      if (entry.notPrimitive)
        throw new BindError("not-primitive", name, `Column "${name}" ${entry.notPrimitive}`);
      return entry.ref;
    },
  };
}

function single(name: string, entries: Entry[] | undefined): Entry | undefined {
  if (entries && entries.length > 1) {
    throw new BindError(
      "unknown-column",
      name,
      `Column "${name}" is ambiguous without case sensitivity`,
    );
  }
  return entries?.[0];
}

function visit(
  struct: StructType,
  path: string[],
  add: (name: string, entry: Entry) => void,
): void {
  for (const field of struct.fields) {
    const names = [...path, field.name];
    const ref: BoundRef = {
      fieldId: field.id,
      name: names.join("."),
      type: describeType(field.type),
    };
    if (typeof field.type === "string") {
      add(ref.name, { ref });
    } else if (field.type.type === "struct") {
      add(ref.name, { ref, notPrimitive: "is a struct; name one of its fields" });
      visit(field.type, names, add);
    } else {
      add(ref.name, {
        ref,
        notPrimitive: `is a ${field.type.type}; predicates take primitive columns`,
      });
    }
  }
}

function describeType(type: IcebergType): string {
  return typeof type === "string" ? type : type.type;
}
