/**
 * The table as a row-level operation sees it at prepare time: the branch head, its live
 * data and delete files, and which delete files apply to which data file.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { BoundExpr } from "../../expr";
import type { FileIO } from "../../io/types";
import { currentSchema, MAIN_BRANCH, snapshotForRef } from "../../spec";
import type { Schema, Snapshot, TableMetadata } from "../../spec/types";
import { columnSql } from "../sql/columns";
import { filterSql } from "../sql/filter";
import { type ApplicableDeletes, applicableDeletes } from "../table/applicable-deletes";
import { type LiveFile, ManifestReader } from "../table/manifest-reader";
import { liveRowsSql } from "../table/row-source";
import { type SnapshotFiles, snapshotFiles, unpartitionedSpecs } from "../table/snapshot-files";
import type { WriteTarget } from "./append";

export interface TableView {
  connection: DuckDBConnection;
  io: FileIO;
  metadata: TableMetadata;
  branch: string;
  schema: Schema;
  head: Snapshot | undefined;
  reader: ManifestReader;
  files: SnapshotFiles;
}

export async function openTableView(target: WriteTarget): Promise<TableView> {
  const branch = target.branch ?? MAIN_BRANCH;
  const reader = new ManifestReader(target.io, target.metadata.formatVersion);
  const head = snapshotForRef(target.metadata, branch);
  return {
    connection: target.connection,
    io: target.io,
    metadata: target.metadata,
    branch,
    schema: currentSchema(target.metadata),
    head,
    reader,
    files: await snapshotFiles(reader, head),
  };
}

/** A data file and the delete files that apply to it. */
export interface FileWithDeletes {
  file: LiveFile;
  deletes: ApplicableDeletes;
}

export function withDeletes(view: TableView, file: LiveFile): FileWithDeletes {
  const specs = unpartitionedSpecs(view.metadata);
  return { file, deletes: applicableDeletes(file, view.files.deletes, specs) };
}

/** The live rows of a file (alias-free SELECT with a `__tarn_pos` column). */
export function rowsOf(view: TableView, target: FileWithDeletes): string {
  return liveRowsSql({ io: view.io, schema: view.schema, ...target });
}

/** The filter over a relation aliased `alias` whose columns are the table's. */
export function matchSql(view: TableView, filter: BoundExpr, alias: string): string {
  return filterSql(filter, (ref) => columnSql(view.schema, ref.fieldId, alias));
}
