import "server-only";
import type { NamespaceDetails } from "@/components/catalog/object-types";
import { type CatalogContext, loadNamespace, type NamespaceIdent } from "@/lib/catalog";
import { catalogContextKind } from "./catalog-info";

export async function namespaceDetails(ctx: CatalogContext, ident: NamespaceIdent): Promise<NamespaceDetails> {
  const catalogKind = await catalogContextKind(ctx, ident.catalog);
  // A federated catalog's namespaces are its database's schemas: no properties of their own here.
  if (catalogKind === "federated") return { catalog: ident.catalog, namespace: ident.namespace, catalogKind, comment: null, owner: null, properties: {} };
  const info = await loadNamespace(ctx.db, ctx.actor, ident);
  return { catalog: ident.catalog, namespace: info.namespace, catalogKind, comment: info.comment, owner: info.owner, properties: info.properties };
}
