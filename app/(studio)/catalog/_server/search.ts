import "server-only";
import type { SearchHit } from "@/components/catalog/types";
import { catalogVisibility } from "@/lib/access";
import { type CatalogContext, namespaceLevels } from "@/lib/catalog";

/**
 * Search across catalog, namespace and table names, comments and column names, ranked.
 *
 * INTERIM until lib/catalog/browse `searchCatalog` lands: a plain `contains` over names and
 * the tables' lower-case search text, filtered by lib/access visibility, ranked here by
 * how well the name matches. Replace the body, keep the shape.
 */
export async function searchCatalog(ctx: CatalogContext, query: string, limit: number): Promise<SearchHit[]> {
  const needle = query.toLowerCase();
  const visible = catalogVisibility(ctx.actor);
  const [tables, namespaces, catalogs] = await Promise.all([
    ctx.db.catalogTable.findMany({
      where: { AND: [visible.table, { deletedKey: "", namespace: { deletedKey: "" } }, { OR: [{ name: { contains: query } }, { searchText: { contains: needle } }] }] },
      select: { name: true, kind: true, comment: true, namespace: { select: { path: true, catalog: { select: { path: true } } } } },
      take: 200,
    }),
    ctx.db.namespace.findMany({
      where: { AND: [visible.namespace, { deletedKey: "", path: { contains: query } }] },
      select: { path: true, comment: true, catalog: { select: { path: true } } },
      take: 50,
    }),
    ctx.db.catalog.findMany({ where: { AND: [visible.catalog, { name: { contains: query } }] }, select: { path: true, name: true, comment: true }, take: 20 }),
  ]);
  const hits: (SearchHit & { score: number })[] = [
    ...catalogs.map((c) => hit({ kind: "catalog", ref: { kind: "catalog", catalog: c.path }, label: c.path.split("/").join("."), comment: c.comment }, c.name, needle)),
    ...namespaces.map((n) => {
      const levels = namespaceLevels(n.path);
      const ref = { kind: "namespace" as const, catalog: n.catalog.path, namespace: levels };
      return hit({ kind: "namespace", ref, label: [...n.catalog.path.split("/"), ...levels].join("."), comment: n.comment }, levels[levels.length - 1], needle);
    }),
    ...tables.map((t) => {
      const levels = namespaceLevels(t.namespace.path);
      const ref = { kind: "table" as const, catalog: t.namespace.catalog.path, namespace: levels, name: t.name };
      const kind = t.kind === "view" ? "view" : t.kind === "external" ? "external" : "table";
      return hit({ kind, ref, label: [...t.namespace.catalog.path.split("/"), ...levels, t.name].join("."), comment: t.comment }, t.name, needle);
    }),
  ];
  return hits
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || a.label.length - b.label.length || a.label.localeCompare(b.label))
    .slice(0, limit)
    .map(({ score: _, ...h }) => h);
}

function hit(base: Omit<SearchHit, "matched">, name: string, needle: string): SearchHit & { score: number } {
  const lower = name.toLowerCase();
  if (lower === needle) return { ...base, matched: "name", score: 100 };
  if (lower.startsWith(needle)) return { ...base, matched: "name", score: 80 };
  if (lower.includes(needle)) return { ...base, matched: "name", score: 60 };
  if (base.comment?.toLowerCase().includes(needle)) return { ...base, matched: "comment", score: 40 };
  return { ...base, matched: "column or tag", score: 20 };
}
