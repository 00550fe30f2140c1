/**
 * A test client for the REST catalog that calls `handleRestRequest` with real `Request`
 * objects (no server), and checks every response body against the OpenAPI spec's schema
 * for its endpoint and status — so every test of the suite is also a conformance test.
 *
 *   const rest = new RestClient(deps, token, "lake");
 *   const res = await rest.post("namespaces", { namespace: ["sales"] });   // → /iceberg/v1/lake/namespaces
 *   const cfg = await rest.get("/v1/config?warehouse=lake");               // absolute under /iceberg
 */
import { type JsonValue, parseJson, stringifyJson } from "@/lib/iceberg/spec";
import { expectRestSchema } from "@/tests/support/rest-spec";
import { handleRestRequest, type RestDeps } from "../index";

export interface RestResult {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies freely
  body: any;
  text: string;
  /** The operation the server matched ("loadTable"), from the handler's outcome. */
  operation: string;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Sent as is (malformed bodies in fuzz tests). */
  rawBody?: string;
}

const ORIGIN = "http://tarn.test";

/** The response schema of each operation's success; errors are always IcebergErrorResponse. */
const SUCCESS_SCHEMAS: Record<string, string> = {
  getConfig: "CatalogConfig",
  getToken: "OAuthTokenResponse",
  listNamespaces: "ListNamespacesResponse",
  createNamespace: "CreateNamespaceResponse",
  loadNamespaceMetadata: "GetNamespaceResponse",
  updateProperties: "UpdateNamespacePropertiesResponse",
  listTables: "ListTablesResponse",
  listViews: "ListTablesResponse",
  createTable: "LoadTableResult",
  registerTable: "LoadTableResult",
  loadTable: "LoadTableResult",
  updateTable: "CommitTableResponse",
  loadCredentials: "LoadCredentialsResponse",
  createView: "LoadViewResult",
  loadView: "LoadViewResult",
  replaceView: "LoadViewResult",
  registerView: "LoadViewResult",
};

export class RestClient {
  constructor(
    readonly deps: RestDeps,
    readonly token: string | null,
    readonly catalog: string,
  ) {}

  as(token: string | null): RestClient {
    return new RestClient(this.deps, token, this.catalog);
  }

  in(catalog: string): RestClient {
    return new RestClient(this.deps, this.token, catalog);
  }

  get(path: string, opts?: RequestOptions) {
    return this.request("GET", path, undefined, opts);
  }
  head(path: string, opts?: RequestOptions) {
    return this.request("HEAD", path, undefined, opts);
  }
  delete(path: string, opts?: RequestOptions) {
    return this.request("DELETE", path, undefined, opts);
  }
  post(path: string, body?: unknown, opts?: RequestOptions) {
    return this.request("POST", path, body, opts);
  }

  /** `path` is relative to /iceberg/v1/{prefix}/, or absolute under /iceberg when it starts with "/". */
  url(path: string): string {
    return path.startsWith("/") ? `${ORIGIN}/iceberg${path}` : `${ORIGIN}/iceberg/v1/${encodeURIComponent(this.catalog)}/${path}`;
  }

  async request(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<RestResult> {
    const headers: Record<string, string> = { ...opts.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let payload: string | undefined = opts.rawBody;
    if (payload === undefined && body !== undefined) {
      payload = typeof body === "string" ? body : stringifyJson(body);
      headers["content-type"] ??= "application/json";
    }
    const outcome = await handleRestRequest(new Request(this.url(path), { method, headers, body: payload }), this.deps);
    const text = await outcome.response.text();
    const result: RestResult = { status: outcome.response.status, headers: outcome.response.headers, body: parseBody(text), text, operation: outcome.operation };
    checkAgainstSpec(method, result);
    return result;
  }
}

function parseBody(text: string): JsonValue | null {
  if (text === "") return null;
  try {
    return parseJson(text);
  } catch {
    return null;
  }
}

/** Every body must be what the spec says for its endpoint and status. */
export function checkAgainstSpec(method: string, result: RestResult): void {
  const { status, text, operation } = result;
  if (method === "HEAD" || status === 204 || status === 304) {
    if (text !== "") throw new Error(`${operation} ${status}: expected no body, got ${text.slice(0, 200)}`);
    return;
  }
  if (result.body === null) throw new Error(`${operation} ${status}: the body is not JSON: ${text.slice(0, 200)}`);
  if (operation === "getToken") {
    expectRestSchema(status === 200 ? "OAuthTokenResponse" : "OAuthError", result.body);
    return;
  }
  if (status >= 400) {
    expectRestSchema("IcebergErrorResponse", result.body);
    if (result.body.error.code !== status) throw new Error(`error.code ${result.body.error.code} is not the status ${status}`);
    return;
  }
  const schema = SUCCESS_SCHEMAS[operation];
  if (!schema) throw new Error(`No response schema known for ${operation} ${status}`);
  expectRestSchema(schema, result.body);
}

/** `["a", "b"]` → `a%1Fb`: a namespace as one path segment. */
export function ns(...levels: string[]): string {
  return levels.map(encodeURIComponent).join("%1F");
}

export function seg(name: string): string {
  return encodeURIComponent(name);
}
