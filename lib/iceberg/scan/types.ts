/**
 * What scan planning produces: the data files of one snapshot that may hold matching rows,
 * each with the delete files that apply to it, and the schema to read them with.
 */
import type { BoundExpr } from "../expr";
import type { DataFile } from "../manifest";
import type { NestedField, Schema, Snapshot, TableMetadata } from "../spec";
import type { NameMapping } from "./name-mapping";
import type { ParquetField } from "./parquet/schema";

/** A data or delete file as planned: the manifest's DataFile plus what reading it needs. */
export interface PlannedFile extends DataFile {
  /** Data sequence number after inheritance (0 for v1 tables). */
  dataSequenceNumber: number;
  /** The partition spec the file was written with. */
  specId: number;
  /** Where the file really is (a location of the FileIO), after moved-path resolution. */
  location: string;
  /** The local path DuckDB reads. */
  localPath: string;
  /** The file's Parquet schema, when the scan needed it to map columns (see plan-scan.ts). */
  parquetSchema?: ParquetField[];
  /** Deletion vectors only: the deleted row positions, as sorted [start, end) runs. */
  deletedRuns?: Array<[number, number]>;
}

export interface ScanTaskDeletes {
  /** Position-delete files and deletion vectors that apply to the data file. */
  positionDeletes: PlannedFile[];
  equalityDeletes: PlannedFile[];
}

export interface ScanTask {
  dataFile: PlannedFile;
  deletes: ScanTaskDeletes;
  /** The row filter still to apply to this file's rows (pruning is by file, not by row). */
  residual?: BoundExpr;
}

export interface ScanStats {
  manifests: number;
  manifestsSkipped: number;
  /** Live data files in the snapshot's manifests that were read. */
  dataFiles: number;
  /** Of those, skipped by partition values or column metrics. */
  dataFilesSkipped: number;
  /** Rows in the skipped files (before deletes). */
  recordsSkipped: number;
  deleteFiles: number;
  /** Rows in the planned data files, before deletes. */
  records: number;
}

export interface ScanPlan {
  metadata: TableMetadata;
  /** Absent when the table has no snapshot yet: the scan has no tasks. */
  snapshot?: Snapshot;
  /** The schema rows are read with (the snapshot's on time travel, else the current one). */
  schema: Schema;
  /** The columns the relation yields, in order (every top-level field unless narrowed). */
  columns: NestedField[];
  /** The table's name mapping, for files written without field ids. */
  nameMapping?: NameMapping;
  tasks: ScanTask[];
  stats: ScanStats;
}
