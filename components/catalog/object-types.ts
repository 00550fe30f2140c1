/** Catalog and namespace pages' data (client-safe). */
export interface CatalogDetails {
  path: string;
  name: string;
  kind: string;
  comment: string | null;
  owner: string | null;
  properties: Record<string, string>;
  /** Where a managed catalog keeps its tables. */
  folder: string | null;
  createdAt: number;
}

export interface NamespaceDetails {
  catalog: string;
  namespace: string[];
  catalogKind: string;
  comment: string | null;
  owner: string | null;
  properties: Record<string, string>;
}

/** Which create and register actions a container offers this principal (the server decides). */
export interface ContainerAbilities {
  createNamespace: boolean;
  createTable: boolean;
  registerTable: boolean;
  registerFolder: boolean;
  alterNamespace: boolean;
  changeOwner: boolean;
  tagCatalog: boolean;
  tagNamespace: boolean;
}
