"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { alterSchema, dropTable, dropView, manageSnapshots, setTableProperties, setTableProtected } from "@/lib/catalog";
import { propertiesChange, snapshotId, tableInput } from "./_server/inputs";

export const setTablePropertiesAction = action(
  { name: "catalog.table.setProperties", operation: "table.alter", input: tableInput.extend({ change: propertiesChange }) },
  async ({ change, ...ident }, { db, principal }) => {
    await setTableProperties(catalogContext(principal, db), ident, change);
    return null;
  },
);

const columnCommentInput = tableInput.extend({
  column: z.string().min(1).max(2000),
  comment: z.string().trim().max(2000, "A comment can have at most 2000 characters."),
});

export const setColumnCommentAction = action(
  { name: "catalog.table.setColumnComment", operation: "table.alter", input: columnCommentInput },
  async ({ column, comment, ...ident }, { db, principal }) => {
    await alterSchema(catalogContext(principal, db), ident, (schema) => schema.updateColumnDoc(column, comment));
    return null;
  },
);

const refName = z.string().trim().min(1, "Give it a name.").max(255, "A name can have at most 255 characters.").regex(/^[^\s]+$/, "Use a name without spaces, like q1-close.");
const createRefInput = tableInput.extend({ type: z.enum(["tag", "branch"]), refName, snapshotId });

export const createSnapshotRefAction = action(
  { name: "catalog.table.createRef", operation: "table.alter", input: createRefInput },
  async ({ type, refName: ref, snapshotId: id, ...ident }, { db, principal }) => {
    await manageSnapshots(catalogContext(principal, db), ident, (m) => (type === "tag" ? m.createTag(ref, id) : m.createBranch(ref, id)));
    return null;
  },
);

export const rollbackTableAction = action(
  { name: "catalog.table.rollback", operation: "table.alter", input: tableInput.extend({ snapshotId }) },
  async ({ snapshotId: id, ...ident }, { db, principal }) => {
    await manageSnapshots(catalogContext(principal, db), ident, (m) => m.rollbackTo(id));
    return null;
  },
);

/** Drops into the trash (restorable until purged); lib/catalog refuses protected tables. */
export const dropTableAction = action(
  { name: "catalog.table.drop", operation: "table.drop", input: tableInput.extend({ view: z.boolean().default(false) }) },
  async ({ view, ...ident }, { db, principal }) => {
    const ctx = catalogContext(principal, db);
    await (view ? dropView(ctx, ident) : dropTable(ctx, ident));
    return null;
  },
);

export const setTableProtectedAction = action(
  { name: "catalog.table.setProtected", operation: "table.protect", input: tableInput.extend({ protected: z.boolean() }) },
  async ({ protected: isProtected, ...ident }, { db, principal }) => {
    await setTableProtected(catalogContext(principal, db), ident, isProtected);
    return null;
  },
);
