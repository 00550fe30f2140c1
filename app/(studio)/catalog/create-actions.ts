"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { createTable, registerTable } from "@/lib/catalog";
import { EXTERNAL_FORMATS, registerFolder } from "@/lib/catalog/external";
import { createTableInput, schemaOf } from "./_server/create-table-input";
import { catalogPath, namespaceLevels, newName } from "./_server/inputs";

const comment = z.string().trim().max(2000, "A comment can have at most 2000 characters.").optional();

export const createTableAction = action({ name: "catalog.table.create", operation: "table.create", input: createTableInput }, async (input, { db, principal }) => {
  const ident = { catalog: input.catalog, namespace: input.namespace, name: input.name };
  const properties = input.comment ? { comment: input.comment } : undefined;
  await createTable(catalogContext(principal, db), ident, { schema: schemaOf(input.columns), partitionBy: input.partitionBy, properties });
  return { name: input.name };
});

const absolutePath = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(4096)
    .refine((p) => p.startsWith("/") || p.startsWith("file:/"), `The ${what} must be an absolute path on the server, like /data/lake/….`);

const registerTableInput = z.object({ catalog: catalogPath, namespace: namespaceLevels, name: newName("table"), metadataLocation: absolutePath("metadata file") });

export const registerTableAction = action({ name: "catalog.table.register", operation: "table.register", input: registerTableInput }, async (input, { db, principal }) => {
  await registerTable(catalogContext(principal, db), { catalog: input.catalog, namespace: input.namespace, name: input.name }, input.metadataLocation);
  return { name: input.name };
});

const registerFolderInput = z.object({
  catalog: catalogPath,
  namespace: namespaceLevels,
  name: newName("table"),
  path: absolutePath("folder"),
  format: z.enum(EXTERNAL_FORMATS).optional(),
  comment,
});

export const registerFolderAction = action({ name: "catalog.table.registerFolder", operation: "table.register", input: registerFolderInput }, async (input, { db, principal }) => {
  const info = await registerFolder(catalogContext(principal, db), { catalog: input.catalog, namespace: input.namespace, name: input.name }, { path: input.path, format: input.format, comment: input.comment });
  return { name: input.name, format: info.format, columns: info.columns.length };
});
