"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import { listTrash, restoreFromTrash } from "@/lib/catalog";

export const listTrashAction = action({ name: "catalog.trash.list", operation: "trash.read", input: z.undefined() }, (_, { db, principal }) =>
  listTrash(catalogContext(principal, db)),
);

export const restoreFromTrashAction = action(
  { name: "catalog.trash.restore", operation: "trash.restore", input: z.object({ id: z.string().min(1).max(64), newName: z.string().min(1).max(255).optional() }) },
  ({ id, newName }, { db, principal }) => restoreFromTrash(catalogContext(principal, db), id, { newName }),
);
