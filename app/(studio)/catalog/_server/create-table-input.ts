import { z } from "zod";
import { canonicalPrimitiveType, parsePrimitiveType, type Schema } from "@/lib/iceberg/spec";
import { canTransform, parseTransform } from "@/lib/iceberg/transforms";
import { catalogPath, namespaceLevels, newName } from "./inputs";

/**
 * The create-table form as data, checked field by field so each message lands beside its
 * input ("columns.2.type: decimal precision must be 1 to 38"). lib/catalog checks again.
 */
const columnInput = z.object({
  name: z.string().trim().min(1, "Give the column a name.").max(255, "A column name can have at most 255 characters."),
  type: z.string().trim().min(1, "Choose a type."),
  required: z.boolean().default(false),
  comment: z.string().trim().max(2000, "A comment can have at most 2000 characters.").optional(),
});

const partitionInput = z.object({
  column: z.string().trim().min(1, "Choose a column."),
  transform: z.string().trim().min(1, "Choose a transform."),
});

export const createTableInput = z
  .object({
    catalog: catalogPath,
    namespace: namespaceLevels,
    name: newName("table"),
    comment: z.string().trim().max(2000, "A comment can have at most 2000 characters.").optional(),
    columns: z.array(columnInput).min(1, "A table needs at least one column.").max(1000),
    partitionBy: z.array(partitionInput).max(32).default([]),
  })
  .superRefine((input, issue) => {
    const types = new Map<string, string>();
    input.columns.forEach((column, i) => {
      if (types.has(column.name.toLowerCase())) issue.addIssue({ code: "custom", path: ["columns", i, "name"], message: `Another column is already named ${column.name}.` });
      const parsed = parsePrimitiveType(column.type);
      if (typeof parsed === "string") issue.addIssue({ code: "custom", path: ["columns", i, "type"], message: sentence(parsed) });
      else types.set(column.name.toLowerCase(), canonicalPrimitiveType(column.type) ?? column.type);
    });
    input.partitionBy.forEach((field, i) => {
      const type = types.get(field.column.toLowerCase());
      const transform = parseTransform(field.transform);
      if (!type) issue.addIssue({ code: "custom", path: ["partitionBy", i, "column"], message: `There is no column ${field.column}.` });
      else if (transform.kind === "unknown") issue.addIssue({ code: "custom", path: ["partitionBy", i, "transform"], message: `Unknown transform "${field.transform}".` });
      else if (!canTransform(transform, type)) issue.addIssue({ code: "custom", path: ["partitionBy", i, "transform"], message: `${field.transform} cannot be applied to a ${type} column.` });
    });
  });

export type CreateTableForm = z.output<typeof createTableInput>;

/** A new table's schema: field ids 1…n in the order given. */
export function schemaOf(columns: CreateTableForm["columns"]): Schema {
  return {
    type: "struct",
    schemaId: 0,
    fields: columns.map((c, i) => ({ id: i + 1, name: c.name, required: c.required, type: canonicalPrimitiveType(c.type) ?? c.type, ...(c.comment ? { doc: c.comment } : {}) })),
  };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
