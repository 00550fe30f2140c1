/**
 * A new table's first metadata, as Java's `TableMetadata.newTableMetadata` makes it:
 * the schema gets fresh field ids (top-level columns 1..n), partition fields get ids
 * from 1000 and sort fields keep their columns, re-mapped onto the fresh ids; the
 * location loses trailing slashes; a `format-version` property picks the version and,
 * like every reserved property, is not stored.
 *
 * It also returns the same table as a create commit (assert-create + the updates a
 * REST client sends), and the metadata is exactly what applying that commit to
 * nothing gives — it is computed that way.
 */
import {
  allFields,
  assignFreshIds,
  FIRST_PARTITION_FIELD_ID,
  type FormatVersion,
  type PartitionField,
  type Schema,
  type SortOrder,
  type StructType,
  SUPPORTED_FORMAT_VERSIONS,
  type TableMetadata,
} from "../spec";
import { applyUpdates } from "./apply";
import { CommitValidationError } from "./errors";
import { RESERVED_PROPERTIES } from "./properties";
import { LAST_ADDED, type TableCommit, type TableUpdate, type UnboundPartitionSpec } from "./types";

export interface NewTableOptions {
  location: string;
  /** Field ids here only tie the spec and sort order to columns; fresh ones are assigned. */
  schema: StructType & { identifierFieldIds?: number[] };
  /** Source ids refer to `schema`'s field ids; field ids are reassigned from 1000. */
  partitionSpec?: UnboundPartitionSpec;
  /** Source ids refer to `schema`'s field ids. */
  sortOrder?: SortOrder;
  properties?: Record<string, string>;
  /** Default: the `format-version` property, else 2. */
  formatVersion?: FormatVersion;
  /** Default: a random UUID. */
  uuid?: string;
  /** Default: `Date.now()`. */
  now?: number;
}

export interface NewTable {
  metadata: TableMetadata;
  commit: TableCommit;
}

export function newTableMetadata(options: NewTableOptions): NewTable {
  const properties = options.properties ?? {};
  const formatVersion = options.formatVersion ?? formatVersionProperty(properties);
  const { schema, lastColumnId, freshIdOf } = freshSchema(options.schema);
  const spec = freshSpec(options.partitionSpec, freshIdOf);
  const sortOrder = freshSortOrder(options.sortOrder, freshIdOf);
  const updates: TableUpdate[] = [
    { action: "assign-uuid", uuid: options.uuid ?? crypto.randomUUID() },
    { action: "upgrade-format-version", formatVersion },
    { action: "add-schema", schema, lastColumnId },
    { action: "set-current-schema", schemaId: LAST_ADDED },
    { action: "add-spec", spec },
    { action: "set-default-spec", specId: LAST_ADDED },
    { action: "add-sort-order", sortOrder },
    { action: "set-default-sort-order", sortOrderId: LAST_ADDED },
    { action: "set-location", location: options.location.replace(/\/+$/, "") },
  ];
  const stored = storedProperties(properties);
  if (Object.keys(stored).length > 0) updates.push({ action: "set-properties", updates: stored });
  const commit: TableCommit = { requirements: [{ type: "assert-create" }], updates };
  const metadata = applyUpdates(null, updates, { now: options.now ?? Date.now() });
  return { metadata, commit };
}

function formatVersionProperty(properties: Record<string, string>): FormatVersion {
  const text = properties["format-version"];
  if (text === undefined) return 2;
  const version = Number(text);
  if (!SUPPORTED_FORMAT_VERSIONS.includes(version as FormatVersion)) {
    throw new CommitValidationError(
      `unsupported format version "${text}"`,
      "properties.format-version",
    );
  }
  return version as FormatVersion;
}

function storedProperties(properties: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(properties).filter(([key]) => !RESERVED_PROPERTIES.has(key)),
  );
}

/** Fresh ids, and the map from the caller's ids to them (both schemas list fields in the same order). */
function freshSchema(input: NewTableOptions["schema"]) {
  const { schema, lastColumnId } = assignFreshIds(input, { schemaId: 0 });
  const fresh = new Map<number, number>();
  const after = allFields(schema);
  allFields(input).forEach((field, i) => {
    if (!fresh.has(field.id)) fresh.set(field.id, after[i].id);
  });
  const freshIdOf = (id: number, what: string): number => {
    const freshId = fresh.get(id);
    if (freshId === undefined)
      throw new CommitValidationError(`${what}: source column ${id} is not in the schema`);
    return freshId;
  };
  return { schema: schema as Schema, lastColumnId, freshIdOf };
}

type FreshIdOf = (id: number, what: string) => number;

function freshSpec(
  spec: UnboundPartitionSpec | undefined,
  freshIdOf: FreshIdOf,
): UnboundPartitionSpec {
  const fields = (spec?.fields ?? []).map((field, i): PartitionField => {
    const what = `partition field ${field.name}`;
    const out: PartitionField = {
      sourceId: freshIdOf(field.sourceId, what),
      fieldId: FIRST_PARTITION_FIELD_ID + i,
      name: field.name,
      transform: field.transform,
    };
    if (field.sourceIds) out.sourceIds = field.sourceIds.map((id) => freshIdOf(id, what));
    return out;
  });
  return { specId: 0, fields };
}

function freshSortOrder(order: SortOrder | undefined, freshIdOf: FreshIdOf): SortOrder {
  if (!order || order.fields.length === 0) return { orderId: 0, fields: [] };
  const fields = order.fields.map((field) => {
    const what = `sort field ${field.transform}(${field.sourceId})`;
    const out = { ...field, sourceId: freshIdOf(field.sourceId, what) };
    if (field.sourceIds) out.sourceIds = field.sourceIds.map((id) => freshIdOf(id, what));
    return out;
  });
  return { orderId: 1, fields };
}
