import "server-only";
import type { ColumnRow, FilesView, SchemaChange, SchemaView, SnapshotRow, TableOverview } from "@/components/catalog/table-types";
import { type CatalogContext, loadView, type TableIdent } from "@/lib/catalog";
import {
  type TableOverview as BrowseOverview,
  describeTable,
  diffSchemas,
  partitionsAndFiles,
  type SchemaChange as BrowseChange,
  schemaHistory,
  snapshotTimeline,
  tableDdl,
} from "@/lib/catalog/browse";
import { describeExternal } from "@/lib/catalog/external";
import { describeFederatedTable } from "@/lib/catalog/federated";
import { AppError } from "@/lib/errors";
import { columnRows, externalColumnRows, federatedColumnRows } from "./columns";

/** A table page's tabs as plain data, from lib/catalog/browse. */
export async function tableOverview(ctx: CatalogContext, ident: TableIdent): Promise<TableOverview> {
  const t = await describeTable(ctx, ident);
  const viewSql = t.kind === "view" ? await currentViewSql(ctx, ident) : null;
  return {
    kind: t.kind === "view" ? "view" : t.kind === "external" ? "external" : "table",
    name: ident.name,
    comment: t.comment,
    owner: t.owner,
    location: t.location,
    formatVersion: t.formatVersion,
    uuid: t.tableUuid,
    managed: t.kind !== "external" && t.kind !== "federated",
    protected: t.protected,
    rowCount: t.rowCount,
    rowCountIsEstimate: t.rowCountIsEstimate,
    sizeBytes: t.dataSizeBytes,
    fileCount: t.files?.data ?? null,
    snapshotCount: null,
    lastChange: t.lastChange ? { at: t.lastChange.at.getTime(), operation: t.lastChange.what ?? "change", by: t.lastChange.by } : null,
    partitioning: t.partitioning,
    properties: t.properties,
    federated: t.kind === "federated",
    fileFormat: t.kind === "external" ? t.format : null,
    viewSql,
  };
}

async function currentViewSql(ctx: CatalogContext, ident: TableIdent): Promise<string | null> {
  const { metadata } = await loadView(ctx, ident);
  const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
  return version?.representations.find((r) => r.type === "sql")?.sql ?? null;
}

export async function tableSchema(ctx: CatalogContext, ident: TableIdent): Promise<SchemaView> {
  const kind = (await describeTable(ctx, ident)).kind;
  if (kind === "iceberg") {
    const versions = await schemaHistory(ctx, ident);
    const current = versions.find((v) => v.current) ?? versions[0];
    return {
      schemaId: current.schemaId,
      columns: columnRows(current.schema),
      versions: versions.map((v) => ({ schemaId: v.schemaId, columnCount: v.schema.fields.length, current: v.current, since: v.firstSnapshot?.at.getTime() ?? null })),
    };
  }
  const columns = await otherColumns(ctx, ident, kind);
  return { schemaId: 0, columns, versions: [{ schemaId: 0, columnCount: columns.filter((c) => c.depth === 0).length, current: true, since: null }] };
}

async function otherColumns(ctx: CatalogContext, ident: TableIdent, kind: BrowseOverview["kind"]): Promise<ColumnRow[]> {
  if (kind === "external") return externalColumnRows((await describeExternal(ctx, ident)).columns);
  if (kind === "federated") return federatedColumnRows((await describeFederatedTable(ctx, ident)).columns);
  const { metadata } = await loadView(ctx, ident);
  const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
  const schema = metadata.schemas.find((s) => s.schemaId === version?.schemaId) ?? metadata.schemas[metadata.schemas.length - 1];
  return schema ? columnRows(schema) : [];
}

/** What changed from schema version `from` to `to`, column by column. */
export async function tableSchemaDiff(ctx: CatalogContext, ident: TableIdent, from: number, to: number): Promise<SchemaChange[]> {
  const versions = await schemaHistory(ctx, ident);
  const before = versions.find((v) => v.schemaId === from);
  const after = versions.find((v) => v.schemaId === to);
  if (!before || !after) throw new AppError("not_found", `Schema version ${before ? to : from} does not exist in this table.`);
  return diffSchemas(before.schema, after.schema).map(changeRow);
}

function changeRow(c: BrowseChange): SchemaChange {
  switch (c.kind) {
    case "added":
      return { change: "added", id: c.fieldId, path: c.path, after: `${c.required ? "required " : ""}${c.type}` };
    case "removed":
      return { change: "removed", id: c.fieldId, path: c.path, before: c.type };
    case "renamed":
      return { change: "renamed", id: c.fieldId, path: c.to, before: c.from, after: c.to };
    case "type-changed":
      return { change: "type", id: c.fieldId, path: c.path, before: c.from, after: c.to };
    case "nullability-changed":
      return { change: c.to === "required" ? "required" : "optional", id: c.fieldId, path: c.path };
    case "doc-changed":
      return { change: "comment", id: c.fieldId, path: c.path, before: c.from ?? "", after: c.to ?? "" };
  }
}

export async function tableSnapshots(ctx: CatalogContext, ident: TableIdent): Promise<SnapshotRow[]> {
  return (await snapshotTimeline(ctx, ident)).map((s) => ({
    id: s.snapshotId,
    parentId: s.parentId,
    at: s.at.getTime(),
    operation: s.operation,
    addedFiles: s.added.dataFiles,
    removedFiles: s.removed.dataFiles,
    addedRows: s.added.records,
    removedRows: s.removed.records,
    addedDeleteFiles: s.added.deleteFiles,
    deletedByDeleteFiles: sumOf(s.summary["added-position-deletes"], s.summary["added-equality-deletes"]),
    totalRows: s.totalRecords,
    by: s.committedBy ?? s.engine,
    refs: s.refs,
    current: s.current,
    summary: s.summary,
  }));
}

const MAX_FILES = 500;

export async function tableFiles(ctx: CatalogContext, ident: TableIdent): Promise<FilesView> {
  const result = await partitionsAndFiles(ctx, ident, { limit: MAX_FILES });
  return {
    partitionFields: result.partitionFields,
    partitions: result.partitions.map((p) => ({ partition: p.partition, files: p.files, rows: p.records, bytes: p.bytes })),
    files: result.files.map((f) => ({ path: f.path, content: f.content.replace("-", " "), format: f.format.toLowerCase(), partition: f.partition, rows: f.records, bytes: f.bytes })),
    truncated: result.totalFiles > result.files.length,
    totalFiles: result.totalFiles,
  };
}

/** The CREATE TABLE that would recreate the table, or why there is none (views, federated tables). */
export async function tableDdlText(ctx: CatalogContext, ident: TableIdent): Promise<{ ddl: string } | { unavailable: string }> {
  try {
    return { ddl: await tableDdl(ctx, ident) };
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request") return { unavailable: error.message };
    throw error;
  }
}

function sumOf(...values: (string | undefined)[]): number | null {
  const numbers = values.filter((v) => v !== undefined).map(Number).filter(Number.isFinite);
  return numbers.length ? numbers.reduce((a, b) => a + b, 0) : null;
}
