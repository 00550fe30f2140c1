/**
 * The Iceberg view model (view spec, format version 1), camelCase like `types.ts`.
 * A view is a list of versions, each a set of SQL texts (one per dialect) over a schema.
 */
import type { Schema } from "./types";

export type ViewFormatVersion = 1;

export interface SqlViewRepresentation {
  type: "sql";
  sql: string;
  /** The SQL dialect, e.g. "spark", "trino", "duckdb"; unique per version, ignoring case. */
  dialect: string;
}

export type ViewRepresentation = SqlViewRepresentation;

export interface ViewVersion {
  versionId: number;
  timestampMs: number;
  /** The schema the view produces at this version. */
  schemaId: number;
  summary: Record<string, string>;
  representations: ViewRepresentation[];
  /** Catalog used to resolve unqualified table names in the SQL. */
  defaultCatalog?: string;
  /** Namespace used to resolve unqualified table names in the SQL. */
  defaultNamespace: string[];
}

export interface ViewHistoryEntry {
  versionId: number;
  timestampMs: number;
}

export interface ViewMetadata {
  formatVersion: ViewFormatVersion;
  viewUuid: string;
  location: string;
  schemas: Schema[];
  currentVersionId: number;
  versions: ViewVersion[];
  versionLog: ViewHistoryEntry[];
  properties: Record<string, string>;
}
