import "server-only";
import type { CatalogRef } from "@/components/catalog/types";
import { type CatalogContext, findCatalog, namespaceExists, tableExists, viewExists } from "@/lib/catalog";
import { isAppError } from "@/lib/errors";

/**
 * What /catalog/<segments…> names. Catalogs nest, so the longest prefix that is a catalog
 * is the catalog; after it come namespace levels and, last, a table. When a table and a
 * namespace share a name under one parent the table wins; `?kind=namespace` picks the
 * namespace. Missing and not-allowed both give null (a 404), so names cannot be probed.
 */
export async function resolveSegments(ctx: CatalogContext, segments: string[], prefer?: "namespace"): Promise<CatalogRef | null> {
  if (segments.length === 0) return { kind: "root" };
  const catalogLength = await longestCatalogPrefix(ctx, segments);
  if (!catalogLength) return null;
  const catalog = segments.slice(0, catalogLength).join("/");
  const rest = segments.slice(catalogLength);
  if (rest.length === 0) return { kind: "catalog", catalog };
  // A federated catalog's schemas and tables live in its database: one level each, checked by the page.
  if ((await findCatalog(ctx.db, catalog)).kind === "federated") {
    if (rest.length === 1) return { kind: "namespace", catalog, namespace: rest };
    return rest.length === 2 ? { kind: "table", catalog, namespace: rest.slice(0, 1), name: rest[1] } : null;
  }
  if (prefer !== "namespace" && rest.length >= 2) {
    const table = { kind: "table" as const, catalog, namespace: rest.slice(0, -1), name: rest[rest.length - 1] };
    if ((await answer(() => tableExists(ctx, table))) || (await answer(() => viewExists(ctx, table)))) return table;
  }
  if (await answer(() => namespaceExists(ctx.db, ctx.actor, { catalog, namespace: rest }))) return { kind: "namespace", catalog, namespace: rest };
  return null;
}

async function longestCatalogPrefix(ctx: CatalogContext, segments: string[]): Promise<number> {
  for (let length = segments.length; length >= 1; length--) {
    if (await answer(async () => !!(await findCatalog(ctx.db, segments.slice(0, length).join("/"))))) return length;
  }
  return 0;
}

/** The check's answer; "not found" (a missing parent) and "not allowed" are both false. */
async function answer(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}
