import "server-only";
import type { CatalogDetails } from "@/components/catalog/object-types";
import { type CatalogContext, findCatalog } from "@/lib/catalog";

/** A catalog's kind (managed, lake, federated): decides which dialogs and tabs apply. */
export async function catalogContextKind(ctx: CatalogContext, catalog: string): Promise<string> {
  return (await findCatalog(ctx.db, catalog)).kind;
}

/** What the catalog page shows. Never the connection secret of a federated catalog. */
export async function catalogDetails(ctx: CatalogContext, path: string): Promise<CatalogDetails> {
  const row = await findCatalog(ctx.db, path);
  return {
    path: row.path,
    name: row.name,
    kind: row.kind,
    comment: row.comment,
    owner: row.owner,
    properties: parseObject(row.properties),
    folder: row.rootPath,
    createdAt: row.createdAt.getTime(),
  };
}

function parseObject(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}
