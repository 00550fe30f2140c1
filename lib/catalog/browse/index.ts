/**
 * Browsing the catalog: the lazy tree, search, and the data of a table's page.
 *
 *   const page = await listChildren(ctx, { kind: "namespace", catalog: "lake", namespace: ["sales"] }, { limit: 100 });
 *   const more = await listChildren(ctx, node, { cursor: page.nextCursor });
 *   const hits = await searchCatalog(ctx, "orders", { limit: 20 });   // ranked, each with its path
 *
 *   const overview = await describeTable(ctx, ident);                  // kind, size, files, last change…
 *   const versions = await schemaHistory(ctx, ident);                  // newest first
 *   const changes = diffSchemas(versions[1].schema, versions[0].schema);
 *   const snapshots = await snapshotTimeline(ctx, ident);
 *   const { partitions, files } = await partitionsAndFiles(ctx, ident, { limit: 500 });
 *   const ddl = await tableDdl(ctx, ident);                            // Spark SQL CREATE TABLE
 *
 * What a principal may see comes from lib/access `catalogVisibility`, ANDed into every
 * query (a filter, never a loop over items); missing and hidden objects read the same.
 */
export { tableDdl } from "./ddl";
export {
  type ExternalDdlInput,
  externalTableDdl,
  type IcebergDdlInput,
  icebergTableDdl,
} from "./ddl-text";
export {
  type FileContent,
  type FileSummary,
  type FilesOptions,
  type PartitionSummary,
  type PartitionsAndFiles,
  partitionsAndFiles,
} from "./files";
export {
  type FileCounts,
  type SchemaColumn,
  type SchemaVersion,
  type SnapshotEntry,
  schemaColumns,
  schemaHistory,
  snapshotTimeline,
} from "./history";
export type { BrowseItem, BrowseItemKind, BrowseNode, BrowsePage, ItemPath } from "./items";
export { describeTable, type TableKind, type TableOverview } from "./overview";
export { MATCH_ORDER, type MatchKind } from "./rank";
export { type Nullability, type SchemaChange, diffSchemas } from "./schema-diff";
export { type SearchHit, type SearchOptions, searchCatalog } from "./search";
export { DEFAULT_PAGE, type ListChildrenOptions, listChildren, MAX_PAGE } from "./tree";
