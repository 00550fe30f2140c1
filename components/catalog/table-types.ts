/** A table page's data, as the server hands it to the tabs (client-safe, JSON-friendly). */
import type { LeafKind } from "./types";

export interface TableOverview {
  kind: LeafKind;
  name: string;
  comment: string | null;
  owner: string | null;
  location: string | null;
  formatVersion: number | null;
  uuid: string | null;
  /** Registered in place (Tarn does not own the files) or written by Tarn. */
  managed: boolean;
  protected: boolean;
  rowCount: number | null;
  /** A federated database's own estimate rather than a count. */
  rowCountIsEstimate: boolean;
  sizeBytes: number | null;
  fileCount: number | null;
  snapshotCount: number | null;
  lastChange: { at: number; operation: string; by: string | null } | null;
  partitioning: string[];
  properties: Record<string, string>;
  /** A federated table: read live from its database, not through Iceberg files. */
  federated: boolean;
  /** External tables: parquet, csv or json. */
  fileFormat: string | null;
  /** Views: the SQL of the current version. */
  viewSql: string | null;
}

export interface ColumnRow {
  /** Iceberg field id; null for external tables (their columns are inferred from files). */
  id: number | null;
  /** "address.city" — what a schema change names. */
  path: string;
  name: string;
  depth: number;
  type: string;
  required: boolean;
  doc: string | null;
  /** Struct fields and top-level columns carry comments; list elements and map keys do not. */
  commentable: boolean;
  identifier: boolean;
}

export interface SchemaVersion {
  schemaId: number;
  columnCount: number;
  current: boolean;
  /** When the first snapshot with this schema was written, if any was. */
  since: number | null;
}

export interface SchemaView {
  schemaId: number;
  columns: ColumnRow[];
  versions: SchemaVersion[];
}

export interface SchemaChange {
  change: "added" | "removed" | "renamed" | "type" | "required" | "optional" | "comment";
  id: number;
  /** The column's path in the newer schema (the older one for removals). */
  path: string;
  before?: string;
  after?: string;
}

export interface SnapshotRow {
  id: string;
  parentId: string | null;
  at: number;
  operation: string;
  addedFiles: number | null;
  removedFiles: number | null;
  addedRows: number | null;
  removedRows: number | null;
  /** Delete files this snapshot added, and the rows they delete (position or equality deletes). */
  addedDeleteFiles: number | null;
  deletedByDeleteFiles: number | null;
  totalRows: number | null;
  by: string | null;
  refs: { name: string; type: "branch" | "tag" }[];
  current: boolean;
  summary: Record<string, string>;
}

export interface PartitionRow {
  partition: Record<string, string | null> | null;
  files: number;
  rows: number;
  bytes: number;
}

export interface FileRow {
  path: string;
  content: string;
  format: string;
  partition: Record<string, string | null> | null;
  rows: number;
  bytes: number;
}

export interface FilesView {
  partitionFields: string[];
  partitions: PartitionRow[];
  files: FileRow[];
  /** More files exist than are listed. */
  truncated: boolean;
  totalFiles: number;
}

export interface SampleView {
  available: true;
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

export type SampleResult = SampleView | { available: false; reason: string };

/** What the principal may change here: the server decides, the UI only hides what it may not. */
export interface TableAbilities {
  alter: boolean;
  drop: boolean;
  protect: boolean;
  /** Hand the table or view to another user or group. */
  owner: boolean;
  /** Add and remove tags on it and its columns. */
  tag: boolean;
}
