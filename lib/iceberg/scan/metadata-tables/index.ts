/**
 * Metadata tables of a table, as rows or as one SQL relation each:
 * `snapshots`, `history`, `refs` (from the metadata) and `manifests`, `entries`, `files`,
 * `partitions` (from the manifests of one snapshot, the current one by default).
 */
import type { FileIO } from "../../io";
import type { TableMetadata } from "../../spec";
import { readManifestEntries, snapshotManifests } from "../manifests";
import { mapLimit } from "../parallel";
import { type SnapshotSelector, selectSnapshot } from "../select-snapshot";
import {
  entriesTable,
  filesTable,
  manifestsTable,
  partitionsTable,
  type SnapshotFiles,
} from "./file-tables";
import { type MetadataTable, tableToSql } from "./relation";
import { historyTable, refsTable, snapshotsTable } from "./snapshot-tables";

export type MetadataTableName =
  | "snapshots"
  | "history"
  | "refs"
  | "manifests"
  | "entries"
  | "files"
  | "partitions";

export const METADATA_TABLE_NAMES: readonly MetadataTableName[] = [
  "snapshots",
  "history",
  "refs",
  "manifests",
  "entries",
  "files",
  "partitions",
];

export interface MetadataTableInput {
  io: FileIO;
  metadata: TableMetadata;
  resolver?: { resolve(recorded: string): Promise<string> };
  /** For the file tables: which snapshot's manifests (the current one by default). */
  snapshot?: SnapshotSelector;
}

export async function metadataTable(
  name: MetadataTableName,
  input: MetadataTableInput,
): Promise<MetadataTable> {
  switch (name) {
    case "snapshots":
      return snapshotsTable(input.metadata);
    case "history":
      return historyTable(input.metadata);
    case "refs":
      return refsTable(input.metadata);
    case "manifests":
      return manifestsTable(await snapshotFiles(input));
    case "entries":
      return entriesTable(await snapshotFiles(input));
    case "files":
      return filesTable(await snapshotFiles(input));
    case "partitions":
      return partitionsTable(await snapshotFiles(input));
  }
}

export async function metadataTableSql(
  name: MetadataTableName,
  input: MetadataTableInput,
): Promise<string> {
  return tableToSql(await metadataTable(name, input));
}

async function snapshotFiles(input: MetadataTableInput): Promise<SnapshotFiles> {
  const { snapshot, schema } = selectSnapshot(input.metadata, input.snapshot);
  if (!snapshot) return { metadata: input.metadata, schema, manifests: [] };
  const source = {
    io: input.io,
    resolve: (p: string) => (input.resolver ? input.resolver.resolve(p) : Promise.resolve(p)),
    formatVersion: input.metadata.formatVersion,
  };
  const manifests = await snapshotManifests(source, snapshot);
  const read = await mapLimit(manifests, 8, (m) => readManifestEntries(source, m));
  return { metadata: input.metadata, schema, manifests: read };
}

export type { Column, ColumnType, MetadataRow, MetadataTable } from "./relation";
export { tableToSql };
