"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import {
  defineTagKey,
  deleteTagKey,
  listTagKeys,
  removeTagAssignment,
  tagKeyUsage,
  updateTagKey,
} from "@/lib/catalog";

/** Admin → Tags: the governed tag keys and their allowed values (admins: `tag.define`). */
const keyName = z.string().min(1).max(255);
const description = z.string().trim().max(2000, "A description can have at most 2000 characters.");
const allowedValues = z
  .array(z.string().trim())
  .min(1, "A tag key needs at least one allowed value.")
  .max(1000, "A tag key can have at most 1000 values.");

export const listTagKeysAction = action(
  { name: "admin.tags.list", operation: "tag.define", input: z.undefined() },
  (_, { db, principal }) => listTagKeys(catalogContext(principal, db)),
);

export const defineTagKeyAction = action(
  {
    name: "admin.tags.define",
    operation: "tag.define",
    input: z.object({
      name: z.string().trim(),
      description: description.optional(),
      allowedValues,
    }),
  },
  (input, { db, principal }) => defineTagKey(catalogContext(principal, db), input),
);

export const updateTagKeyAction = action(
  {
    name: "admin.tags.update",
    operation: "tag.define",
    input: z.object({
      name: keyName,
      description: description.nullable().optional(),
      allowedValues: allowedValues.optional(),
    }),
  },
  ({ name, ...change }, { db, principal }) =>
    updateTagKey(catalogContext(principal, db), name, change),
);

export const deleteTagKeyAction = action(
  { name: "admin.tags.delete", operation: "tag.define", input: z.object({ name: keyName }) },
  async ({ name }, { db, principal }) => {
    await deleteTagKey(catalogContext(principal, db), name);
    return null;
  },
);

export const tagKeyUsageAction = action(
  { name: "admin.tags.usage", operation: "tag.define", input: z.object({ name: keyName }) },
  async ({ name }, { db, principal }) => {
    const { usages, total } = await tagKeyUsage(catalogContext(principal, db), name, {
      limit: 200,
    });
    return {
      total,
      usages: usages.map((u) => ({
        id: u.id,
        value: u.value,
        objectType: u.objectType,
        path: u.path,
        label: u.label,
        inTrash: u.inTrash,
      })),
    };
  },
);

/** Removes one use of a key (a tag on some object), e.g. one left on a column that was dropped. */
export const removeTagUseAction = action(
  {
    name: "admin.tags.removeUse",
    operation: "tag.define",
    input: z.object({ id: z.string().min(1).max(100) }),
  },
  async ({ id }, { db, principal }) => {
    await removeTagAssignment(catalogContext(principal, db), id);
    return null;
  },
);
