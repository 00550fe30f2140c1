/**
 * What a Java client does on its side before it sends a commit, done with lib/iceberg for
 * REST tests: append rows (real Parquet files, a manifest and a manifest list, written by
 * lib/iceberg/write), the create updates of a staged table, and a replace transaction
 * (Java's `TableMetadata.buildReplacement` + `UpdateRequirements.forReplaceTable`).
 *
 * Rows are "tagged": every column of row `n` holds n (or "n"), so a test says which
 * appends a table holds by their tags — what Java's `assertFiles(table, FILE_A, FILE_B)` says.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { applyUpdates, LAST_ADDED, type TableCommit, type TableRequirement, type TableUpdate, type UnboundPartitionSpec } from "@/lib/iceberg/commit";
import type { FileIO } from "@/lib/iceberg/io";
import { currentSchema, defaultPartitionSpec, defaultSortOrder, MAIN_BRANCH, type Schema, type SortOrder, type TableMetadata } from "@/lib/iceberg/spec";
import { type PreparedCommit, prepareAppend } from "@/lib/iceberg/write";
import { readTableRows } from "@/lib/iceberg/write/testing/read-table";

export interface Writer {
  duck: DuckDBConnection;
  io: FileIO;
}

/** One row whose every column holds the tag: `SELECT 7 AS id, '7' AS data`. */
export function taggedRowSql(schema: Schema, tag: number): string {
  const columns = schema.fields.map((f) => {
    const value = typeof f.type === "string" && /^(int|long)$/.test(f.type) ? String(tag) : typeof f.type === "string" && f.type === "string" ? `'${tag}'` : "NULL";
    return `${value} AS "${f.name}"`;
  });
  return `SELECT ${columns.join(", ")}`;
}

/** Writes the rows of `tags` as data files for `metadata`; the commit is built later, per attempt. */
export function prepareTagged(writer: Writer, metadata: TableMetadata, ...tags: number[]): Promise<PreparedCommit> {
  const schema = currentSchema(metadata);
  const sourceSql = tags.map((tag) => taggedRowSql(schema, tag)).join(" UNION ALL ");
  return prepareAppend({ connection: writer.duck, io: writer.io, metadata, sourceSql });
}

/** The tags a table's current snapshot holds, sorted. */
export async function tagsOf(writer: Writer, metadata: TableMetadata): Promise<number[]> {
  const first = currentSchema(metadata).fields[0].name;
  const rows = await readTableRows(writer.duck, writer.io, metadata, first);
  return rows.map((row) => Number(row[first])).sort((a, b) => a - b);
}

/** The updates of a create transaction for a staged table: what applied to nothing gives `staged`. */
export function createUpdates(staged: TableMetadata): TableUpdate[] {
  const updates: TableUpdate[] = [
    { action: "assign-uuid", uuid: staged.tableUuid },
    { action: "upgrade-format-version", formatVersion: staged.formatVersion },
    { action: "add-schema", schema: currentSchema(staged), lastColumnId: staged.lastColumnId },
    { action: "set-current-schema", schemaId: LAST_ADDED },
    { action: "add-spec", spec: defaultPartitionSpec(staged) },
    { action: "set-default-spec", specId: LAST_ADDED },
    { action: "add-sort-order", sortOrder: defaultSortOrder(staged) },
    { action: "set-default-sort-order", sortOrderId: LAST_ADDED },
    { action: "set-location", location: staged.location },
  ];
  if (Object.keys(staged.properties).length > 0) updates.push({ action: "set-properties", updates: { ...staged.properties } });
  return updates;
}

/** A create transaction's commit: the staged table, and a first append when `append` is given. */
export async function createTransaction(staged: TableMetadata, append?: PreparedCommit): Promise<TableCommit> {
  const updates = createUpdates(staged);
  if (append) updates.push(...(await append.buildCommit(staged)).updates);
  return { requirements: [{ type: "assert-create" }], updates };
}

export interface Replacement {
  /** Field ids as in the client's schema; columns are matched to the table's by name. */
  schema: Schema;
  /** Source ids refer to `schema`. */
  spec?: UnboundPartitionSpec;
  order?: SortOrder;
  properties?: Record<string, string>;
  location?: string;
}

/**
 * A replace transaction against `base`, as Java builds it: the new schema keeps the ids
 * of columns the table already has (by name) and numbers new ones after its last column
 * id; spec and order are re-pointed at those ids; properties are added to the table's;
 * `main` is removed, so the table starts over with no current snapshot. Requirements:
 * the table's UUID, and that no column or partition field id was assigned meanwhile.
 */
export function replaceTransaction(base: TableMetadata, replacement: Replacement, fixedIds?: ReadonlyMap<number, number>): ReplaceTransaction {
  const { schema, idOf, ids } = reuseIds(base, replacement.schema, fixedIds);
  const spec: UnboundPartitionSpec = { fields: (replacement.spec?.fields ?? []).map(({ fieldId: _, ...f }) => ({ ...f, sourceId: idOf(f.sourceId) })) };
  const order: SortOrder = replacement.order?.fields.length
    ? { orderId: 1, fields: replacement.order.fields.map((f) => ({ ...f, sourceId: idOf(f.sourceId) })) }
    : { orderId: 0, fields: [] };
  const updates: TableUpdate[] = [];
  if (base.refs[MAIN_BRANCH]) updates.push({ action: "remove-snapshot-ref", refName: MAIN_BRANCH });
  updates.push(
    { action: "add-schema", schema, lastColumnId: Math.max(base.lastColumnId, ...schema.fields.map((f) => f.id)) },
    { action: "set-current-schema", schemaId: LAST_ADDED },
    { action: "add-spec", spec },
    { action: "set-default-spec", specId: LAST_ADDED },
    { action: "add-sort-order", sortOrder: order },
    { action: "set-default-sort-order", sortOrderId: LAST_ADDED },
  );
  if (replacement.location) updates.push({ action: "set-location", location: replacement.location });
  if (replacement.properties) updates.push({ action: "set-properties", updates: replacement.properties });
  const requirements: TableRequirement[] = [
    { type: "assert-table-uuid", uuid: base.tableUuid },
    { type: "assert-last-assigned-field-id", lastAssignedFieldId: base.lastColumnId },
    { type: "assert-last-assigned-partition-id", lastAssignedPartitionId: base.lastPartitionId },
  ];
  return { commit: { requirements, updates }, replaced: applyUpdates(base, updates, { now: Date.now() }), ids };
}

export interface ReplaceTransaction {
  commit: TableCommit;
  /** The table as the transaction sees it after the replace. */
  replaced: TableMetadata;
  /** Client schema id → the id the column got: a rebuild keeps them (data files use them). */
  ids: ReadonlyMap<number, number>;
}

/** A replace transaction with an append of `tags`, as Java's `replaceTransaction().newFastAppend()…commitTransaction()` sends it. */
export async function replaceWithAppend(writer: Writer, base: TableMetadata, replacement: Replacement, ...tags: number[]): Promise<TableCommit> {
  return (await replaceWithAppendRebuilt(writer, base, replacement, undefined, ...tags)).commit;
}

/** The same, keeping the column ids of an earlier build (Java's rebase of a replace after a conflict). */
export async function replaceWithAppendRebuilt(writer: Writer, base: TableMetadata, replacement: Replacement, fixedIds: ReadonlyMap<number, number> | undefined, ...tags: number[]): Promise<{ commit: TableCommit; ids: ReadonlyMap<number, number> }> {
  const { commit, replaced, ids } = replaceTransaction(base, replacement, fixedIds);
  if (tags.length === 0) return { commit, ids };
  const append = await prepareTagged(writer, replaced, ...tags);
  const appended = await append.buildCommit(replaced);
  const mainRef = base.refs[MAIN_BRANCH];
  const requirements: TableRequirement[] = [...commit.requirements, { type: "assert-ref-snapshot-id", ref: MAIN_BRANCH, snapshotId: mainRef ? mainRef.snapshotId : null }];
  return { commit: { requirements, updates: [...commit.updates, ...appended.updates] }, ids };
}

/**
 * Column ids for the replacement: a column the current schema has (by name) keeps its id,
 * a new one gets the next id — or, on a rebuild, the id it got before, unless the table
 * has meanwhile given that id to another column (Java: "Cannot commit replace transaction").
 */
function reuseIds(base: TableMetadata, wanted: Schema, fixed?: ReadonlyMap<number, number>) {
  const existing = new Map(currentSchema(base).fields.map((f) => [f.name, f.id]));
  const namesById = new Map(base.schemas.flatMap((s) => s.fields.map((f) => [f.id, f.name] as const)));
  let last = Math.max(base.lastColumnId, ...(fixed ? [...fixed.values()] : []));
  const ids = new Map<number, number>();
  const fields = wanted.fields.map((f) => {
    const kept = fixed?.get(f.id);
    if (kept !== undefined && namesById.has(kept) && namesById.get(kept) !== f.name) {
      throw new Error(`Cannot commit replace transaction: field id ${kept} is now ${namesById.get(kept)}, not ${f.name}`);
    }
    const id = kept ?? existing.get(f.name) ?? ++last;
    ids.set(f.id, id);
    return { ...f, id };
  });
  const idOf = (id: number) => {
    const mapped = ids.get(id);
    if (mapped === undefined) throw new Error(`source id ${id} is not a column of the replacement schema`);
    return mapped;
  };
  return { schema: { type: "struct" as const, schemaId: 0, fields }, idOf, ids: ids as ReadonlyMap<number, number> };
}
