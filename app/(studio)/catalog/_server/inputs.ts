import { z } from "zod";
import { validateName } from "@/lib/catalog";

/** Zod shapes of catalog references, shared by the catalog's server actions. */
const name = z.string().min(1, "A name cannot be empty.").max(255, "A name can have at most 255 characters.");
export const catalogPath = z.string().min(1).max(2000);
export const namespaceLevels = z.array(name).min(1).max(16);

export const parentRefInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("root") }),
  z.object({ kind: z.literal("catalog"), catalog: catalogPath }),
  z.object({ kind: z.literal("namespace"), catalog: catalogPath, namespace: namespaceLevels }),
]);

export const namespaceInput = z.object({ catalog: catalogPath, namespace: namespaceLevels });
export const tableInput = z.object({ catalog: catalogPath, namespace: namespaceLevels, name });

/** Snapshot ids are 64-bit: they travel as decimal text and become bigints here. */
export const snapshotId = z
  .string()
  .regex(/^-?\d{1,20}$/, "Not a snapshot id.")
  .transform((text) => BigInt(text));

/**
 * A new object's name, checked by lib/catalog's own rule so a form shows its message
 * beside the field ("A table name cannot contain / or \…").
 */
export function newName(kind: "catalog" | "namespace" | "table" | "view") {
  return z.string().superRefine((value, issue) => {
    try {
      validateName(kind, value);
    } catch (error) {
      issue.addIssue({ code: "custom", message: (error as Error).message });
    }
  });
}

const propertyKey = z.string().trim().min(1, "Give the property a name.").max(255, "A property name can have at most 255 characters.");

/** Set and remove properties in one change (namespaces and tables alike). */
export const propertiesChange = z.object({
  updates: z.record(propertyKey, z.string().max(65_536, "A value can have at most 64 KiB.")).optional(),
  removals: z.array(propertyKey).max(1000).optional(),
});
