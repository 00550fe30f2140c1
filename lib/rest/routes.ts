/**
 * Every endpoint served under `/iceberg`, as data: the spec's path, what a 404 or 409
 * means there, whether it honours Idempotency-Key, and its handler. `/v1/config`
 * advertises exactly these (the token endpoint excepted: the spec leaves it out of
 * `endpoints`).
 */
import type { ErrorProfile } from "./errors";
import { commitTableHandler, commitTransactionHandler } from "./handlers/commits";
import { configHandler } from "./handlers/config";
import {
  createNamespaceHandler,
  dropNamespaceHandler,
  listNamespacesHandler,
  loadNamespaceHandler,
  namespaceExistsHandler,
  updateNamespacePropertiesHandler,
} from "./handlers/namespaces";
import { loadCredentialsHandler, reportMetricsHandler } from "./handlers/table-extras";
import {
  createTableHandler,
  dropTableHandler,
  listTablesHandler,
  loadTableHandler,
  registerTableHandler,
  renameTableHandler,
  tableExistsHandler,
} from "./handlers/tables";
import {
  createViewHandler,
  dropViewHandler,
  listViewsHandler,
  loadViewHandler,
  registerViewHandler,
  renameViewHandler,
  replaceViewHandler,
  viewExistsHandler,
} from "./handlers/views";
import { type Route, Router } from "./router";

const NS = "/v1/{prefix}/namespaces/{namespace}";
const TABLE = `${NS}/tables/{table}`;
const VIEW = `${NS}/views/{view}`;

const inNamespace: ErrorProfile = { notFound: "namespace", conflict: "AlreadyExistsException" };
const onTable: ErrorProfile = { notFound: "table", conflict: "ConflictException" };
const onView: ErrorProfile = { notFound: "view", conflict: "ConflictException" };
const tableCommit: ErrorProfile = { notFound: "table", conflict: "CommitFailedException", commit: true };
const viewCommit: ErrorProfile = { notFound: "view", conflict: "CommitFailedException", commit: true };

const CATALOG_ROUTES: Route[] = [
  { name: "listNamespaces", method: "GET", path: "/v1/{prefix}/namespaces", errors: inNamespace, handle: listNamespacesHandler },
  { name: "createNamespace", method: "POST", path: "/v1/{prefix}/namespaces", errors: inNamespace, idempotent: true, handle: createNamespaceHandler },
  { name: "loadNamespaceMetadata", method: "GET", path: NS, errors: inNamespace, handle: loadNamespaceHandler },
  { name: "namespaceExists", method: "HEAD", path: NS, errors: inNamespace, handle: namespaceExistsHandler },
  { name: "dropNamespace", method: "DELETE", path: NS, errors: { notFound: "namespace", conflict: "NamespaceNotEmptyException" }, idempotent: true, handle: dropNamespaceHandler },
  { name: "updateProperties", method: "POST", path: `${NS}/properties`, errors: inNamespace, idempotent: true, handle: updateNamespacePropertiesHandler },

  { name: "listTables", method: "GET", path: `${NS}/tables`, errors: inNamespace, handle: listTablesHandler },
  { name: "createTable", method: "POST", path: `${NS}/tables`, errors: inNamespace, idempotent: true, handle: createTableHandler },
  { name: "registerTable", method: "POST", path: `${NS}/register`, errors: inNamespace, idempotent: true, handle: registerTableHandler },
  { name: "loadTable", method: "GET", path: TABLE, errors: onTable, handle: loadTableHandler },
  { name: "updateTable", method: "POST", path: TABLE, errors: tableCommit, idempotent: true, handle: commitTableHandler },
  { name: "dropTable", method: "DELETE", path: TABLE, errors: onTable, idempotent: true, handle: dropTableHandler },
  { name: "tableExists", method: "HEAD", path: TABLE, errors: onTable, handle: tableExistsHandler },
  { name: "loadCredentials", method: "GET", path: `${TABLE}/credentials`, errors: onTable, handle: loadCredentialsHandler },
  { name: "renameTable", method: "POST", path: "/v1/{prefix}/tables/rename", errors: { notFound: "table-or-namespace", conflict: "AlreadyExistsException" }, idempotent: true, handle: renameTableHandler },
  { name: "reportMetrics", method: "POST", path: `${TABLE}/metrics`, errors: onTable, handle: reportMetricsHandler },
  { name: "commitTransaction", method: "POST", path: "/v1/{prefix}/transactions/commit", errors: tableCommit, idempotent: true, handle: commitTransactionHandler },

  { name: "listViews", method: "GET", path: `${NS}/views`, errors: inNamespace, handle: listViewsHandler },
  { name: "createView", method: "POST", path: `${NS}/views`, errors: inNamespace, idempotent: true, handle: createViewHandler },
  { name: "loadView", method: "GET", path: VIEW, errors: onView, handle: loadViewHandler },
  { name: "replaceView", method: "POST", path: VIEW, errors: viewCommit, idempotent: true, handle: replaceViewHandler },
  { name: "dropView", method: "DELETE", path: VIEW, errors: onView, idempotent: true, handle: dropViewHandler },
  { name: "viewExists", method: "HEAD", path: VIEW, errors: onView, handle: viewExistsHandler },
  { name: "renameView", method: "POST", path: "/v1/{prefix}/views/rename", errors: { notFound: "view-or-namespace", conflict: "AlreadyExistsException" }, idempotent: true, handle: renameViewHandler },
  { name: "registerView", method: "POST", path: `${NS}/register-view`, errors: inNamespace, idempotent: true, handle: registerViewHandler },
];

/** `"GET /v1/{prefix}/namespaces"`: the spec's endpoint notation. */
export const ENDPOINTS = CATALOG_ROUTES.map((r) => `${r.method} ${r.path}`);

const configRoute: Route = { name: "getConfig", method: "GET", path: "/v1/config", errors: { notFound: "warehouse", conflict: "ConflictException" }, handle: configHandler(() => ENDPOINTS) };

export const router = new Router([configRoute, ...CATALOG_ROUTES]);

/** The token endpoint is answered before authentication (handler.ts). */
export const TOKEN_PATH = ["v1", "oauth", "tokens"];
