/**
 * The unified catalog: catalogs → namespaces → tables, and the commit protocol.
 *
 *   const ctx = { db, io, actor };
 *   await createNamespace(db, actor, { catalog: "demo", namespace: ["sales"] });
 *   const table = await createTable(ctx, { catalog: "demo", namespace: ["sales"], name: "orders" }, { schema });
 *   await commitTable(ctx, ident, ({ metadata }) => buildAppend(metadata, files));   // CAS + retry
 *
 * Every function asks lib/access first; none decides access itself.
 */
export { CATALOG_KINDS, type CatalogKind, createCatalog, type CreateCatalogInput, findCatalog } from "./catalogs";
export { type CommitBase, type CommitOptions, type CommitResult, commitTable } from "./commit";
export type { CatalogContext, Tx } from "./context";
export type { NamespaceIdent, TableIdent } from "./identifiers";
export { metadataVersion, readTableMetadata } from "./metadata-files";
export { displayName, NAMESPACE_SEPARATOR, namespaceLevels, namespacePath, validateName, validateNamespace } from "./names";
export { createNamespace, dropNamespace, listNamespaces, loadNamespace, type NamespaceInfo, updateNamespaceProperties } from "./namespaces";
export { type PartitionFieldInput, partitionSpecFromInput } from "./partition-input";
export { DEFAULT_STORAGE, ensureDefaultStorage } from "./storage";
export { alterPartitioning, alterSchema, type ExpireResult, expireSnapshots, manageSnapshots, setTableProperties } from "./table-changes";
export { scanTable, type TableScan, type TableScanInput } from "./table-reads";
export { appendRows, deleteRows, overwriteRows, updateRows, writeTable } from "./table-writes";
export { createTable, type CreateTableInput, dropTable, type LoadedTable, listTables, loadTable, registerTable, renameTable } from "./tables";
