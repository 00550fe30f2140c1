import "server-only";
import type { CompletionColumn, CompletionItem, CompletionObjectKind } from "@/components/notebooks/types";
import { type CatalogContext, loadTable, loadView, type TableIdent } from "@/lib/catalog";
import { type BrowseItem, listChildren, searchCatalog } from "@/lib/catalog/browse";
import { describeExternal } from "@/lib/catalog/external";
import { describeFederatedTable } from "@/lib/catalog/federated";
import { allFields, currentSchema, type Schema, typeToString } from "@/lib/iceberg/spec";

/**
 * What the SQL editor's autocomplete may offer: only what lib/catalog/browse lists for this
 * principal (its visibility filter), and columns only of tables the principal may read.
 */
export async function completionChildren(ctx: CatalogContext, path: string[]): Promise<CompletionItem[]> {
  const node = path.length === 0 ? { kind: "root" as const } : path.length === 1 ? { kind: "catalog" as const, catalog: path[0] } : { kind: "namespace" as const, catalog: path[0], namespace: path.slice(1) };
  const page = await listChildren(ctx, node, { limit: 500 });
  return page.items.map(toItem);
}

export async function completionSearch(ctx: CatalogContext, query: string): Promise<CompletionItem[]> {
  return (await searchCatalog(ctx, query, { limit: 30 })).filter((hit) => hit.kind !== "catalog" && hit.kind !== "namespace").map(toItem);
}

export async function completionColumns(ctx: CatalogContext, ident: TableIdent, kind: CompletionObjectKind): Promise<CompletionColumn[]> {
  if (kind === "external") return (await describeExternal(ctx, ident)).columns.map((c) => ({ name: c.name, type: c.type, comment: null }));
  if (kind === "federated") return (await describeFederatedTable(ctx, ident)).columns.map((c) => ({ name: c.name, type: c.type, comment: c.comment }));
  if (kind === "view") {
    const { metadata } = await loadView(ctx, ident);
    const version = metadata.versions.find((v) => v.versionId === metadata.currentVersionId);
    const schema = metadata.schemas.find((s) => s.schemaId === version?.schemaId);
    return schema ? schemaColumns(schema) : [];
  }
  return schemaColumns(currentSchema((await loadTable(ctx, ident)).metadata));
}

function schemaColumns(schema: Schema): CompletionColumn[] {
  return allFields(schema).map((f) => ({ name: f.fullName, type: typeToString(f.type), comment: f.field?.doc ?? null }));
}

function toItem(item: BrowseItem): CompletionItem {
  const kind: CompletionObjectKind = item.catalogKind === "federated" && (item.kind === "table" || item.kind === "external") ? "federated" : item.kind;
  return { kind, name: item.name, comment: item.comment, path: [...item.path.catalog.split("/"), ...item.path.namespace, ...(item.path.name !== undefined ? [item.path.name] : [])], catalog: item.path.catalog, namespace: item.path.namespace };
}
