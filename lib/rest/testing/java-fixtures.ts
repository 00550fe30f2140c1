/**
 * The constants and client-side operations of Iceberg's Java `CatalogTests` /
 * `ViewCatalogTests`, for the ports in lib/rest/compat: the same schemas, spec and write
 * order (as the REST JSON a Java client sends), the data files FILE_A/B/C as tagged
 * appends (real Parquet files, tags 1/2/3), and the table and view changes a Java client
 * builds before it commits (UpdateSchema, UpdatePartitionSpec, ReplaceSortOrder,
 * transactions) — built with lib/iceberg's builders against the loaded metadata.
 */
import { applyUpdates, planSnapshotExpiry, type TableCommit, type TableUpdate, UpdatePartitionSpec, UpdateSchema } from "@/lib/iceberg/commit";
import { readManifestList } from "@/lib/iceberg/manifest";
import { readSchema, type Schema, type Snapshot, type SortField, type TableMetadata } from "@/lib/iceberg/spec";
import { type CatalogApi, type Ident, ident, RestFailure, type TableState } from "./catalog-api";
import { prepareTagged, type Replacement, replaceWithAppendRebuilt, type Writer } from "./table-ops";

export const NS = ["newdb"];
export const TABLE = ident(NS, "newtable");
export const RENAMED_TABLE = ident(NS, "table_renamed");
export const TBL = ident("ns", "tbl");

const field = (id: number, name: string, type: string, doc?: string) => ({ id, name, type, required: true, ...(doc ? { doc } : {}) });

/** Schema passed to create tables (ids 3, 4: the catalog reassigns them). */
export const SCHEMA = { type: "struct", "schema-id": 0, fields: [field(3, "id", "int", "unique ID 🤪"), field(4, "data", "string")] };
/** The table's actual schema, ids reassigned. */
export const TABLE_SCHEMA = [
  { id: 1, name: "id", type: "int", required: true, doc: "unique ID 🤪" },
  { id: 2, name: "data", type: "string", required: true },
];
/** SCHEMA replacing OTHER_SCHEMA: new columns numbered after some_id. */
export const REPLACE_SCHEMA = [
  { id: 2, name: "id", type: "int", required: true, doc: "unique ID 🤪" },
  { id: 3, name: "data", type: "string", required: true },
];
export const OTHER_SCHEMA = { type: "struct", "schema-id": 0, fields: [field(1, "some_id", "int")] };

/** bucket(id, 16) on SCHEMA. */
export const SPEC = { "spec-id": 0, fields: [{ "source-id": 3, "field-id": 1000, name: "id_bucket", transform: "bucket[16]" }] };
export const TABLE_SPEC_FIELDS = [{ sourceId: 1, fieldId: 1000, name: "id_bucket", transform: "bucket[16]" }];

/** asc(bucket(id, 16)), asc(id) on SCHEMA. */
export const WRITE_ORDER = {
  "order-id": 1,
  fields: [
    { "source-id": 3, transform: "bucket[16]", direction: "asc", "null-order": "nulls-first" },
    { "source-id": 3, transform: "identity", direction: "asc", "null-order": "nulls-first" },
  ],
};
export const TABLE_WRITE_ORDER_FIELDS: SortField[] = [
  { sourceId: 1, transform: "bucket[16]", direction: "asc", nullOrder: "nulls-first" },
  { sourceId: 1, transform: "identity", direction: "asc", nullOrder: "nulls-first" },
];

export const FILE_A = 1;
export const FILE_B = 2;
export const FILE_C = 3;

/** A JSON schema as the model (what `replaceTransaction` and the builders take). */
export function schemaModel(json: unknown): Schema {
  return readSchema(json as never, "schema", { defaultSchemaId: 0 });
}

/** The current schema's columns, as Java's `schema().asStruct()` compares them. */
export function columns(metadata: TableMetadata) {
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId) as Schema;
  return schema.fields.map((f) => ({ id: f.id, name: f.name, type: f.type, required: f.required, ...(f.doc ? { doc: f.doc } : {}) }));
}

export function defaultSpecFields(metadata: TableMetadata) {
  return metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId)?.fields ?? [];
}

export function defaultOrderFields(metadata: TableMetadata) {
  return metadata.sortOrders.find((o) => o.orderId === metadata.defaultSortOrderId)?.fields ?? [];
}

/** `table.updateSchema()…commit()`. */
export function schemaUpdate(metadata: TableMetadata, change: (u: UpdateSchema) => UpdateSchema): TableCommit {
  const { requirements, updates } = change(new UpdateSchema(metadata)).commit();
  return { requirements, updates };
}

/** `table.updateSpec()…commit()`. */
export function specUpdate(metadata: TableMetadata, change: (u: UpdatePartitionSpec) => UpdatePartitionSpec): TableCommit {
  const { requirements, updates } = change(new UpdatePartitionSpec(metadata)).commit();
  return { requirements, updates };
}

/** `table.replaceSortOrder()…commit()`: the table re-uses an equal order it has. */
export function sortOrderUpdate(metadata: TableMetadata, fields: SortField[]): TableCommit {
  return {
    requirements: [
      { type: "assert-table-uuid", uuid: metadata.tableUuid },
      { type: "assert-default-sort-order-id", defaultSortOrderId: metadata.defaultSortOrderId },
    ],
    updates: [
      { action: "add-sort-order", sortOrder: { orderId: 1, fields } },
      { action: "set-default-sort-order", sortOrderId: -1 },
    ],
  };
}

/** `table.newFastAppend().appendFile(…).commit()`, with Java's retry: on 409, rebuild on fresh metadata. */
export async function append(api: CatalogApi, writer: Writer, id: Ident, ...tags: number[]): Promise<TableState> {
  const base = await api.loadTable(id);
  const prepared = await prepareTagged(writer, base.metadata, ...tags);
  let metadata = base.metadata;
  for (let attempt = 1; ; attempt++) {
    try {
      return await api.commit(id, await prepared.buildCommit(metadata));
    } catch (error) {
      if (!(error instanceof RestFailure) || error.status !== 409 || attempt >= 4) throw error;
      metadata = (await api.loadTable(id)).metadata;
    }
  }
}

/**
 * `replaceTransaction().newFastAppend()…commitTransaction()` built against `base`, sent
 * now; on 409 (the table changed since `base`) Java rebuilds the replacement on the fresh
 * table and tries again, and so does this. Returns the attempts it took.
 */
export async function commitReplace(api: CatalogApi, writer: Writer, id: Ident, base: TableMetadata, replacement: Replacement, ...tags: number[]): Promise<number> {
  let current = base;
  let ids: ReadonlyMap<number, number> | undefined;
  for (let attempt = 1; ; attempt++) {
    const built = await replaceWithAppendRebuilt(writer, current, replacement, ids, ...tags);
    ids = built.ids;
    try {
      await api.commit(id, built.commit);
      return attempt;
    } catch (error) {
      if (!(error instanceof RestFailure) || error.status !== 409 || attempt >= 4) throw error;
      current = (await api.loadTable(id)).metadata;
    }
  }
}

/** Partition spec ids of the manifests (with live files) of the current snapshot. */
export async function manifestSpecIds(writer: Writer, metadata: TableMetadata): Promise<number[]> {
  const snapshot = metadata.snapshots.find((s) => s.snapshotId === metadata.currentSnapshotId);
  if (!snapshot) return [];
  return [...(await liveManifestSpecs(writer, metadata, snapshot))].sort();
}

async function liveManifestSpecs(writer: Writer, metadata: TableMetadata, snapshot: Snapshot): Promise<Set<number>> {
  if (!snapshot.manifestList) return new Set();
  const list = readManifestList(await writer.io.read(snapshot.manifestList), metadata.formatVersion);
  return new Set(list.manifests.filter((m) => (m.addedFilesCount ?? 1) + (m.existingFilesCount ?? 1) > 0).map((m) => m.partitionSpecId));
}

/**
 * `table.expireSnapshots()….cleanExpiredMetadata(true).commit()`: the expiry Tarn plans,
 * then (on the table as it will be) removal of the specs no retained snapshot's live
 * manifests use and the schemas no retained snapshot uses, the current ones kept.
 */
export async function expireAndClean(writer: Writer, metadata: TableMetadata, olderThanMs?: number): Promise<TableCommit> {
  const plan = planSnapshotExpiry(metadata, { now: Date.now(), olderThanMs });
  const after = applyUpdates(metadata, plan.updates, { now: Date.now() });
  const usedSpecs = new Set([after.defaultSpecId]);
  const usedSchemas = new Set([after.currentSchemaId]);
  for (const snapshot of after.snapshots) {
    for (const id of await liveManifestSpecs(writer, after, snapshot)) usedSpecs.add(id);
    if (snapshot.schemaId !== undefined) usedSchemas.add(snapshot.schemaId);
  }
  const specIds = after.partitionSpecs.map((s) => s.specId).filter((id) => !usedSpecs.has(id));
  const schemaIds = after.schemas.map((s) => s.schemaId).filter((id) => !usedSchemas.has(id));
  const updates: TableUpdate[] = [...plan.updates];
  if (specIds.length) updates.push({ action: "remove-partition-specs", specIds });
  if (schemaIds.length) updates.push({ action: "remove-schemas", schemaIds });
  return { requirements: plan.requirements, updates };
}
