/**
 * Reads a table's rows back for tests: the live data files of a snapshot, with their
 * delete files applied (table/row-source.ts), as plain JS objects sorted by `orderBy`.
 * Test support only; lib/iceberg/scan is the real reader.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { FileIO } from "../../io/types";
import { currentSchema, snapshotForRef } from "../../spec";
import type { TableMetadata } from "../../spec/types";
import { quoteIdent } from "../../duckdb/quote";
import { applicableDeletes } from "../table/applicable-deletes";
import { ManifestReader } from "../table/manifest-reader";
import { liveRowsSql } from "../table/row-source";
import { snapshotFiles, unpartitionedSpecs } from "../table/snapshot-files";

export async function tableRowsSql(
  io: FileIO,
  metadata: TableMetadata,
  branch = "main",
): Promise<string> {
  const schema = currentSchema(metadata);
  const reader = new ManifestReader(io, metadata.formatVersion);
  const files = await snapshotFiles(reader, snapshotForRef(metadata, branch));
  const specs = unpartitionedSpecs(metadata);
  const columns = schema.fields.map((f) => quoteIdent(f.name)).join(", ");
  const parts = files.data.map((file) => {
    const deletes = applicableDeletes(file, files.deletes, specs);
    return `SELECT ${columns} FROM (${liveRowsSql({ io, schema, file, deletes })})`;
  });
  if (parts.length > 0) return parts.join(" UNION ALL ");
  // an empty table still has its columns
  return `SELECT ${schema.fields.map((f) => `NULL AS ${quoteIdent(f.name)}`).join(", ")} WHERE FALSE`;
}

export async function readTableRows(
  connection: DuckDBConnection,
  io: FileIO,
  metadata: TableMetadata,
  orderBy: string,
): Promise<Record<string, unknown>[]> {
  const sql = `SELECT * FROM (${await tableRowsSql(io, metadata)}) ORDER BY ${quoteIdent(orderBy)}`;
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS() as Record<string, unknown>[];
}
