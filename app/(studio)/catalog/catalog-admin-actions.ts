"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { createCatalog, DEFAULT_STORAGE } from "@/lib/catalog";
import { createFederatedCatalog, FEDERATED_TYPES, SSL_MODES, testFederatedConnection } from "@/lib/catalog/federated";
import { newName } from "./_server/inputs";

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
