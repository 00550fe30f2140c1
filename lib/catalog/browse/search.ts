/**
 * Catalog search: catalogs, namespaces, tables, views and external tables whose names,
 * comments or columns (`CatalogTable.searchText`, see lib/catalog/search-text.ts) hold
 * every word of the query; also by tags (`pii`, `domain=sales`; search-tags.ts): tables
 * and views by their own, their columns' and inherited ones, catalogs and namespaces by
 * their own; ranked by rank.ts; each hit with its path.
 *
 * Speed with 100,000 tables: a substring match cannot use an index, so each query is at
 * most one scan that stops after CANDIDATES rows. When more match than that (a broad
 * query), two more queries make sure the best tiers are complete — names starting with
 * the query, and names containing it — so an exact name is never crowded out by
 * thousands of column matches. The visibility filter of lib/access is in every query.
 *
 * Federated tables are live in their database, not in the catalog, so they are not
 * searched; their catalogs are.
 */
import { type CatalogVisibility, catalogVisibility, requireAuthorized } from "@/lib/access";
import type { Db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CatalogKind } from "../catalogs";
import type { CatalogContext } from "../context";
import { namespaceLevels } from "../names";
import { type BrowseItem, tableItemKind } from "./items";
import { compareHits, type MatchKind, matchOf, queryTerms, type TagLine } from "./rank";
import { candidateTags, ownTags, type TagSearch, tagSearch } from "./search-tags";

export interface SearchOptions {
  /** Hits to return: 20 by default, at most 100. */
  limit?: number;
}

export interface SearchHit extends BrowseItem {
  match: MatchKind;
  /** Column lines (names, docs) that matched, for "column" hits. */
  columns?: string[];
  /** Tags that matched, with where each comes from ("namespace sales", "column email"). */
  tags?: TagLine[];
}

const CANDIDATES = 300;
const MAX_LIMIT = 100;
const MAX_QUERY = 200;

interface Scored extends SearchHit {
  position: number;
}

export async function searchCatalog(
  ctx: CatalogContext,
  query: string,
  opts: SearchOptions = {},
): Promise<SearchHit[]> {
  requireAuthorized(ctx.actor, "catalog.browse");
  if (typeof query !== "string" || query.length > MAX_QUERY)
    throw new AppError("bad_request", `A search can have at most ${MAX_QUERY} characters.`);
  const limit = Math.max(1, Math.min(opts.limit ?? 20, MAX_LIMIT));
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const visible = catalogVisibility(ctx.actor);
  const text = textMatcher(ctx.db);
  const tags = await tagSearch(ctx.db, terms);
  const hits = await Promise.all([
    catalogHits(ctx, visible, terms, text, tags),
    namespaceHits(ctx, visible, terms, text, tags),
    tableHits(ctx, visible, terms, text, limit, tags),
  ]);
  return hits
    .flat()
    .sort(compareHits)
    .slice(0, limit)
    .map(({ position: _, ...hit }) => hit);
}

type TextMatcher = (op: "contains" | "startsWith", value: string) => Prisma.StringFilter;

/** SQLite's LIKE ignores ASCII case; PostgreSQL needs ILIKE, which Prisma calls mode "insensitive". */
function textMatcher(db: Db): TextMatcher {
  const insensitive =
    (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
  return (op, value) =>
    ({ [op]: value, ...(insensitive ? { mode: "insensitive" } : {}) }) as Prisma.StringFilter;
}

/** A word in the path or comment, or (catalogs and namespaces) in one of their own tags. */
function containerWord(
  t: string,
  text: TextMatcher,
  tags: TagSearch | null,
): Prisma.CatalogWhereInput & Prisma.NamespaceWhereInput {
  const match = tags?.matches.get(t);
  return {
    OR: [
      { path: text("contains", t) },
      { comment: text("contains", t) },
      ...(match ? [{ tags: { some: match } }] : []),
    ],
  };
}

async function catalogHits(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  terms: string[],
  text: TextMatcher,
  tags: TagSearch | null,
): Promise<Scored[]> {
  const rows = await ctx.db.catalog.findMany({
    where: { AND: [visible.catalog, ...terms.map((t) => containerWord(t, text, tags))] },
    take: CANDIDATES,
    select: { id: true, name: true, path: true, kind: true, comment: true },
  });
  const tagLines = tags
    ? await ownTags(
        ctx.db,
        tags.keyIds,
        "catalogId",
        rows.map((r) => r.id),
      )
    : undefined;
  return rows.flatMap((c) => {
    const m = matchOf(terms, {
      name: c.name,
      pathWords: c.path.split("/"),
      comment: c.comment,
      tags: tagLines?.get(c.id),
    });
    if (!m) return [];
    const path = { catalog: c.path, namespace: [] };
    return [
      {
        kind: "catalog",
        id: c.id,
        name: c.name,
        comment: c.comment,
        catalogKind: c.kind as CatalogKind,
        path,
        node: { kind: "catalog", ...path },
        ...m,
      },
    ];
  });
}

async function namespaceHits(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  terms: string[],
  text: TextMatcher,
  tags: TagSearch | null,
): Promise<Scored[]> {
  const rows = await ctx.db.namespace.findMany({
    where: {
      AND: [
        visible.namespace,
        { deletedKey: "" },
        ...terms.map((t) => containerWord(t, text, tags)),
      ],
    },
    take: CANDIDATES,
    select: {
      id: true,
      path: true,
      comment: true,
      catalog: { select: { path: true, kind: true } },
    },
  });
  const tagLines = tags
    ? await ownTags(
        ctx.db,
        tags.keyIds,
        "namespaceId",
        rows.map((r) => r.id),
      )
    : undefined;
  return rows.flatMap((n) => {
    const namespace = namespaceLevels(n.path);
    const name = namespace[namespace.length - 1];
    const m = matchOf(terms, {
      name,
      pathWords: [...n.catalog.path.split("/"), ...namespace.slice(0, -1)],
      comment: n.comment,
      tags: tagLines?.get(n.id),
    });
    if (!m) return [];
    const path = { catalog: n.catalog.path, namespace };
    return [
      {
        kind: "namespace",
        id: n.id,
        name,
        comment: n.comment,
        catalogKind: n.catalog.kind as CatalogKind,
        path,
        node: { kind: "namespace", ...path },
        ...m,
      },
    ];
  });
}

const TABLE_SELECT = {
  id: true,
  name: true,
  kind: true,
  comment: true,
  searchText: true,
  namespaceId: true,
} as const;
type TableCandidate = {
  id: string;
  name: string;
  kind: string;
  comment: string | null;
  searchText: string;
  namespaceId: string;
};

async function tableHits(
  ctx: CatalogContext,
  visible: CatalogVisibility,
  terms: string[],
  text: TextMatcher,
  limit: number,
  tags: TagSearch | null,
): Promise<Scored[]> {
  const live: Prisma.CatalogTableWhereInput = {
    AND: [visible.table, { deletedKey: "" }, { namespace: { deletedKey: "" } }],
  };
  const find = (
    where: Prisma.CatalogTableWhereInput,
    orderBy:
      | Prisma.CatalogTableOrderByWithRelationInput
      | Prisma.CatalogTableOrderByWithRelationInput[],
    take: number,
  ) =>
    ctx.db.catalogTable.findMany({
      where: { AND: [live, where] },
      orderBy,
      take,
      select: TABLE_SELECT,
    });
  // Every word in the search text or in a tag the table carries, or the whole query in
  // the name (rows whose search text is missing or stale are still found by name).
  const whole = terms.join(" ");
  const word = (t: string): Prisma.CatalogTableWhereInput => {
    const tagged = tags?.where.get(t);
    return tagged
      ? { OR: [{ searchText: text("contains", t) }, tagged] }
      : { searchText: text("contains", t) };
  };
  const matching = {
    OR: [
      { AND: terms.map((t) => ({ searchText: text("contains", t) })) },
      { name: text("contains", whole) },
    ],
  };
  const found = await find(matching, IN_TABLE_ORDER, CANDIDATES + 1);
  const candidates = new Map(found.map((row) => [row.id, row]));
  // Tables carrying a matching tag, looked up through their indexes (search-tags.ts):
  // each word must still be in the search text or a tag. Tag matches share one tier, so
  // CANDIDATES of them are enough.
  let fromTags = 0;
  for (const lookup of tags?.lookups ?? []) {
    if (fromTags >= CANDIDATES) break;
    const others = terms.filter((t) => t !== lookup.term).map(word);
    const rows =
      lookup.by === "tag"
        ? (
            await ctx.db.tagAssignment.findMany({
              where: { AND: [lookup.match, { table: { is: { AND: [live, ...others] } } }] },
              select: { table: { select: TABLE_SELECT } },
              take: CANDIDATES + 1,
            })
          ).flatMap((a) => (a.table ? [a.table] : []))
        : await find({ AND: [lookup.where, ...others] }, LOOKUP_ORDER[lookup.by], CANDIDATES + 1);
    for (const row of rows) candidates.set(row.id, row);
    fromTags += rows.length;
  }
  if (found.length > CANDIDATES) {
    // More match than we look at: complete the name tiers (see the note on top). Enough
    // names starting with the query outrank everything else, so "contains" may be skipped.
    const prefixed = await find({ name: text("startsWith", whole) }, BY_NAME, CANDIDATES);
    const named =
      prefixed.length >= limit
        ? []
        : await find({ name: text("contains", whole) }, BY_NAME, CANDIDATES);
    for (const row of [...prefixed, ...named]) candidates.set(row.id, row);
  }
  return rankTables(ctx, terms, [...candidates.values()], tags);
}

/**
 * Orders matter for speed on SQLite. Without one, Prisma orders by id, which walks the
 * primary-key index and fetches rows at random (~5× a plain scan). By name, SQLite walks
 * the (namespaceId, name) index and checks name conditions without touching rows — the
 * fastest for name tiers, the slowest for search text. For search text: `deletedAt` is
 * NULL on every live row, so ordering by it is insertion order read off the `deletedAt`
 * index — no sort, so a broad query stops after the first CANDIDATES matches (2 ms
 * instead of sorting 100,000 matches, 40 ms), while a rare one costs about a plain scan.
 */
const IN_TABLE_ORDER = { deletedAt: "asc" } as const;
const BY_NAME = { name: "asc" } as const;
/** For tagged tables: the orders of the indexes they are found by, so nothing is sorted. */
const LOOKUP_ORDER: Record<"namespace" | "scan", Prisma.CatalogTableOrderByWithRelationInput[]> = {
  namespace: [{ namespaceId: "asc" }, { name: "asc" }],
  scan: [IN_TABLE_ORDER],
};

async function rankTables(
  ctx: CatalogContext,
  terms: string[],
  rows: TableCandidate[],
  tags: TagSearch | null,
): Promise<Scored[]> {
  const namespaces = await ctx.db.namespace.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.namespaceId))] } },
    select: {
      id: true,
      path: true,
      catalogId: true,
      catalog: { select: { path: true, kind: true } },
    },
  });
  const byId = new Map(
    namespaces.map((n) => [n.id, { levels: namespaceLevels(n.path), catalog: n.catalog }]),
  );
  const placeOf = new Map(namespaces.map((n) => [n.id, n]));
  const tagLines = tags
    ? await candidateTags(
        ctx.db,
        tags.keyIds,
        rows.flatMap((r) => {
          const ns = placeOf.get(r.namespaceId);
          return ns
            ? [
                {
                  tableId: r.id,
                  namespaceId: ns.id,
                  catalogId: ns.catalogId,
                  namespacePath: ns.path,
                },
              ]
            : [];
        }),
      )
    : new Map<string, TagLine[]>();
  return rows.flatMap((row) => {
    const ns = byId.get(row.namespaceId);
    if (!ns) return [];
    const m = matchOf(terms, {
      name: row.name,
      pathWords: [...ns.catalog.path.split("/"), ...ns.levels],
      comment: row.comment,
      extraLines: columnLines(row, ns.levels),
      tags: tagLines.get(row.id),
    });
    if (!m) return [];
    return [
      {
        kind: tableItemKind(row.kind),
        id: row.id,
        name: row.name,
        comment: row.comment,
        catalogKind: ns.catalog.kind as CatalogKind,
        path: { catalog: ns.catalog.path, namespace: ns.levels, name: row.name },
        ...m,
      },
    ];
  });
}

/** The search text without its name, namespace and comment lines: column names and docs. */
function columnLines(row: TableCandidate, namespace: string[]): string[] {
  const skip = new Set([
    row.name.toLowerCase(),
    namespace.join(".").toLowerCase(),
    (row.comment ?? "").toLowerCase(),
  ]);
  return row.searchText.split("\n").filter((line) => line && !skip.has(line));
}
