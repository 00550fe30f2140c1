"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { createCatalog, DEFAULT_STORAGE, updateCatalog } from "@/lib/catalog";
import { createFederatedCatalog, FEDERATED_TYPES, SSL_MODES, testFederatedConnection } from "@/lib/catalog/federated";
import { catalogDetails } from "./_server/catalog-info";
import { newName, propertiesChange } from "./_server/inputs";

/** A database connection as the create-catalog form sends it (field names match the form). */
const connectionFields = {
  type: z.enum(FEDERATED_TYPES, "Choose PostgreSQL or MySQL/MariaDB."),
  host: z.string().trim().max(255),
  port: z.number().int().optional(),
  database: z.string().trim().max(255),
  user: z.string().trim().max(255),
  password: z.string().max(1024).optional(),
  ssl: z.enum(SSL_MODES).optional(),
};
const connectionInput = z.object(connectionFields);

const createCatalogInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("managed"), name: newName("catalog"), comment: z.string().trim().max(2000).optional(), storageLocation: z.string().trim().max(255).default(DEFAULT_STORAGE) }),
  z.object({ kind: z.literal("lake"), name: newName("catalog"), comment: z.string().trim().max(2000).optional() }),
  z.object({ kind: z.literal("federated"), name: newName("catalog"), comment: z.string().trim().max(2000).optional(), ...connectionFields }),
]);

export const createCatalogAction = action({ name: "catalog.create", operation: "catalog.manage", input: createCatalogInput }, async (input, { db, principal }) => {
  if (input.kind === "federated") {
    const { kind: _, name, comment, ...connection } = input;
    return createFederatedCatalog(db, principal, { name, comment, connection });
  }
  return createCatalog(db, principal, { name: input.name, kind: input.kind, comment: input.comment, storageLocation: input.kind === "managed" ? input.storageLocation : undefined });
});

export const testConnectionAction = action({ name: "catalog.testConnection", operation: "catalog.manage", input: connectionInput }, (connection, { principal }) =>
  testFederatedConnection(principal, connection),
);

const catalogRef = z.object({ catalog: z.string().min(1).max(2000) });

export const catalogDetailsAction = action({ name: "catalog.details", operation: "catalog.browse", input: catalogRef }, ({ catalog }, { db, principal }) =>
  catalogDetails(catalogContext(principal, db), catalog),
);

const catalogChange = catalogRef.extend({ comment: z.string().trim().max(2000, "A comment can have at most 2000 characters.").nullable().optional(), change: propertiesChange.optional() });

export const updateCatalogAction = action({ name: "catalog.update", operation: "catalog.manage", input: catalogChange }, async ({ catalog, comment, change }, { db, principal }) => {
  await updateCatalog(db, principal, catalog, { comment, updates: change?.updates, removals: change?.removals });
  return null;
});
