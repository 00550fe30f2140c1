/** What the planner uses of lib/catalog, in one place. */
export {
  displayName,
  loadTable,
  loadView,
  NAMESPACE_SEPARATOR,
  namespacePath,
  scanTable,
  type TableIdent,
} from "@/lib/catalog";
export type { TableRow } from "@/lib/catalog/table-rows";
export { externalRelationSql } from "@/lib/catalog/external";
export { describeFederatedTable, listFederatedSchemas, listFederatedTables } from "@/lib/catalog/federated";
