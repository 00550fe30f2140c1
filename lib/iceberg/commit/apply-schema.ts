/** add-schema, set-current-schema, remove-schemas — Java's `TableMetadata.Builder` semantics. */
import { highestFieldId, readSchema, type Schema, stringifyJson, writeSchema } from "../spec";
import type { MetadataDraft } from "./apply-draft";
import { asCommitValidation } from "./errors";
import { LAST_ADDED, type TableUpdate } from "./types";

type Update<A extends TableUpdate["action"]> = Extract<TableUpdate, { action: A }>;

/**
 * Adds a schema, or re-uses an identical one already in the table (ids, names, types,
 * docs, identifier fields; the schema id does not count). A new schema gets the next
 * schema id, whatever id it came with. last-column-id becomes the highest of the
 * table's and the schema's field ids. The deprecated `last-column-id` of the update
 * is ignored, as Java does since 1.5.
 */
export function addSchema(draft: MetadataDraft, update: Update<"add-schema">): void {
  const meta = draft.meta;
  const schema = normalizeSchema(draft, update.schema);
  const lastColumnId = Math.max(meta.lastColumnId, highestFieldId(schema));
  if (lastColumnId !== meta.lastColumnId) {
    meta.lastColumnId = lastColumnId;
    draft.changed = true;
  }
  const existing = meta.schemas.find((s) => sameSchema(s, schema));
  // Unlike Java, a re-used schema also counts as "last added", so -1 finds it.
  if (existing) {
    draft.lastAddedSchemaId = existing.schemaId;
    return;
  }
  const schemaId = nextId(meta.schemas.map((s) => s.schemaId));
  meta.schemas.push({ ...schema, schemaId });
  draft.lastAddedSchemaId = schemaId;
  draft.changed = true;
}

export function setCurrentSchema(draft: MetadataDraft, update: Update<"set-current-schema">) {
  const schemaId = resolveLastAdded(draft, update.schemaId, draft.lastAddedSchemaId, "schema");
  const meta = draft.meta;
  if (meta.currentSchemaId === schemaId) return;
  if (!meta.schemas.some((s) => s.schemaId === schemaId)) {
    draft.fail(
      `cannot set the current schema to unknown schema ${schemaId} ${known(meta.schemas.map((s) => s.schemaId))}`,
    );
  }
  meta.currentSchemaId = schemaId;
  draft.changed = true;
}

export function removeSchemas(draft: MetadataDraft, update: Update<"remove-schemas">) {
  const meta = draft.meta;
  if (update.schemaIds.includes(meta.currentSchemaId)) {
    draft.fail(`cannot remove the current schema ${meta.currentSchemaId}`);
  }
  const remove = new Set(update.schemaIds);
  const kept = meta.schemas.filter((s) => !remove.has(s.schemaId));
  if (kept.length === meta.schemas.length) return;
  meta.schemas = kept;
  draft.changed = true;
}

/**
 * The schema in canonical form (type spellings), checked as a metadata reader checks
 * it: unique field ids and sibling names, identifier fields, types the table's format
 * version supports.
 */
function normalizeSchema(draft: MetadataDraft, schema: Schema): Schema {
  return asCommitValidation(draft.path, () =>
    readSchema(writeSchema(schema), "schema", { formatVersion: draft.formatVersion }),
  );
}

export function sameSchema(a: Schema, b: Schema): boolean {
  return schemaKey(a) === schemaKey(b);
}

function schemaKey(schema: Schema): string {
  const identifierFieldIds = [...(schema.identifierFieldIds ?? [])].sort((x, y) => x - y);
  return stringifyJson(writeSchema({ ...schema, schemaId: 0, identifierFieldIds }));
}

/** One more than the highest id in use; 0 for the first. */
export function nextId(ids: number[]): number {
  return Math.max(-1, ...ids) + 1;
}

/** `-1` means the one added last in this commit. */
export function resolveLastAdded(
  draft: MetadataDraft,
  id: number,
  lastAdded: number | undefined,
  what: string,
): number {
  if (id !== LAST_ADDED) return id;
  if (lastAdded === undefined) {
    draft.fail(`-1 means the last added ${what}, but no ${what} was added before this update`);
  }
  return lastAdded;
}

export function known(ids: readonly (number | bigint)[]): string {
  return `(ids: ${ids.length > 0 ? ids.join(", ") : "none"})`;
}
