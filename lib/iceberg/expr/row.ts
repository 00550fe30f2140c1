import type { StructType } from "../spec/types";
import { coerceValue, type PrimitiveValue } from "../values";
import type { Row } from "./eval-row";

/**
 * A `Row` from a plain object keyed by column names, nested objects for structs:
 * `{ id: 1, address: { city: "Oslo" } }`. Values go through `coerceValue`, so loose forms
 * (numbers for longs, ISO strings for dates) are fine. Lists and maps are skipped.
 */
export function rowFromObject(schema: StructType, obj: Record<string, unknown>): Row {
  const row = new Map<number, PrimitiveValue | null>();
  const visit = (struct: StructType, values: Record<string, unknown> | null | undefined) => {
    for (const field of struct.fields) {
      const v = values?.[field.name];
      if (typeof field.type === "string") row.set(field.id, coerceValue(field.type, v));
      else if (field.type.type === "struct") visit(field.type, v as Record<string, unknown> | null);
    }
  };
  visit(schema, obj);
  return row;
}
