/**
 * The unified catalog: catalogs → namespaces → tables and views, the commit protocol,
 * and the trash.
 *
 *   const ctx = { db, io, actor };
 *   await createNamespace(db, actor, { catalog: "demo", namespace: ["sales"] });
 *   const table = await createTable(ctx, { catalog: "demo", namespace: ["sales"], name: "orders" }, { schema });
 *   await commitTable(ctx, ident, ({ metadata }) => buildAppend(metadata, files));   // CAS + retry
 *   await commitTables(ctx, [{ ident: a, build: commitA }, { ident: b, build: commitB }]);  // all or nothing
 *   await dropTable(ctx, ident);                      // to the trash; restoreFromTrash(ctx, id)
 *   await purgeTrash(ctx);                            // at start-up and on a timer
 *   await assignTag(ctx, { kind: "table", ...ident }, "pii", "true");   // tags/: governed KEY=VALUE labels
 *
 * Names: namespace levels and table/view names may contain "/" and "." (names.ts).
 * Lists page with an opaque token (pagination.ts). Every function asks lib/access
 * first; none decides access itself. Changes are audited.
 */
export {
  CATALOG_KINDS,
  type CatalogChange,
  type CatalogInfo,
  type CatalogKind,
  catalogInfo,
  createCatalog,
  type CreateCatalogInput,
  findCatalog,
  updateCatalog,
} from "./catalogs";
export {
  type BuildCommit,
  type CommitBase,
  type CommitOptions,
  type CommitResult,
  commitTable,
  commitTables,
  type MultiCommitOptions,
  type TableChange,
} from "./commit";
export type { CatalogContext, Tx } from "./context";
export { type DropOptions, dropTable, dropView } from "./drop";
export type { CatalogObjectRef, NamespaceIdent, TableIdent, ViewIdent } from "./identifiers";
export { listTables, listTablesPage, listViews, listViewsPage, type TableListRequest } from "./listing";
export { metadataVersion, readTableMetadata, readViewMetadata } from "./metadata-files";
export {
  displayName,
  MAX_NAME_LENGTH,
  NAMESPACE_SEPARATOR,
  nameProblem,
  namespaceLevels,
  namespacePath,
  RESERVED_CATALOG_NAMES,
  RESERVED_NAMESPACE_NAMES,
  validateName,
  validateNamespace,
} from "./names";
export {
  createNamespace,
  dropNamespace,
  listNamespaces,
  listNamespacesPage,
  loadNamespace,
  type NamespaceInfo,
  namespaceExists,
  updateNamespaceProperties,
} from "./namespaces";
export { setOwner } from "./owners";
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "./pagination";
export { type PartitionFieldInput, partitionSpecFromInput } from "./partition-input";
export { type Searchable, searchText } from "./search-text";
export {
  type AddStorageLocationInput,
  addStorageLocation,
  DEFAULT_STORAGE,
  ensureDefaultStorage,
  listStorageLocations,
  removeStorageLocation,
  type StorageLocationInfo,
} from "./storage";
export { alterPartitioning, alterSchema, type ExpireResult, expireSnapshots, manageSnapshots, setTableProperties } from "./table-changes";
export { scanTable, type TableScan, type TableScanInput } from "./table-reads";
export { setTableComment, setTableProtected } from "./table-settings";
export { appendRows, deleteRows, overwriteRows, updateRows, writeTable } from "./table-writes";
export {
  createTable,
  type CreateTableInput,
  type LoadedTable,
  loadTable,
  registerTable,
  renameTable,
  type StagedTable,
  stageCreate,
  tableExists,
} from "./tables";
export {
  type AssignedTag,
  assignTag,
  type ColumnTag,
  columnTags,
  defineTagKey,
  deleteTagKey,
  type EffectiveTag,
  effectiveTags,
  getTagKey,
  listTagKeys,
  type ObjectTag,
  objectTags,
  removeTagAssignment,
  type TagKeyChange,
  type TagKeyInfo,
  type TagKeyInput,
  type TagObjectType,
  type TagSource,
  type TagTarget,
  tagKeyUsage,
  type TagUsage,
  tagTargetSchema,
  unassignTag,
  updateTagKey,
} from "./tags";
export { listTrash, restoreFromTrash, type TrashItem } from "./trash";
export { type PurgeResult, purgeTrash } from "./trash-purge";
export { DEFAULT_TRASH_RETENTION_DAYS, TRASH_RETENTION_PROPERTY } from "./trash-retention";
export {
  type BuildViewCommit,
  commitView,
  replaceView,
  setViewProperties,
  type ViewCommitBase,
  type ViewCommitResult,
} from "./view-commit";
export { type CreateViewInput, createView, type LoadedView, loadView, registerView, renameView, viewExists } from "./views";
