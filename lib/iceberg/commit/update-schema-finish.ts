/**
 * Turning recorded schema changes into a checked schema and a commit: identifier
 * fields and the default spec and sort order must survive the deletes, sibling names
 * must stay unique, and the result must read back as a valid schema of the table's
 * format version.
 */
import {
  highestFieldId,
  type IcebergType,
  IcebergValidationError,
  indexFieldsById,
  readSchema,
  type Schema,
  type SchemaField,
  type TableMetadata,
  writeSchema,
} from "../spec";
import { nextId, sameSchema } from "./apply-schema";
import { CommitValidationError } from "./errors";
import type { TableRequirement, TableUpdate } from "./types";
import { applyChanges, type SchemaChanges } from "./update-schema-apply";

export interface SchemaChange {
  schema: Schema;
  requirements: TableRequirement[];
  updates: TableUpdate[];
}

export interface FinishInput {
  changes: SchemaChanges;
  /** Set by setIdentifierFields; otherwise the current schema's stay. */
  identifierFieldIds?: number[];
  caseSensitive: boolean;
}

/** New field ids go above this: last-column-id, or any higher id a schema holds. */
export function highestColumnId(meta: TableMetadata): number {
  return Math.max(meta.lastColumnId, ...meta.schemas.map(highestFieldId));
}

export class SchemaFinisher {
  private readonly index: ReadonlyMap<number, SchemaField>;

  constructor(
    private readonly meta: TableMetadata,
    private readonly current: Schema,
    private readonly input: FinishInput,
  ) {
    this.index = indexFieldsById(current);
  }

  apply(): Schema {
    const identifierFieldIds = this.identifierFieldIds();
    this.checkDefaultsKept();
    const struct = applyChanges(this.current, this.input.changes);
    const schemaId = nextId(this.meta.schemas.map((s) => s.schemaId));
    const schema: Schema = { type: "struct", schemaId, fields: struct.fields };
    if (identifierFieldIds.length > 0) schema.identifierFieldIds = identifierFieldIds;
    checkUniqueNames(schema, this.input.caseSensitive);
    return normalize(schema, this.meta);
  }

  commit(): SchemaChange {
    const schema = this.apply();
    const requirements: TableRequirement[] = [
      { type: "assert-table-uuid", uuid: this.meta.tableUuid },
      { type: "assert-current-schema-id", currentSchemaId: this.meta.currentSchemaId },
    ];
    const existing = this.meta.schemas.find((s) => sameSchema(s, schema));
    if (existing) {
      const updates: TableUpdate[] =
        existing.schemaId === this.meta.currentSchemaId
          ? []
          : [{ action: "set-current-schema", schemaId: existing.schemaId }];
      return { schema: existing, requirements, updates };
    }
    requirements.push({
      type: "assert-last-assigned-field-id",
      lastAssignedFieldId: this.meta.lastColumnId,
    });
    const updates: TableUpdate[] = [
      { action: "add-schema", schema },
      { action: "set-current-schema", schemaId: -1 },
    ];
    return { schema, requirements, updates };
  }

  private identifierFieldIds(): number[] {
    const explicit = this.input.identifierFieldIds;
    const ids = explicit ?? this.current.identifierFieldIds ?? [];
    for (const id of ids) {
      const deleted = this.deletedAncestor(id);
      if (deleted === undefined) continue;
      const name = this.nameOf(id);
      if (explicit)
        fail(`Cannot use ${name} as an identifier field: ${this.nameOf(deleted)} is being deleted`);
      if (deleted === id) {
        fail(
          `Cannot delete identifier field ${name}. To force deletion, also set the identifier fields`,
        );
      }
      fail(`Cannot delete ${this.nameOf(deleted)}: it holds identifier field ${name}`);
    }
    return ids;
  }

  private checkDefaultsKept(): void {
    const spec = this.meta.partitionSpecs.find((s) => s.specId === this.meta.defaultSpecId);
    for (const field of spec?.fields ?? []) {
      this.checkSourcesKept(
        field,
        `partition field ${field.name} of the default spec ${spec?.specId}`,
      );
    }
    const order = this.meta.sortOrders.find((o) => o.orderId === this.meta.defaultSortOrderId);
    for (const field of order?.fields ?? []) {
      this.checkSourcesKept(field, `the default sort order ${order?.orderId}`);
    }
  }

  private checkSourcesKept(field: { sourceId: number; sourceIds?: number[] }, user: string) {
    for (const sourceId of field.sourceIds ?? [field.sourceId]) {
      const deleted = this.deletedAncestor(sourceId);
      if (deleted !== undefined)
        fail(`Cannot delete column ${this.nameOf(deleted)}: ${user} uses it`);
    }
  }

  private nameOf(id: number): string {
    return this.index.get(id)?.fullName ?? String(id);
  }

  /** The id of the deleted field at or above `id`, if any. */
  private deletedAncestor(id: number): number | undefined {
    for (
      let at = this.index.get(id);
      at;
      at = at.parentId === undefined ? undefined : this.index.get(at.parentId)
    ) {
      if (this.input.changes.deletes.has(at.id)) return at.id;
    }
    return undefined;
  }
}

/** Renames and additions must not give two columns of one struct the same name. */
function checkUniqueNames(type: IcebergType, caseSensitive: boolean, path = ""): void {
  if (typeof type === "string") return;
  if (type.type === "list") {
    checkUniqueNames(type.element, caseSensitive, `${path}element.`);
    return;
  }
  if (type.type === "map") {
    checkUniqueNames(type.key, caseSensitive, `${path}key.`);
    checkUniqueNames(type.value, caseSensitive, `${path}value.`);
    return;
  }
  const seen = new Set<string>();
  for (const field of type.fields) {
    const key = caseSensitive ? field.name : field.name.toLowerCase();
    if (seen.has(key)) {
      throw new CommitValidationError(
        `Cannot have two columns named ${path}${field.name}: rename or drop one`,
      );
    }
    seen.add(key);
    checkUniqueNames(field.type, caseSensitive, `${path}${field.name}.`);
  }
}

/** Canonical type spellings and every rule a metadata reader checks, for the table's version. */
function normalize(schema: Schema, meta: TableMetadata): Schema {
  try {
    return readSchema(writeSchema(schema), "schema", { formatVersion: meta.formatVersion });
  } catch (error) {
    if (error instanceof IcebergValidationError) {
      throw new CommitValidationError(`the new schema is invalid: ${error.message}`);
    }
    throw error;
  }
}

function fail(message: string): never {
  throw new CommitValidationError(message);
}
