/**
 * The Overview tab of a table: what it is, where it lives, how big it is and when it last
 * changed, by whom. Iceberg figures come from the current snapshot's summary (no file is
 * read beyond the metadata); federated figures are the database's own estimates.
 */
import { currentSnapshot, type TableMetadata } from "@/lib/iceberg/spec";
import type { CatalogKind } from "../catalogs";
import type { CatalogContext } from "../context";
import { describeFederatedTable } from "../federated";
import type { TableIdent } from "../identifiers";
import { readTableMetadata } from "../metadata-files";
import { parseProperties } from "../properties";
import type { TableRow } from "../table-rows";
import { type TableEvent, tableEvents } from "./committers";
import { transformSql } from "./ddl-text";
import { federatedId } from "./items";
import { openForPage, type PageCatalog } from "./page-table";

export type TableKind = "iceberg" | "view" | "external" | "federated";

export interface TableOverview {
  ident: TableIdent;
  /** The row id; for federated tables `federated:<catalog id>:<schema>:<table>`. */
  id: string;
  kind: TableKind;
  catalogKind: CatalogKind;
  comment: string | null;
  owner: string | null;
  protected: boolean;
  location: string | null;
  /** "iceberg"; parquet/csv/json for external tables; "table"/"view" of a federated database. */
  format: string | null;
  formatVersion: number | null;
  tableUuid: string | null;
  currentSnapshotId: string | null;
  rowCount: number | null;
  /** True when `rowCount` is a database's estimate (federated tables). */
  rowCountIsEstimate: boolean;
  dataSizeBytes: number | null;
  files: { data: number | null; delete: number | null } | null;
  /** Iceberg partitioning as written in DDL: ["month(order_date)", "region"]. */
  partitioning: string[];
  lastChange: { at: Date; by: string | null; what: string | null } | null;
  createdAt: Date | null;
  properties: Record<string, string>;
}

export async function describeTable(
  ctx: CatalogContext,
  ident: TableIdent,
): Promise<TableOverview> {
  const opened = await openForPage(ctx, ident);
  if (opened.source === "federated") return federatedOverview(ctx, ident, opened.catalog);
  const { row, catalog } = opened;
  const events = await tableEvents(ctx.db, row.id);
  const base = rowOverview(ident, row, catalog, events);
  if (row.kind !== "iceberg" || !row.metadataLocation) return base;
  return {
    ...base,
    ...icebergFigures(await readTableMetadata(ctx.io, row.metadataLocation), events),
  };
}

function rowOverview(
  ident: TableIdent,
  row: TableRow,
  catalog: PageCatalog,
  events: TableEvent[],
): TableOverview {
  const latest = events[0];
  return {
    ident,
    id: row.id,
    kind: row.kind as TableKind,
    catalogKind: catalog.kind,
    comment: row.comment,
    owner: row.owner,
    protected: row.protected,
    location: row.location,
    format: row.kind === "external" ? row.format : row.kind === "iceberg" ? "iceberg" : null,
    formatVersion: null,
    tableUuid: row.tableUuid,
    currentSnapshotId: null,
    rowCount: null,
    rowCountIsEstimate: false,
    dataSizeBytes: null,
    files: null,
    partitioning: [],
    lastChange: latest
      ? { at: latest.at, by: latest.by, what: latest.what ?? latest.action }
      : { at: row.updatedAt, by: null, what: null },
    createdAt: row.createdAt,
    // External tables show their reader options here.
    properties:
      row.kind === "external"
        ? Object.fromEntries(
            Object.entries(parseProperties(row.options)).map(([k, v]) => [k, String(v)]),
          )
        : {},
  };
}

function icebergFigures(metadata: TableMetadata, events: TableEvent[]): Partial<TableOverview> {
  const snapshot = currentSnapshot(metadata);
  const summary = snapshot?.summary;
  const count = (key: string) => (summary?.[key] === undefined ? null : Number(summary[key]));
  const spec = metadata.partitionSpecs.find((s) => s.specId === metadata.defaultSpecId);
  const schema = metadata.schemas.find((s) => s.schemaId === metadata.currentSchemaId);
  const latest = events[0];
  // A commit from another process may be newer than anything this audit log holds.
  const lastChange =
    latest && latest.at.getTime() >= metadata.lastUpdatedMs
      ? { at: latest.at, by: latest.by, what: latest.what ?? latest.action }
      : { at: new Date(metadata.lastUpdatedMs), by: null, what: null };
  return {
    formatVersion: metadata.formatVersion,
    tableUuid: metadata.tableUuid,
    location: metadata.location,
    currentSnapshotId: snapshot ? snapshot.snapshotId.toString() : null,
    rowCount: snapshot ? count("total-records") : 0,
    dataSizeBytes: snapshot ? count("total-files-size") : 0,
    files: snapshot
      ? { data: count("total-data-files"), delete: count("total-delete-files") }
      : { data: 0, delete: 0 },
    partitioning:
      schema && spec
        ? spec.fields
            .filter((f) => f.transform !== "void")
            .map((f) => transformSql(schema, f.sourceId, f.transform))
        : [],
    lastChange,
    properties: metadata.properties,
  };
}

async function federatedOverview(
  ctx: CatalogContext,
  ident: TableIdent,
  catalog: PageCatalog,
): Promise<TableOverview> {
  const { table } = await describeFederatedTable(ctx, ident);
  return {
    ident,
    id: federatedId(catalog.id, table.schema, table.name),
    kind: "federated",
    catalogKind: "federated",
    comment: table.comment,
    owner: null,
    protected: false,
    location: null,
    format: table.kind,
    formatVersion: null,
    tableUuid: null,
    currentSnapshotId: null,
    rowCount: table.rowEstimate,
    rowCountIsEstimate: true,
    dataSizeBytes: null,
    files: null,
    partitioning: [],
    lastChange: null,
    createdAt: null,
    properties: {},
  };
}
