"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { listChildren, searchCatalog } from "./_server/browse";
import { parentRefInput } from "./_server/inputs";

const childrenInput = z.object({
  parent: parentRefInput,
  cursor: z.string().max(2000).optional(),
  limit: z.number().int().min(1).max(500).default(200),
});

export const listChildrenAction = action({ name: "catalog.tree.children", operation: "catalog.browse", input: childrenInput }, ({ parent, cursor, limit }, { db, principal }) =>
  listChildren(catalogContext(principal, db), parent, cursor, limit),
);

const searchInput = z.object({ query: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(50).default(20) });

export const searchCatalogAction = action({ name: "catalog.search", operation: "catalog.browse", input: searchInput }, ({ query, limit }, { db, principal }) =>
  searchCatalog(catalogContext(principal, db), query, limit),
);
