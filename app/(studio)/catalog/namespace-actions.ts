"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { createNamespace, dropNamespace, updateNamespaceProperties } from "@/lib/catalog";
import { catalogPath, namespaceInput, newName, propertiesChange } from "./_server/inputs";
import { namespaceDetails } from "./_server/namespace-info";

export const namespaceDetailsAction = action({ name: "catalog.namespace.details", operation: "catalog.browse", input: namespaceInput }, (ident, { db, principal }) =>
  namespaceDetails(catalogContext(principal, db), ident),
);

export const setNamespacePropertiesAction = action(
  { name: "catalog.namespace.setProperties", operation: "namespace.alter", input: namespaceInput.extend({ change: propertiesChange }) },
  ({ change, ...ident }, { db, principal }) => updateNamespaceProperties(db, principal, ident, change),
);

const createNamespaceInput = z.object({
  catalog: catalogPath,
  parent: z.array(z.string().min(1).max(255)).max(15),
  name: newName("namespace"),
  comment: z.string().trim().max(2000, "A comment can have at most 2000 characters.").optional(),
});

export const createNamespaceAction = action(
  { name: "catalog.namespace.create", operation: "namespace.create", input: createNamespaceInput },
  ({ catalog, parent, name, comment }, { db, principal }) => createNamespace(db, principal, { catalog, namespace: [...parent, name] }, comment ? { comment } : undefined),
);

/** Drops an empty namespace into the trash (restorable until purged). */
export const dropNamespaceAction = action({ name: "catalog.namespace.drop", operation: "namespace.alter", input: namespaceInput }, async (ident, { db, principal }) => {
  await dropNamespace(db, principal, ident);
  return null;
});
