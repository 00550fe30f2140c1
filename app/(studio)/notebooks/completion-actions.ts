"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { completionChildren, completionColumns, completionSearch } from "./_server/completion";

// Autocomplete data for the SQL editor, through lib/catalog/browse and loadTable: only what
// this principal may see. Each call is small (one level, one table).
const level = z.string().min(1).max(2000);

export const completionChildrenAction = action({ name: "notebooks.complete.children", operation: "catalog.browse", input: z.object({ path: z.array(level).max(17) }) }, ({ path }, { db, principal }) =>
  completionChildren(catalogContext(principal, db), path),
);

export const completionSearchAction = action({ name: "notebooks.complete.search", operation: "catalog.browse", input: z.object({ query: z.string().trim().min(1).max(200) }) }, ({ query }, { db, principal }) =>
  completionSearch(catalogContext(principal, db), query),
);

const columnsInput = z.object({ catalog: level, namespace: z.array(level).min(1).max(16), name: level, kind: z.enum(["table", "view", "external", "federated"]) });

export const completionColumnsAction = action({ name: "notebooks.complete.columns", operation: "table.read", input: columnsInput }, ({ kind, ...ident }, { db, principal }) =>
  completionColumns(catalogContext(principal, db), ident, kind),
);
