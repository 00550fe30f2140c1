/**
 * Tags: governed KEY=VALUE labels on catalogs, namespaces, tables, views and columns
 * (like Lake Formation's LF-tags). Admins define keys and their allowed values; whoever
 * may change an object's properties may tag it; tags are inherited down the tree.
 *
 *   await defineTagKey(ctx, { name: "pii", allowedValues: ["true", "false"] });
 *   await assignTag(ctx, { kind: "namespace", catalog: "lake", namespace: ["sales"] }, "domain", "sales");
 *   await assignTag(ctx, { kind: "column", catalog: "lake", namespace: ["sales"], name: "customers", column: "email" }, "pii", "true");
 *   await effectiveTags(ctx, { kind: "table", catalog: "lake", namespace: ["sales"], name: "customers" });
 *     // [{ key: "domain", value: "sales", inherited: true, from: { kind: "namespace", label: "lake.sales" } }]
 *   await deleteTagKey(ctx, "pii");   // conflict: "Tag key pii is used on column lake.sales.customers.email; …"
 *
 * Assignments belong to the object's row: rename, drop into the trash and restore keep
 * them; purging the object deletes them. Catalog search matches tags (browse/search.ts).
 */
export { type AssignedTag, assignTag, removeTagAssignment, unassignTag } from "./assign";
export {
  type ColumnTag,
  columnTags,
  type EffectiveTag,
  effectiveTags,
  type ObjectTag,
  objectTags,
  type TagSource,
} from "./effective";
export {
  MAX_TAG_VALUES,
  type TagKeyChange,
  type TagKeyInput,
  type TagTarget,
  tagKeyProblem,
  tagTargetSchema,
  tagValueProblem,
} from "./inputs";
export {
  defineTagKey,
  deleteTagKey,
  getTagKey,
  listTagKeys,
  type TagKeyInfo,
  tagKeyUsage,
  updateTagKey,
} from "./keys";
export type { TagObjectType } from "./objects";
export type { TagUsage } from "./usage";
