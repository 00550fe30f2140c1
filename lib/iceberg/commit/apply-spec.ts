/** add-spec, set-default-spec, remove-partition-specs — Java's `TableMetadata.Builder` semantics. */
import { FIRST_PARTITION_FIELD_ID, type PartitionField, type Schema, schemaById } from "../spec";
import type { MetadataDraft } from "./apply-draft";
import { known, nextId, resolveLastAdded } from "./apply-schema";
import { canonicalTransform, sourceProblem } from "./compatibility";
import type { TableUpdate, UnboundPartitionField } from "./types";

type Update<A extends TableUpdate["action"]> = Extract<TableUpdate, { action: A }>;

/**
 * Adds a partition spec, or re-uses one the table has that is equal field for field
 * (names, sources, transforms, in order; field ids ignored — Java's `compatibleWith`).
 * A new spec gets the next spec id and is checked against the current schema. Fields
 * without an id get one: in v1 their position (1000, 1001, …, the only numbering v1
 * allows); from v2 on, the next ids after last-partition-id, so an id never names two
 * different fields over the table's history.
 */
export function addSpec(draft: MetadataDraft, update: Update<"add-spec">): void {
  const meta = draft.meta;
  const fields = update.spec.fields.map((field) => withCanonicalTransform(draft, field));
  const existing = meta.partitionSpecs.find((spec) => sameSpecFields(spec.fields, fields));
  if (existing) {
    draft.lastAddedSpecId = existing.specId;
    return;
  }
  if (fields.length > 0) checkSpecFields(draft, fields, schemaFor(draft, "partition spec"));
  const bound = assignFieldIds(draft, fields);
  const specId = nextId(meta.partitionSpecs.map((s) => s.specId));
  meta.partitionSpecs.push({ specId, fields: bound });
  meta.lastPartitionId = Math.max(meta.lastPartitionId, ...bound.map((f) => f.fieldId));
  draft.lastAddedSpecId = specId;
  draft.changed = true;
}

export function setDefaultSpec(draft: MetadataDraft, update: Update<"set-default-spec">) {
  const specId = resolveLastAdded(draft, update.specId, draft.lastAddedSpecId, "partition spec");
  const meta = draft.meta;
  if (meta.defaultSpecId === specId) return;
  if (!meta.partitionSpecs.some((s) => s.specId === specId)) {
    draft.fail(
      `cannot set the default spec to unknown spec ${specId} ${known(meta.partitionSpecs.map((s) => s.specId))}`,
    );
  }
  meta.defaultSpecId = specId;
  draft.changed = true;
}

export function removeSpecs(draft: MetadataDraft, update: Update<"remove-partition-specs">) {
  const meta = draft.meta;
  if (update.specIds.includes(meta.defaultSpecId)) {
    draft.fail(`cannot remove the default partition spec ${meta.defaultSpecId}`);
  }
  const remove = new Set(update.specIds);
  const kept = meta.partitionSpecs.filter((s) => !remove.has(s.specId));
  if (kept.length === meta.partitionSpecs.length) return;
  meta.partitionSpecs = kept;
  draft.changed = true;
}

/** The current schema, which specs and sort orders are checked against. */
export function schemaFor(draft: MetadataDraft, what: string): Schema {
  const schema = schemaById(draft.meta, draft.meta.currentSchemaId);
  if (!schema) draft.fail(`set a current schema before adding a ${what}`);
  return schema;
}

function withCanonicalTransform<T extends { transform: string }>(
  draft: MetadataDraft,
  field: T,
): T {
  const transform = canonicalTransform(field.transform);
  if (typeof transform !== "string") draft.fail(transform.problem);
  return { ...field, transform };
}

export function sameSpecFields(
  a: readonly UnboundPartitionField[],
  b: readonly UnboundPartitionField[],
) {
  return (
    a.length === b.length &&
    a.every((field, i) => {
      const other = b[i];
      return (
        field.name === other.name &&
        field.transform === other.transform &&
        sameSources(field, other)
      );
    })
  );
}

export function sameSources(
  a: { sourceId: number; sourceIds?: number[] },
  b: { sourceId: number; sourceIds?: number[] },
): boolean {
  const left = a.sourceIds ?? [a.sourceId];
  const right = b.sourceIds ?? [b.sourceId];
  return left.length === right.length && left.every((id, i) => id === right[i]);
}

function checkSpecFields(draft: MetadataDraft, fields: UnboundPartitionField[], schema: Schema) {
  const names = new Set<string>();
  for (const field of fields) {
    if (!field.name) draft.fail("a partition field needs a name");
    if (names.has(field.name)) draft.fail(`partition field name "${field.name}" is used twice`);
    names.add(field.name);
    const problem = sourceProblem(field, schema);
    if (problem) draft.fail(`partition field ${field.name}: ${problem}`);
  }
}

function assignFieldIds(draft: MetadataDraft, fields: UnboundPartitionField[]): PartitionField[] {
  if (draft.formatVersion === 1) return assignV1FieldIds(draft, fields);
  const explicit = fields.flatMap((f) => (f.fieldId === undefined ? [] : [f.fieldId]));
  let last = Math.max(draft.meta.lastPartitionId, ...explicit);
  const bound = fields.map((field) => ({ ...field, fieldId: field.fieldId ?? ++last }));
  const seen = new Set<number>();
  for (const field of bound) {
    if (seen.has(field.fieldId)) draft.fail(`partition field id ${field.fieldId} is used twice`);
    seen.add(field.fieldId);
  }
  return bound;
}

/** v1 readers number partition fields by position, so a v1 spec's ids must be 1000, 1001, … */
function assignV1FieldIds(draft: MetadataDraft, fields: UnboundPartitionField[]): PartitionField[] {
  return fields.map((field, i) => {
    const expected = FIRST_PARTITION_FIELD_ID + i;
    if (field.fieldId !== undefined && field.fieldId !== expected) {
      draft.fail(
        `format v1 partition specs need sequential field ids from ${FIRST_PARTITION_FIELD_ID}: field ${field.name} has ${field.fieldId}, expected ${expected}`,
      );
    }
    return { ...field, fieldId: expected };
  });
}
