/**
 * Names in commands: how they are shown, and written into the SQL handed to the SELECT
 * planner. (Resolving them against the session is run/targets.ts, through plan's resolver.)
 */
import type { NamespaceIdent, TableIdent } from "@/lib/catalog";
import { quoteIdent } from "@/lib/iceberg/duckdb";

/** "demo.sales.orders", for messages and history. */
export function fullName(ident: TableIdent | NamespaceIdent): string {
  return [ident.catalog, ...ident.namespace, ...("name" in ident ? [ident.name] : [])].join(".");
}

/**
 * An identifier for SQL handed to the SELECT planner, always quoted: DuckDB matches
 * identifiers case-insensitively either way, and quoting keeps keywords (`at`, `order`)
 * and odd names names.
 */
export function sqlIdent(name: string): string {
  return quoteIdent(name);
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
