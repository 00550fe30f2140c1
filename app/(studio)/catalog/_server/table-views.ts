import "server-only";
import type { SchemaView, SnapshotRow, TableOverview } from "@/components/catalog/table-types";
import type { CatalogContext, LoadedTable, LoadedView, TableIdent } from "@/lib/catalog";
import type { ExternalDescription } from "@/lib/catalog/external";
import { currentSchema, type Schema } from "@/lib/iceberg/spec";
import { columnRows, externalColumnRows, partitioningOf } from "./columns";
import { type Leaf, loadLeaf } from "./leaf";

/**
 * A table page's tabs as plain data.
 * INTERIM parts (until lib/catalog/browse lands): the committer ("by") is unknown here —
 * `describeTable` / `snapshotTimeline` will supply it.
 */
export async function tableOverview(ctx: CatalogContext, ident: TableIdent): Promise<TableOverview> {
  return overviewOf(await loadLeaf(ctx, ident), ident.name);
}

const EMPTY: Omit<TableOverview, "kind" | "name"> = {
  comment: null,
  owner: null,
  location: null,
  formatVersion: null,
  uuid: null,
  managed: false,
  protected: false,
  rowCount: null,
  sizeBytes: null,
  fileCount: null,
  snapshotCount: 0,
  lastChange: null,
  partitioning: [],
  properties: {},
  federated: false,
  fileFormat: null,
  viewSql: null,
};

function overviewOf(leaf: Leaf, name: string): TableOverview {
  if (leaf.kind === "table") return icebergOverview(leaf.table);
  if (leaf.kind === "external") return externalOverview(leaf.external, name);
  return viewOverview(leaf.view);
}

function icebergOverview({ row, metadata }: LoadedTable): TableOverview {
  const current = metadata.snapshots.find((s) => s.snapshotId === metadata.currentSnapshotId);
  const summary = current?.summary;
  return {
    ...EMPTY,
    kind: "table",
    name: row.name,
    comment: metadata.properties.comment ?? row.comment ?? null,
    owner: row.owner,
    location: metadata.location,
    formatVersion: metadata.formatVersion,
    uuid: metadata.tableUuid,
    managed: row.managed,
    protected: row.protected,
    rowCount: numberOf(summary?.["total-records"]),
    sizeBytes: numberOf(summary?.["total-files-size"]),
    fileCount: numberOf(summary?.["total-data-files"]),
    snapshotCount: metadata.snapshots.length,
    lastChange: current ? { at: current.timestampMs, operation: summary?.operation ?? "unknown", by: null } : null,
    partitioning: partitioningOf(metadata),
    properties: metadata.properties,
  };
}

function externalOverview(external: ExternalDescription, name: string): TableOverview {
  const options = Object.fromEntries(Object.entries(external.options).map(([k, v]) => [k, String(v)]));
  return { ...EMPTY, kind: "external", name, location: external.location, fileFormat: external.format, partitioning: external.columns.filter((c) => c.partition).map((c) => c.name), properties: options };
}

function viewOverview({ row, metadata }: LoadedView): TableOverview {
  const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
  const sql = version?.representations.find((r) => r.type === "sql")?.sql ?? null;
  return {
    ...EMPTY,
    kind: "view",
    name: row.name,
    comment: metadata.properties.comment ?? row.comment ?? null,
    owner: row.owner,
    location: metadata.location,
    formatVersion: metadata.formatVersion,
    uuid: metadata.viewUuid,
    lastChange: version ? { at: version.timestampMs, operation: `version ${version.versionId}`, by: null } : null,
    properties: metadata.properties,
    viewSql: sql,
  };
}

export async function tableSchema(ctx: CatalogContext, ident: TableIdent, schemaId?: number): Promise<SchemaView> {
  const leaf = await loadLeaf(ctx, ident);
  if (leaf.kind === "external") return { schemaId: 0, columns: externalColumnRows(leaf.external.columns), versions: [{ schemaId: 0, columnCount: leaf.external.columns.length, current: true }] };
  const { schemas, currentId } = leaf.kind === "table" ? { schemas: leaf.table.metadata.schemas, currentId: leaf.table.metadata.currentSchemaId } : viewSchemas(leaf.view);
  const current = schemas.find((s) => s.schemaId === currentId) ?? schemas[schemas.length - 1];
  const schema = (schemaId === undefined ? null : schemas.find((s) => s.schemaId === schemaId)) ?? current;
  return {
    schemaId: schema.schemaId,
    columns: columnRows(schema),
    versions: schemas.map((s) => ({ schemaId: s.schemaId, columnCount: s.fields.length, current: s.schemaId === current.schemaId })),
  };
}

function viewSchemas({ metadata }: LoadedView): { schemas: Schema[]; currentId: number } {
  const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
  return { schemas: metadata.schemas, currentId: version?.schemaId ?? metadata.schemas[metadata.schemas.length - 1]?.schemaId };
}

/** The Iceberg schemas of a table, by id: what the schema diff compares. */
export async function tableSchemas(ctx: CatalogContext, ident: TableIdent): Promise<Schema[]> {
  const leaf = await loadLeaf(ctx, ident);
  if (leaf.kind === "table") return leaf.table.metadata.schemas.length ? leaf.table.metadata.schemas : [currentSchema(leaf.table.metadata)];
  return leaf.kind === "view" ? leaf.view.metadata.schemas : [];
}

export async function tableSnapshots(ctx: CatalogContext, ident: TableIdent): Promise<SnapshotRow[]> {
  const leaf = await loadLeaf(ctx, ident);
  if (leaf.kind !== "table") return [];
  const { metadata } = leaf.table;
  const refs = Object.entries(metadata.refs);
  return [...metadata.snapshots]
    .sort((a, b) => b.timestampMs - a.timestampMs || b.sequenceNumber - a.sequenceNumber)
    .map((s) => ({
      id: s.snapshotId.toString(),
      parentId: s.parentSnapshotId?.toString() ?? null,
      at: s.timestampMs,
      operation: s.summary.operation,
      addedFiles: numberOf(s.summary["added-data-files"]),
      removedFiles: numberOf(s.summary["deleted-data-files"]),
      addedRows: numberOf(s.summary["added-records"]),
      removedRows: numberOf(s.summary["deleted-records"]),
      totalRows: numberOf(s.summary["total-records"]),
      by: null,
      refs: refs.filter(([, ref]) => ref.snapshotId === s.snapshotId).map(([name, ref]) => ({ name, type: ref.type })),
      current: s.snapshotId === metadata.currentSnapshotId,
      summary: { ...s.summary },
    }));
}

function numberOf(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
