/**
 * Names in commands, resolved against the session as queries resolve them:
 * `catalog.namespace….table`, `namespace.table` (the session's catalog) and `table` (the
 * session's catalog and namespace). Schemas: `catalog.namespace…` or `namespace` (the
 * session's catalog).
 */
import type { NamespaceIdent, TableIdent } from "@/lib/catalog";
import { AppError } from "@/lib/errors";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { SessionState } from "../types";
import type { QualifiedName } from "./parse";

export function resolveTable(session: SessionState, name: QualifiedName): TableIdent {
  const { parts } = name;
  const table = parts[parts.length - 1];
  if (parts.length >= 3) return { catalog: parts[0], namespace: parts.slice(1, -1), name: table };
  const catalog = sessionCatalog(session, parts);
  if (parts.length === 2) return { catalog, namespace: [parts[0]], name: table };
  if (!session.namespace?.length) {
    throw new AppError("bad_request", `${parts.join(".")} needs a namespace: write namespace.${table}, or USE a namespace first.`);
  }
  return { catalog, namespace: session.namespace, name: table };
}

export function resolveNamespace(session: SessionState, name: QualifiedName): NamespaceIdent {
  const { parts } = name;
  if (parts.length >= 2) return { catalog: parts[0], namespace: parts.slice(1) };
  return { catalog: sessionCatalog(session, parts), namespace: parts };
}

function sessionCatalog(session: SessionState, parts: string[]): string {
  if (session.catalog) return session.catalog;
  throw new AppError("bad_request", `${parts.join(".")} needs a catalog: write catalog.namespace.name, or USE a catalog first.`);
}

/** "demo.sales.orders", for messages and history. */
export function fullName(ident: TableIdent | NamespaceIdent): string {
  return [ident.catalog, ...ident.namespace, ...("name" in ident ? [ident.name] : [])].join(".");
}

const PLAIN = /^[a-z_][a-z0-9_]*$/;
const KEYWORDS = new Set(["all", "and", "as", "by", "case", "cast", "check", "column", "create", "default", "distinct", "do", "else", "end", "except", "false", "for", "from", "group", "having", "in", "intersect", "into", "is", "join", "limit", "not", "null", "offset", "on", "or", "order", "select", "table", "then", "to", "true", "union", "unique", "user", "using", "when", "where", "window", "with"]);

/** An identifier for SQL handed to the SELECT planner: bare when plain, quoted otherwise. */
export function sqlIdent(name: string): string {
  return PLAIN.test(name) && !KEYWORDS.has(name) ? name : quoteIdent(name);
}

/** The table's fully qualified name as SQL. */
export function sqlTableName(ident: TableIdent): string {
  return [ident.catalog, ...ident.namespace, ident.name].map(sqlIdent).join(".");
}

export function tableResource(ident: TableIdent) {
  return { kind: "table" as const, catalog: ident.catalog, namespace: ident.namespace, table: ident.name };
}

export function namespaceResource(ident: NamespaceIdent) {
  return { kind: "namespace" as const, catalog: ident.catalog, namespace: ident.namespace };
}
