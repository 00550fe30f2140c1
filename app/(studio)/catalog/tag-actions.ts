"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { catalogContext } from "@/app/_server/catalog-context";
import {
  assignTag,
  columnTags,
  effectiveTags,
  listTagKeys,
  tagTargetSchema,
  unassignTag,
} from "@/lib/catalog";
import { tableInput } from "./_server/inputs";

/** Tags on catalog pages: read by everyone who browses, changed by who may change the object. */
const keyName = z.string().min(1, "Pick a tag key.").max(255);
const value = z.string().min(1, "Pick a value.").max(255);

export const tagKeysAction = action(
  { name: "catalog.tags.keys", operation: "catalog.browse", input: z.undefined() },
  async (_, { db, principal }) =>
    (await listTagKeys(catalogContext(principal, db))).map((k) => ({
      name: k.name,
      description: k.description,
      allowedValues: k.allowedValues,
    })),
);

export const effectiveTagsAction = action(
  {
    name: "catalog.tags.effective",
    operation: "catalog.browse",
    input: z.object({ target: tagTargetSchema }),
  },
  async ({ target }, { db, principal }) =>
    (await effectiveTags(catalogContext(principal, db), target)).map((t) => ({
      key: t.key,
      value: t.value,
      inherited: t.inherited,
      from: t.from,
    })),
);

export const columnTagsAction = action(
  { name: "catalog.tags.columns", operation: "catalog.browse", input: tableInput },
  async (ident, { db, principal }) =>
    (await columnTags(catalogContext(principal, db), ident)).map((t) => ({
      key: t.key,
      value: t.value,
      fieldId: t.fieldId,
      column: t.column,
    })),
);

export const assignTagAction = action(
  {
    name: "catalog.tags.assign",
    operation: "tag.assign",
    input: z.object({ target: tagTargetSchema, key: keyName, value }),
  },
  ({ target, key, value }, { db, principal }) =>
    assignTag(catalogContext(principal, db), target, key, value),
);

export const unassignTagAction = action(
  {
    name: "catalog.tags.unassign",
    operation: "tag.assign",
    input: z.object({ target: tagTargetSchema, key: keyName }),
  },
  async ({ target, key }, { db, principal }) => {
    await unassignTag(catalogContext(principal, db), target, key);
    return null;
  },
);
