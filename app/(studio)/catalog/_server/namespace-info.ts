import "server-only";
import type { NamespaceDetails } from "@/components/catalog/object-types";
import { type CatalogContext, loadNamespace, type NamespaceIdent } from "@/lib/catalog";
import { catalogContextKind } from "./catalog-info";

export async function namespaceDetails(ctx: CatalogContext, ident: NamespaceIdent): Promise<NamespaceDetails> {
  const [info, catalogKind] = await Promise.all([loadNamespace(ctx.db, ctx.actor, ident), catalogContextKind(ctx, ident.catalog)]);
  return { catalog: ident.catalog, namespace: info.namespace, catalogKind, comment: info.comment, owner: info.owner, properties: info.properties };
}
