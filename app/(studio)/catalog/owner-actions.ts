"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { setOwner } from "@/lib/catalog";
import { catalogPath, namespaceLevels } from "./_server/inputs";

const name = z.string().min(1, "A name cannot be empty.").max(255, "A name can have at most 255 characters.");

const ownedObject = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("namespace"), catalog: catalogPath, namespace: namespaceLevels }),
  z.object({ kind: z.enum(["table", "view"]), catalog: catalogPath, namespace: namespaceLevels, name }),
]);

const ownerInput = z.object({
  target: ownedObject,
  owner: z.string().trim().min(1, "Name a user or a group.").max(255, "A name can have at most 255 characters."),
});

/** Hands a namespace, table or view to another user or group (admins: `owner.change`). */
export const setOwnerAction = action({ name: "catalog.setOwner", operation: "owner.change", input: ownerInput }, async ({ target, owner }, { db, principal }) => {
  await setOwner(db, principal, target, owner);
  return null;
});
