/**
 * Federated catalogs: a live PostgreSQL or MySQL/MariaDB database in the catalog tree.
 *
 *   const check = await testFederatedConnection(admin, { type: "postgresql", host, database, user, password });
 *   if (!check.ok) show(check.message);                      // unreachable / auth / database / ssl / timeout
 *   await createFederatedCatalog(db, admin, { name: "shop", connection });   // tests, then stores it sealed
 *   const schemas = await listFederatedSchemas(ctx, "shop");                // namespaces, live
 *   const tables = await listFederatedTables(ctx, { catalog: "shop", namespace: ["public"] });
 *   const { columns } = await describeFederatedTable(ctx, { catalog: "shop", namespace: ["public"], name: "orders" });
 *
 * Connection settings are sealed with AES-256-GCM (secret-box.ts) and never shown again
 * with the password. Discovery answers are cached for 30 seconds. A MySQL/MariaDB
 * catalog's one namespace is the connection's database. The query engine reads rows through
 * lib/query/federated, which opens its own connections with `readConnection`.
 */
export {
  type CreateFederatedCatalogInput,
  createFederatedCatalog,
  federatedCatalogRow,
  federatedConnectionInfo,
  readConnection,
  testCatalogConnection,
  testFederatedConnection,
  updateFederatedConnection,
} from "./catalogs";
export {
  DEFAULT_PORTS,
  FEDERATED_TYPES,
  type FederatedConnection,
  type FederatedConnectionInfo,
  type FederatedConnectionInput,
  type FederatedType,
  SSL_MODES,
  type SslMode,
  TYPE_LABELS,
} from "./connection";
export {
  describeFederatedTable,
  type FederatedTableDescription,
  listFederatedSchemas,
  listFederatedTables,
  refreshFederatedCatalog,
} from "./discovery";
export { mysqlConnectOptions } from "./mysql";
export { postgresConnectOptions } from "./postgres";
export { CONNECT_TIMEOUT_MS, type ConnectionProblemReason, connectionProblem } from "./problems";
export type { RemoteColumn, RemoteSchema, RemoteTable } from "./remote";
export { loadSecretsKey, openSecret, sealSecret } from "./secret-box";
export type { ConnectionTestResult } from "./testing";
export { mysqlTypeToIceberg, postgresTypeToIceberg } from "./type-mapping";
