/**
 * The REST catalog seen the way Java's `RESTCatalog` sees it, for porting Iceberg's
 * `CatalogTests` / `ViewCatalogTests`: one method per catalog call, each one HTTP request
 * through `RestClient` (so every response is checked against the spec), failures thrown
 * as `RestFailure { status, type, message }` — the fields a Java client turns into its
 * exception (`NoSuchTableException`, `AlreadyExistsException`, …).
 *
 * Client-side parts of Java's API (building a schema change, a replace transaction) are
 * done with lib/iceberg's builders against the loaded metadata, and sent as the
 * requirements + updates a Java client sends.
 */
import { commitToJson, type TableCommit } from "@/lib/iceberg/commit";
import { type JsonValue, parseTableMetadata, parseViewMetadata, type TableMetadata, type ViewMetadata } from "@/lib/iceberg/spec";
import { type ViewCommit, viewCommitToJson } from "@/lib/iceberg/views";
import { ns, type RestClient, type RestResult, seg } from "./rest-client";

export class RestFailure extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(`${status} ${type}: ${message}`);
  }
}

export interface Ident {
  namespace: string[];
  name: string;
}

export const ident = (namespace: string | string[], name: string): Ident => ({ namespace: typeof namespace === "string" ? [namespace] : namespace, name });

export interface TableState {
  metadataLocation: string | null;
  metadata: TableMetadata;
  json: JsonValue;
  etag: string | null;
}

export interface ViewState {
  metadataLocation: string;
  metadata: ViewMetadata;
  json: JsonValue;
}

export interface CreateTableOptions {
  location?: string;
  spec?: unknown;
  order?: unknown;
  properties?: Record<string, string>;
}

export interface CreateViewOptions {
  schema: unknown;
  queries: Record<string, string>;
  defaultNamespace: string[];
  defaultCatalog?: string;
  properties?: Record<string, string>;
  location?: string;
  summary?: Record<string, string>;
}

export class CatalogApi {
  constructor(readonly rest: RestClient) {}

  // ── namespaces ──────────────────────────────────────────────────────────────
  async createNamespace(namespace: string[], properties?: Record<string, string>): Promise<void> {
    ok(await this.rest.post("namespaces", { namespace, ...(properties ? { properties } : {}) }));
  }
  async namespaceExists(namespace: string[]): Promise<boolean> {
    return exists(await this.rest.head(`namespaces/${ns(...namespace)}`));
  }
  async listNamespaces(parent?: string[]): Promise<string[][]> {
    const query = parent ? `?parent=${encodeURIComponent(parent.join("\u001f"))}` : "";
    return ok(await this.rest.get(`namespaces${query}`)).body.namespaces;
  }
  async loadNamespaceMetadata(namespace: string[]): Promise<Record<string, string>> {
    return ok(await this.rest.get(`namespaces/${ns(...namespace)}`)).body.properties;
  }
  async setProperties(namespace: string[], updates: Record<string, string>): Promise<void> {
    ok(await this.rest.post(`namespaces/${ns(...namespace)}/properties`, { updates, removals: [] }));
  }
  async removeProperties(namespace: string[], removals: string[]): Promise<void> {
    ok(await this.rest.post(`namespaces/${ns(...namespace)}/properties`, { updates: {}, removals }));
  }
  /** Java's `dropNamespace`: true when dropped, false when it did not exist. */
  async dropNamespace(namespace: string[]): Promise<boolean> {
    return dropped(await this.rest.delete(`namespaces/${ns(...namespace)}`));
  }

  // ── tables ──────────────────────────────────────────────────────────────────
  async createTable(id: Ident, schema: unknown, opts: CreateTableOptions = {}): Promise<TableState> {
    return tableState(ok(await this.rest.post(`namespaces/${ns(...id.namespace)}/tables`, createTableBody(id, schema, opts))));
  }
  /** `stage-create`: the metadata a create transaction starts from; nothing exists yet. */
  async stageCreate(id: Ident, schema: unknown, opts: CreateTableOptions = {}): Promise<TableState> {
    return tableState(ok(await this.rest.post(`namespaces/${ns(...id.namespace)}/tables`, { ...createTableBody(id, schema, opts), "stage-create": true })));
  }
  async tableExists(id: Ident): Promise<boolean> {
    return exists(await this.rest.head(tablePath(id)));
  }
  async loadTable(id: Ident, query = ""): Promise<TableState> {
    return tableState(ok(await this.rest.get(`${tablePath(id)}${query}`)));
  }
  async dropTable(id: Ident, purge = false): Promise<boolean> {
    return dropped(await this.rest.delete(`${tablePath(id)}?purgeRequested=${purge}`));
  }
  async renameTable(from: Ident, to: Ident): Promise<void> {
    ok(await this.rest.post("tables/rename", { source: from, destination: to }));
  }
  async listTables(namespace: string[]): Promise<Ident[]> {
    return ok(await this.rest.get(`namespaces/${ns(...namespace)}/tables`)).body.identifiers;
  }
  async registerTable(id: Ident, metadataLocation: string, overwrite = false): Promise<TableState> {
    return tableState(ok(await this.rest.post(`namespaces/${ns(...id.namespace)}/register`, { name: id.name, "metadata-location": metadataLocation, overwrite })));
  }
  async commit(id: Ident, commit: TableCommit): Promise<TableState> {
    return tableState(ok(await this.rest.post(tablePath(id), commitToJson({ ...commit, identifier: id }))));
  }
  async commitTransaction(changes: { id: Ident; commit: TableCommit }[]): Promise<void> {
    ok(await this.rest.post("transactions/commit", { "table-changes": changes.map((c) => commitToJson({ ...c.commit, identifier: c.id })) }));
  }
  async reportMetrics(id: Ident, report: unknown): Promise<void> {
    ok(await this.rest.post(`${tablePath(id)}/metrics`, report));
  }

  // ── views ───────────────────────────────────────────────────────────────────
  async createView(id: Ident, opts: CreateViewOptions): Promise<ViewState> {
    return viewState(ok(await this.rest.post(`namespaces/${ns(...id.namespace)}/views`, createViewBody(id, opts))));
  }
  async viewExists(id: Ident): Promise<boolean> {
    return exists(await this.rest.head(viewPath(id)));
  }
  async loadView(id: Ident): Promise<ViewState> {
    return viewState(ok(await this.rest.get(viewPath(id))));
  }
  async dropView(id: Ident): Promise<boolean> {
    return dropped(await this.rest.delete(viewPath(id)));
  }
  async renameView(from: Ident, to: Ident): Promise<void> {
    ok(await this.rest.post("views/rename", { source: from, destination: to }));
  }
  async listViews(namespace: string[]): Promise<Ident[]> {
    return ok(await this.rest.get(`namespaces/${ns(...namespace)}/views`)).body.identifiers;
  }
  async commitView(id: Ident, commit: ViewCommit): Promise<ViewState> {
    return viewState(ok(await this.rest.post(viewPath(id), viewCommitToJson({ ...commit, identifier: id }))));
  }
  async registerView(id: Ident, metadataLocation: string): Promise<ViewState> {
    return viewState(ok(await this.rest.post(`namespaces/${ns(...id.namespace)}/register-view`, { name: id.name, "metadata-location": metadataLocation })));
  }
}

export function tablePath(id: Ident): string {
  return `namespaces/${ns(...id.namespace)}/tables/${seg(id.name)}`;
}

export function viewPath(id: Ident): string {
  return `namespaces/${ns(...id.namespace)}/views/${seg(id.name)}`;
}

function createTableBody(id: Ident, schema: unknown, opts: CreateTableOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { name: id.name, schema };
  if (opts.location) body.location = opts.location;
  if (opts.spec) body["partition-spec"] = opts.spec;
  if (opts.order) body["write-order"] = opts.order;
  if (opts.properties) body.properties = opts.properties;
  return body;
}

function createViewBody(id: Ident, opts: CreateViewOptions): Record<string, unknown> {
  const version: Record<string, unknown> = {
    "version-id": 1,
    "timestamp-ms": Date.now(),
    "schema-id": 0,
    summary: { operation: "create", ...opts.summary },
    representations: Object.entries(opts.queries).map(([dialect, sql]) => ({ type: "sql", sql, dialect })),
    "default-namespace": opts.defaultNamespace,
  };
  if (opts.defaultCatalog) version["default-catalog"] = opts.defaultCatalog;
  const body: Record<string, unknown> = { name: id.name, schema: opts.schema, "view-version": version, properties: opts.properties ?? {} };
  if (opts.location) body.location = opts.location;
  return body;
}

function ok(result: RestResult): RestResult {
  if (result.status >= 200 && result.status < 300) return result;
  const error = result.body?.error;
  throw new RestFailure(result.status, error?.type ?? "(no body)", error?.message ?? result.text);
}

function exists(result: RestResult): boolean {
  if (result.status === 204) return true;
  if (result.status === 404) return false;
  throw new RestFailure(result.status, "(HEAD)", `unexpected status ${result.status}`);
}

function dropped(result: RestResult): boolean {
  if (result.status === 404) return false;
  ok(result);
  return true;
}

function tableState(result: RestResult): TableState {
  return { metadataLocation: result.body["metadata-location"] ?? null, metadata: parseTableMetadata(result.body.metadata), json: result.body.metadata, etag: result.headers.get("etag") };
}

function viewState(result: RestResult): ViewState {
  return { metadataLocation: result.body["metadata-location"], metadata: parseViewMetadata(result.body.metadata), json: result.body.metadata };
}
