/** How catalog objects are named from outside: catalog path, namespace levels, name. */
export interface TableIdent {
  catalog: string;
  namespace: string[];
  name: string;
}

/** Views are named like tables, and share their names: one namespace cannot hold a table and a view of one name. */
export type ViewIdent = TableIdent;

export interface NamespaceIdent {
  catalog: string;
  namespace: string[];
}

/** Any object that has an owner and a comment. */
export type CatalogObjectRef =
  | { kind: "catalog"; catalog: string }
  | ({ kind: "namespace" } & NamespaceIdent)
  | ({ kind: "table" | "view" } & TableIdent);

export function tableResource(ident: TableIdent) {
  return { kind: "table" as const, catalog: ident.catalog, namespace: ident.namespace, table: ident.name };
}

/** Views are checked as the table-like objects they are; the operation says it is a view. */
export const viewResource = tableResource;

export function namespaceResource(ident: NamespaceIdent) {
  return { kind: "namespace" as const, catalog: ident.catalog, namespace: ident.namespace };
}
