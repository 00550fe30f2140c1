"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { addStorageLocation, listStorageLocations, removeStorageLocation } from "@/lib/catalog";

const addInput = z.object({
  name: z.string().trim().min(1, "Give the location a name.").max(255, "A name can have at most 255 characters."),
  path: z.string().trim().min(1, "Enter the folder.").max(4096).startsWith("/", "The folder must be an absolute path, starting with /."),
  comment: z.string().trim().max(2000, "A comment can have at most 2000 characters.").optional(),
});

export const listStorageAction = action({ name: "admin.storage.list", operation: "catalog.manage", input: z.undefined() }, (_, { db, principal }) =>
  listStorageLocations(db, principal),
);

export const addStorageAction = action({ name: "admin.storage.add", operation: "catalog.manage", input: addInput }, (input, { db, principal }) =>
  addStorageLocation(db, principal, input),
);

export const removeStorageAction = action({ name: "admin.storage.remove", operation: "catalog.manage", input: z.object({ name: z.string().min(1).max(255) }) }, async ({ name }, { db, principal }) => {
  await removeStorageLocation(db, principal, name);
  return null;
});
