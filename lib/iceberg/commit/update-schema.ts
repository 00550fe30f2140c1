/**
 * Schema evolution, in the spirit of Java's `SchemaUpdate`: record changes by column
 * name against the table's current schema, then `commit()` for the new schema and the
 * commit that installs it.
 *
 * ```ts
 * const change = new UpdateSchema(meta)
 *   .addColumn("email", "string", { doc: "contact" })
 *   .addColumn("zip", "string", { parent: "address" })
 *   .renameColumn("name", "full_name")
 *   .updateColumn("count", "long")
 *   .moveAfter("email", "id")
 *   .commit(); // { schema, requirements, updates }
 * ```
 *
 * Rules, as Java has them: new columns are optional (required needs an initial default,
 * v3, or `allowIncompatibleChanges`) and get fresh ids after the table's last column id;
 * types change only by the spec's promotions; nested columns are named with dots
 * (`address.zip`, `points.element.x`, `props.value.v`); additions to a list or map go
 * into its element or value struct. Beyond Java, a column the default partition spec or
 * sort order uses cannot be deleted (Java fails later, at commit, less clearly).
 */
import {
  assignFreshIds,
  canonicalPrimitiveType,
  findFieldByName,
  type IcebergType,
  IcebergValidationError,
  indexFieldsById,
  isListType,
  isMapType,
  isPromotionAllowed,
  isStructType,
  type NestedField,
  type Schema,
  type SchemaField,
  sameType,
  type TableMetadata,
  typeToString,
} from "../spec";
import { partitionChangedByPromotion } from "./compatibility";
import { CommitValidationError } from "./errors";
import { type FieldUpdate, type Move, TABLE_ROOT } from "./update-schema-apply";
import { highestColumnId, type SchemaChange, SchemaFinisher } from "./update-schema-finish";

export type { SchemaChange } from "./update-schema-finish";

export interface UpdateSchemaOptions {
  /** Match column names case-sensitively (default true). */
  caseSensitive?: boolean;
  /** Allow required columns without defaults and optional → required (default false). */
  allowIncompatibleChanges?: boolean;
}

export interface AddColumnOptions {
  /** The struct to add to, by dotted name; a list or map adds to its element or value struct. */
  parent?: string;
  doc?: string;
  required?: boolean;
  /** v3 defaults, in the spec's JSON single-value form. */
  initialDefault?: unknown;
  writeDefault?: unknown;
}

interface Added {
  id: number;
  parentId: number;
}

export class UpdateSchema {
  private readonly schema: Schema;
  private readonly caseSensitive: boolean;
  private readonly allowIncompatible: boolean;
  private lastColumnId: number;
  private readonly deletes = new Set<number>();
  private readonly updates = new Map<number, FieldUpdate>();
  private readonly adds = new Map<number, NestedField[]>();
  private readonly added = new Map<string, Added>();
  private readonly moves = new Map<number, Move[]>();
  private identifierFieldIds?: number[];

  constructor(
    private readonly meta: TableMetadata,
    options: UpdateSchemaOptions = {},
  ) {
    const schema = meta.schemas.find((s) => s.schemaId === meta.currentSchemaId);
    if (!schema)
      throw new CommitValidationError(`the current schema ${meta.currentSchemaId} does not exist`);
    this.schema = schema;
    this.caseSensitive = options.caseSensitive ?? true;
    this.allowIncompatible = options.allowIncompatibleChanges ?? false;
    this.lastColumnId = highestColumnId(meta);
  }

  addColumn(name: string, type: IcebergType, options: AddColumnOptions = {}): this {
    const { parentId, fullName } = this.placeNewColumn(name, options.parent);
    const existing = this.find(fullName);
    if ((existing && !this.deletes.has(existing.id)) || this.added.has(this.key(fullName))) {
      fail(`Cannot add column, name already exists: ${fullName}`);
    }
    const field = this.newField(name, type, fullName, options);
    this.adds.set(parentId, [...(this.adds.get(parentId) ?? []), field]);
    this.added.set(this.key(fullName), { id: field.id, parentId });
    return this;
  }

  deleteColumn(name: string): this {
    const field = this.require(name, "delete");
    if (!field.field) fail(`Cannot delete ${field.fullName}: delete the list or map that holds it`);
    const holders = [field.id, ...childStructIds(field.type)];
    if (holders.some((id) => this.adds.has(id)))
      fail(`Cannot delete a column that has additions: ${name}`);
    if (this.updates.has(field.id)) fail(`Cannot delete a column that has updates: ${name}`);
    this.deletes.add(field.id);
    return this;
  }

  renameColumn(name: string, newName: string): this {
    const field = this.require(name, "rename");
    if (!field.field)
      fail(`Cannot rename ${field.fullName}: list elements and map entries have fixed names`);
    if (!newName) fail(`Cannot rename ${name} to an empty name`);
    this.checkNotDeleted(field, "rename");
    this.update(field.id, { name: newName });
    return this;
  }

  /** Changes a primitive column's type; only the spec's promotions (int → long, …) are allowed. */
  updateColumn(name: string, newType: string): this {
    const field = this.require(name, "update");
    this.checkNotDeleted(field, "update");
    if (field.name === "key" && !field.field) fail(`Cannot update map keys: ${field.fullName}`);
    const type = canonicalPrimitiveType(newType);
    if (!type) fail(`Cannot change column type: ${name}: unknown type ${newType}`);
    if (sameType(field.type, type)) return this;
    const from = typeToString(field.type);
    if (
      typeof field.type !== "string" ||
      !isPromotionAllowed(field.type, type, this.meta.formatVersion)
    ) {
      fail(`Cannot change column type: ${name}: ${from} -> ${type}`);
    }
    const changed = partitionChangedByPromotion(this.meta, field, type);
    if (changed)
      fail(`Cannot change column type: ${field.fullName}: ${from} -> ${type}: ${changed}`);
    this.update(field.id, { type });
    return this;
  }

  updateColumnDoc(name: string, doc: string): this {
    const field = this.require(name, "update");
    if (!field.field) fail(`Cannot set a doc on ${field.fullName}: only struct fields have docs`);
    this.checkNotDeleted(field, "update");
    if (field.field.doc !== doc) this.update(field.id, { doc });
    return this;
  }

  makeColumnOptional(name: string): this {
    return this.updateRequired(name, false);
  }

  /** Optional → required breaks readers of existing rows; only with `allowIncompatibleChanges`. */
  requireColumn(name: string): this {
    return this.updateRequired(name, true);
  }

  moveFirst(name: string): this {
    const fieldId = this.findForMove(name, "move");
    return this.move(name, { kind: "first", fieldId });
  }

  moveBefore(name: string, before: string): this {
    const fieldId = this.findForMove(name, "move");
    const referenceId = this.findForMove(before, `move ${name} before`);
    if (fieldId === referenceId) fail(`Cannot move ${name} before itself`);
    return this.move(name, { kind: "before", fieldId, referenceId });
  }

  moveAfter(name: string, after: string): this {
    const fieldId = this.findForMove(name, "move");
    const referenceId = this.findForMove(after, `move ${name} after`);
    if (fieldId === referenceId) fail(`Cannot move ${name} after itself`);
    return this.move(name, { kind: "after", fieldId, referenceId });
  }

  /** The row identity columns, existing or added in this update; replaces the current set. */
  setIdentifierFields(names: string[]): this {
    this.identifierFieldIds = names.map((name) => {
      const added = this.added.get(this.key(name));
      const id = added?.id ?? this.find(name)?.id;
      if (id === undefined) {
        fail(`Cannot set identifier field ${name}: not found in the schema or added columns`);
      }
      return id;
    });
    return this;
  }

  /** The new schema, checked. Its id is the next free schema id. */
  apply(): Schema {
    return this.finisher().apply();
  }

  /**
   * The new schema and the commit that makes it current. A schema equal to one the
   * table already has is re-used (set-current-schema to its id; nothing at all if it
   * is current). The requirements fail the commit if the schema moved meanwhile.
   */
  commit(): SchemaChange {
    return this.finisher().commit();
  }

  private finisher(): SchemaFinisher {
    return new SchemaFinisher(this.meta, this.schema, {
      changes: { deletes: this.deletes, updates: this.updates, adds: this.adds, moves: this.moves },
      identifierFieldIds: this.identifierFieldIds,
      caseSensitive: this.caseSensitive,
    });
  }

  private placeNewColumn(name: string, parent: string | undefined) {
    if (!name) fail("Cannot add a column without a name");
    if (parent === undefined) {
      if (name.includes("."))
        fail(`Cannot add column with ambiguous name: ${name}, use the parent option`);
      return { parentId: TABLE_ROOT, fullName: name };
    }
    const holder = this.find(parent);
    if (!holder) fail(`Cannot find parent struct: ${parent}`);
    const target = this.structOf(holder);
    if (!target || !isStructType(target.type)) {
      fail(`Cannot add to non-struct column: ${parent}: ${typeToString((target ?? holder).type)}`);
    }
    if (this.isDeleted(target.id)) fail(`Cannot add to a column that will be deleted: ${parent}`);
    return { parentId: target.id, fullName: `${target.fullName}.${name}` };
  }

  /** A list's element or a map's value stands in for the list or map as a parent. */
  private structOf(field: SchemaField): SchemaField | undefined {
    const index = indexFieldsById(this.schema);
    if (isListType(field.type)) return index.get(field.type.elementId);
    if (isMapType(field.type)) return index.get(field.type.valueId);
    return field;
  }

  private newField(name: string, type: IcebergType, fullName: string, options: AddColumnOptions) {
    const required = options.required ?? false;
    const hasDefault = options.initialDefault !== undefined && options.initialDefault !== null;
    if (
      (options.initialDefault !== undefined || options.writeDefault !== undefined) &&
      this.meta.formatVersion < 3
    ) {
      fail(
        `Cannot add ${fullName} with a default: column defaults need format v3 (this table is v${this.meta.formatVersion})`,
      );
    }
    if (required && !hasDefault && !this.allowIncompatible) {
      fail(`Incompatible change: cannot add required column without a default: ${fullName}`);
    }
    const field: NestedField = { id: 0, name, required, type };
    if (options.doc !== undefined) field.doc = options.doc;
    if (options.initialDefault !== undefined) field.initialDefault = options.initialDefault;
    if (options.writeDefault !== undefined) field.writeDefault = options.writeDefault;
    // The column's id comes first, then those of its nested fields (Java's order).
    const fresh = assignFreshIds(
      { type: "struct", fields: [field] },
      { lastColumnId: this.lastColumnId },
    );
    this.lastColumnId = fresh.lastColumnId;
    return fresh.schema.fields[0];
  }

  private updateRequired(name: string, required: boolean): this {
    const field = this.require(name, "update");
    this.checkNotDeleted(field, "update");
    if (field.name === "key" && !field.field)
      fail(`Cannot change the nullability of map keys: ${field.fullName}`);
    if (field.required === required) return this;
    if (required && !this.allowIncompatible) {
      fail(`Cannot change column nullability: ${name}: optional -> required`);
    }
    this.update(field.id, { required });
    return this;
  }

  private move(name: string, move: Move): this {
    const parentId = this.parentOf(move.fieldId);
    if (move.kind !== "first" && this.parentOf(move.referenceId) !== parentId) {
      fail(`Cannot move field ${name} to a different struct`);
    }
    for (const id of move.kind === "first" ? [move.fieldId] : [move.fieldId, move.referenceId]) {
      if (this.deletes.has(id)) fail(`Cannot move ${name}: a column involved will be deleted`);
    }
    this.moves.set(parentId, [...(this.moves.get(parentId) ?? []), move]);
    return this;
  }

  private findForMove(name: string, action: string): number {
    const id = this.added.get(this.key(name))?.id ?? this.find(name)?.id;
    if (id === undefined) fail(`Cannot ${action} missing column: ${name}`);
    return id;
  }

  private parentOf(id: number): number {
    for (const added of this.added.values()) if (added.id === id) return added.parentId;
    return indexFieldsById(this.schema).get(id)?.parentId ?? TABLE_ROOT;
  }

  private update(id: number, change: FieldUpdate): void {
    this.updates.set(id, { ...this.updates.get(id), ...change });
  }

  private checkNotDeleted(field: SchemaField, action: string): void {
    if (this.isDeleted(field.id))
      fail(`Cannot ${action} a column that will be deleted: ${field.fullName}`);
  }

  private isDeleted(id: number): boolean {
    const index = indexFieldsById(this.schema);
    for (
      let at = index.get(id);
      at;
      at = at.parentId === undefined ? undefined : index.get(at.parentId)
    ) {
      if (this.deletes.has(at.id)) return true;
    }
    return false;
  }

  private require(name: string, action: string): SchemaField {
    const field = this.find(name);
    if (!field) fail(`Cannot ${action} missing column: ${name}`);
    return field;
  }

  private find(name: string): SchemaField | undefined {
    try {
      return findFieldByName(this.schema, name, { caseSensitive: this.caseSensitive });
    } catch (error) {
      if (error instanceof IcebergValidationError)
        fail(`Ambiguous column name ${name}: ${error.problem}`);
      throw error;
    }
  }

  private key(name: string): string {
    return this.caseSensitive ? name : name.toLowerCase();
  }
}

/** Ids of the structs a column's additions would go into: itself, or its list element or map value. */
function childStructIds(type: IcebergType): number[] {
  if (isListType(type)) return [type.elementId];
  if (isMapType(type)) return [type.valueId];
  return [];
}

function fail(message: string): never {
  throw new CommitValidationError(message);
}
