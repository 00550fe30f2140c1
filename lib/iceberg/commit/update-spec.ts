/**
 * Partition evolution, after Java's `BaseUpdatePartitionSpec`: changes to the table's
 * default spec by source column and transform, then `commit()` for the new spec and
 * the commit that makes it the default.
 *
 * ```ts
 * const change = new UpdatePartitionSpec(meta)
 *   .addField("ts", "hour")            // named ts_hour
 *   .removeField("ts_day")
 *   .addField("id", "bucket[16]", "shard")
 *   .renameField("region", "area")
 *   .commit(); // { spec, requirements, updates }
 * ```
 *
 * - Removing a field in v1 keeps it as a `void` field (v1 readers number partition
 *   fields by position); from v2 on it is dropped.
 * - From v2 on, adding back a field the table had in any spec (same source and
 *   transform, and name when one is given) re-uses that field's id and name, so old
 *   and new files agree on what the id means; other new fields get ids after
 *   last-partition-id.
 * - One source column gets at most one time transform (year/month/day/hour), and a
 *   field a spec already has cannot be added twice.
 */
import {
  findFieldByName,
  IcebergValidationError,
  type PartitionField,
  type PartitionSpec,
  type Schema,
  type TableMetadata,
} from "../spec";
import { canTransform, dedupName, defaultPartitionName, parseTransform } from "../transforms";
import { nextId } from "./apply-schema";
import { sameSpecFields } from "./apply-spec";
import { canonicalTransform } from "./compatibility";
import { CommitValidationError } from "./errors";
import type { TableRequirement, TableUpdate } from "./types";

export interface SpecChange {
  spec: PartitionSpec;
  requirements: TableRequirement[];
  updates: TableUpdate[];
}

interface Resolved {
  sourceId: number;
  sourceName: string;
  transform: string;
}

export class UpdatePartitionSpec {
  private readonly spec: PartitionSpec;
  private readonly schema: Schema;
  private readonly caseSensitive: boolean;
  private lastAssignedId: number;
  private readonly adds: PartitionField[] = [];
  private readonly deletes = new Set<number>();
  private readonly renames = new Map<string, string>();

  constructor(
    private readonly meta: TableMetadata,
    options: { caseSensitive?: boolean } = {},
  ) {
    const spec = meta.partitionSpecs.find((s) => s.specId === meta.defaultSpecId);
    const schema = meta.schemas.find((s) => s.schemaId === meta.currentSchemaId);
    if (!spec || !schema)
      throw new CommitValidationError("the table has no default spec or current schema");
    this.spec = spec;
    this.schema = schema;
    this.caseSensitive = options.caseSensitive ?? true;
    const ids = meta.partitionSpecs.flatMap((s) => s.fields.map((f) => f.fieldId));
    this.lastAssignedId = Math.max(meta.lastPartitionId, ...ids);
  }

  /** Partitions by `transform` of the column `source`; the name defaults to Iceberg's (`id_bucket_16`). */
  addField(source: string, transform = "identity", name?: string): this {
    if (name !== undefined && this.addedNamed(name))
      fail(`Cannot add duplicate partition field: ${name}`);
    const resolved = this.resolve(source, transform);
    const existing = this.currentFieldFor(resolved);
    if (
      existing &&
      this.deletes.has(existing.fieldId) &&
      existing.transform === resolved.transform
    ) {
      return this.undelete(existing, name);
    }
    if (
      existing &&
      !(this.deletes.has(existing.fieldId) && existing.transform !== resolved.transform)
    ) {
      fail(
        `Cannot add duplicate partition field ${termOf(resolved)}: conflicts with ${existing.name}`,
      );
    }
    const added = this.adds.find((f) => sameSlot(f, resolved));
    if (added)
      fail(
        `Cannot add duplicate partition field ${termOf(resolved)}: already added as ${added.name}`,
      );
    const field = this.recycleOrCreate(resolved, name);
    this.makeRoomFor(field.name);
    this.adds.push(field);
    return this;
  }

  removeField(name: string): this {
    if (this.addedNamed(name)) fail(`Cannot delete newly added field: ${name}`);
    if (this.renames.has(name)) fail(`Cannot rename and delete partition field: ${name}`);
    const field = this.currentNamed(name);
    if (!field) fail(`Cannot find partition field to remove: ${name}`);
    this.deletes.add(field.fieldId);
    return this;
  }

  /** Removes the field that partitions by `transform` of `source`, whatever its name. */
  removeFieldFor(source: string, transform: string): this {
    const resolved = this.resolve(source, transform);
    if (this.adds.some((f) => sameSlot(f, resolved)))
      fail(`Cannot delete newly added field: ${termOf(resolved)}`);
    const field = this.currentFieldFor(resolved);
    if (!field || field.transform !== resolved.transform) {
      fail(`Cannot find partition field to remove: ${termOf(resolved)}`);
    }
    return this.removeField(field.name);
  }

  renameField(name: string, newName: string): this {
    const taken = this.currentNamed(newName);
    // A void field left by a v1 removal gives its name up.
    if (taken && isVoid(taken) && taken.name !== name)
      this.renameField(taken.name, `${taken.name}_${taken.fieldId}`);
    if (this.addedNamed(name)) fail(`Cannot rename newly added partition field: ${name}`);
    const field = this.currentNamed(name);
    if (!field) fail(`Cannot find partition field to rename: ${name}`);
    if (this.deletes.has(field.fieldId)) fail(`Cannot delete and rename partition field: ${name}`);
    this.renames.set(name, newName);
    return this;
  }

  /** The new spec, with the next free spec id. */
  apply(): PartitionSpec {
    const fields: PartitionField[] = [];
    for (const field of this.spec.fields) {
      const name = this.renames.get(field.name) ?? field.name;
      if (!this.deletes.has(field.fieldId)) fields.push({ ...field, name });
      else if (this.meta.formatVersion === 1) fields.push({ ...field, name, transform: "void" });
    }
    fields.push(...this.adds);
    this.checkNames(fields);
    return { specId: nextId(this.meta.partitionSpecs.map((s) => s.specId)), fields };
  }

  /**
   * The new spec and the commit that makes it the default. A spec equal to one the
   * table has (ids aside) is re-used: set-default-spec to it, or nothing if it is the
   * default already.
   */
  commit(): SpecChange {
    const spec = this.apply();
    const requirements: TableRequirement[] = [
      { type: "assert-table-uuid", uuid: this.meta.tableUuid },
      { type: "assert-default-spec-id", defaultSpecId: this.meta.defaultSpecId },
    ];
    const existing = this.meta.partitionSpecs.find((s) => sameSpecFields(s.fields, spec.fields));
    if (existing) {
      const updates: TableUpdate[] =
        existing.specId === this.meta.defaultSpecId
          ? []
          : [{ action: "set-default-spec", specId: existing.specId }];
      return { spec: existing, requirements, updates };
    }
    requirements.push({
      type: "assert-last-assigned-partition-id",
      lastAssignedPartitionId: this.meta.lastPartitionId,
    });
    const updates: TableUpdate[] = [
      { action: "add-spec", spec },
      { action: "set-default-spec", specId: -1 },
    ];
    return { spec, requirements, updates };
  }

  private resolve(source: string, transformText: string): Resolved {
    const column = this.findColumn(source);
    const transform = canonicalTransform(transformText);
    if (typeof transform !== "string") fail(transform.problem);
    if (parseTransform(transform).kind === "unknown")
      fail(`Unknown partition transform: ${transformText}`);
    if (typeof column.type !== "string")
      fail(`Cannot partition by non-primitive source field: ${source}`);
    if (!canTransform(transform, column.type)) {
      fail(`Invalid source type ${column.type} for transform ${transform} of ${source}`);
    }
    return { sourceId: column.id, sourceName: column.fullName, transform };
  }

  private findColumn(source: string) {
    try {
      const column = findFieldByName(this.schema, source, { caseSensitive: this.caseSensitive });
      if (!column) fail(`Cannot find source column: ${source}`);
      return column;
    } catch (error) {
      if (error instanceof IcebergValidationError)
        fail(`Ambiguous source column ${source}: ${error.problem}`);
      throw error;
    }
  }

  /** The current spec's field over the same column in the same transform family (time transforms are one). */
  private currentFieldFor(resolved: Resolved): PartitionField | undefined {
    return this.spec.fields.find((f) => sameSlot(f, resolved));
  }

  private currentNamed(name: string): PartitionField | undefined {
    return this.spec.fields.find((f) => f.name === name);
  }

  private addedNamed(name: string): boolean {
    return this.adds.some((f) => f.name === name);
  }

  /** Re-adding a field removed in this same update just keeps it (renamed if asked). */
  private undelete(field: PartitionField, name: string | undefined): this {
    this.deletes.delete(field.fieldId);
    return name === undefined || name === field.name ? this : this.renameField(field.name, name);
  }

  /** v2+: a field the table had before, in any spec, comes back with its id (Java's recycling). */
  private recycleOrCreate(resolved: Resolved, name: string | undefined): PartitionField {
    if (this.meta.formatVersion >= 2) {
      for (const spec of this.meta.partitionSpecs) {
        const old = spec.fields.find(
          (f) =>
            f.sourceId === resolved.sourceId &&
            f.sourceIds === undefined &&
            f.transform === resolved.transform &&
            (name === undefined || f.name === name),
        );
        if (old) return { ...old };
      }
    }
    return {
      sourceId: resolved.sourceId,
      fieldId: ++this.lastAssignedId,
      name: name ?? defaultPartitionName(resolved.transform, resolved.sourceName),
      transform: resolved.transform,
    };
  }

  /** A current field holding the new name must give it up: a void one is renamed, any other is a conflict. */
  private makeRoomFor(name: string): void {
    const holder = this.currentNamed(name);
    if (!holder) return;
    const renamed = `${holder.name}_${holder.fieldId}`;
    if (this.deletes.has(holder.fieldId)) this.renames.set(holder.name, renamed);
    else if (isVoid(holder)) this.renameField(holder.name, renamed);
    else fail(`Cannot add duplicate partition field name: ${name}`);
  }

  /**
   * Names are unique, and a partition may not take a column's name — except an
   * identity partition of that very column (Java's `checkAndAddPartitionName`).
   */
  private checkNames(fields: PartitionField[]): void {
    const seen = new Set<string>();
    const original = new Map(this.spec.fields.map((f) => [f.fieldId, f.name]));
    for (const field of fields) {
      if (!field.name) fail("Cannot use an empty partition name");
      if (seen.has(field.name)) fail(`Cannot use partition name more than once: ${field.name}`);
      seen.add(field.name);
      if (original.get(field.fieldId) === field.name) continue; // unchanged: not ours to judge
      const column = findFieldByName(this.schema, field.name);
      const identityOfIt =
        column?.id === field.sourceId && parseTransform(field.transform).kind === "identity";
      if (column && !identityOfIt) {
        fail(`Cannot create partition ${field.name}: a column of the schema has that name`);
      }
    }
  }
}

/** Same source column, same transform family: two such fields are redundant. */
function sameSlot(field: PartitionField | Resolved, resolved: Resolved): boolean {
  return (
    field.sourceId === resolved.sourceId &&
    dedupName(field.transform) === dedupName(resolved.transform)
  );
}

function isVoid(field: PartitionField): boolean {
  return parseTransform(field.transform).kind === "void";
}

function termOf(resolved: Resolved): string {
  return `${resolved.transform}(${resolved.sourceName})`;
}

function fail(message: string): never {
  throw new CommitValidationError(message);
}
