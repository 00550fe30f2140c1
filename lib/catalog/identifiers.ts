/** How a table is named from outside: catalog path, namespace levels, table name. */
export interface TableIdent {
  catalog: string;
  namespace: string[];
  name: string;
}

export interface NamespaceIdent {
  catalog: string;
  namespace: string[];
}

export function tableResource(ident: TableIdent) {
  return { kind: "table" as const, catalog: ident.catalog, namespace: ident.namespace, table: ident.name };
}

export function namespaceResource(ident: NamespaceIdent) {
  return { kind: "namespace" as const, catalog: ident.catalog, namespace: ident.namespace };
}
