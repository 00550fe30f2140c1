/**
 * Tags in catalog search. Tag assignments are few next to tables, so search first asks
 * which assignments match each word (a word no key could match costs no query), then
 * looks up the tables carrying them through indexes, beside its text scan: from the
 * matching assignments themselves (on the table or one of its columns), and by namespace
 * (tagged on the namespace, a parent namespace, the catalog or a parent catalog). An
 * "or tagged" inside the scan would cost a check on each of 100,000 rows. Among the
 * candidates, `candidateTags` works out the tags each really carries (a nearer assignment
 * of a key overrides an inherited one) for ranking and display.
 */
import type { Db, Prisma } from "@/lib/db";
import { displayName, NAMESPACE_SEPARATOR, namespaceLevels } from "../names";
import { type TagLine, tagTerm } from "./rank";

/** Tagged catalogs and namespaces looked at per word: far more than there usually are. */
const MAX_ASSIGNMENTS = 10_000;
/** Tagged namespaces looked up by id per word; beyond, a subquery finds their tables. */
const MAX_TAGGED = 5000;
/** Ids per lookup: SQLite takes at most 999 parameters a query. */
const CHUNK = 300;
/** Ids a word's condition names inline inside another word's lookup; beyond, a subquery. */
const INLINE = 100;

export interface TagSearch {
  /** Per word with matching tags: the matching assignments (catalogs and namespaces by their own tags). */
  matches: Map<string, Prisma.TagAssignmentWhereInput>;
  /** Per word with matching tags: "carries such a tag", for the other words of a lookup. */
  where: Map<string, Prisma.CatalogTableWhereInput>;
  /** Per word, the tables carrying its tags, in pieces an index answers. */
  lookups: TagLookup[];
  /** Keys of the matching assignments: the only ones candidateTags needs to look at. */
  keyIds: string[];
}

/**
 * Tables carrying a word's tags: found from the matching assignments (`tag`: few rows,
 * each joined to its table by primary key), by namespace (the namespace index), or —
 * for a tag on more namespaces than we name — by a scan.
 */
export type TagLookup =
  | { term: string; by: "tag"; match: Prisma.TagAssignmentWhereInput }
  | { term: string; by: "namespace" | "scan"; where: Prisma.CatalogTableWhereInput };

type Assignment = {
  keyId: string;
  catalogId: string | null;
  namespaceId: string | null;
};

type Key = { id: string; nameLower: string; values: string[] };

/**
 * The assignments matching a word, as a filter on plain columns, and the keys it can
 * match. Keys are few and every assigned value is one of its key's allowed values, so a
 * word that no key could match costs no query (lower-case values: both providers agree).
 */
function assignmentMatch(
  term: string,
  keys: Key[],
): { where: Prisma.TagAssignmentWhereInput; keyIds: string[] } | null {
  const exact = tagTerm(term);
  if (exact) {
    const key = keys.find((k) => k.nameLower === exact.key && k.values.includes(exact.value));
    return key ? { where: { keyId: key.id, valueLower: exact.value }, keyIds: [key.id] } : null;
  }
  const byName = keys.filter((k) => k.nameLower.includes(term)).map((k) => k.id);
  const byValue = keys.filter((k) => k.values.some((v) => v.includes(term))).map((k) => k.id);
  if (byName.length + byValue.length === 0) return null;
  const value = { valueLower: { contains: term } };
  return {
    where: byName.length ? { OR: [{ keyId: { in: byName } }, value] } : value,
    keyIds: unique([...byName, ...byValue]),
  };
}

interface TermTags {
  term: string;
  match: Prisma.TagAssignmentWhereInput;
  /** Tables or columns carry a matching tag. */
  hasTables: boolean;
  namespaceIds: string[] | null;
}

export async function tagSearch(db: Db, terms: string[]): Promise<TagSearch | null> {
  const keys: Key[] = (
    await db.tagKey.findMany({ select: { id: true, nameLower: true, allowedValues: true } })
  ).map((k) => ({
    id: k.id,
    nameLower: k.nameLower,
    values: (JSON.parse(k.allowedValues) as string[]).map((v) => v.toLowerCase()),
  }));
  const found: TermTags[] = [];
  const keyIds = new Set<string>();
  for (const term of terms) {
    const match = assignmentMatch(term, keys);
    if (!match) continue;
    const tagged = await taggedBy(db, term, match.where);
    if (!tagged) continue;
    for (const id of match.keyIds) keyIds.add(id);
    found.push(tagged);
  }
  if (found.length === 0) return null;
  // A lookup names one chunk and the other words' conditions: keep under 999 parameters.
  const inline = found.length <= 4 ? INLINE : 0;
  const where = new Map(found.map((f) => [f.term, carries(f, inline)]));
  const lookups = found.flatMap((f): TagLookup[] => {
    const byTag: TagLookup[] = f.hasTables ? [{ term: f.term, by: "tag", match: f.match }] : [];
    const byNamespace: TagLookup[] =
      f.namespaceIds === null
        ? [{ term: f.term, by: "scan", where: containerTagged(f.match) }]
        : chunks(f.namespaceIds).map((ids) => ({
            term: f.term,
            by: "namespace",
            where: { namespaceId: { in: ids } },
          }));
    return [...byTag, ...byNamespace];
  });
  const matches = new Map(found.map((f) => [f.term, f.match]));
  return { matches, where, lookups, keyIds: [...keyIds] };
}

/** Whether tables carry a word's tags, and the namespaces that do (null: too many to name). */
async function taggedBy(
  db: Db,
  term: string,
  match: Prisma.TagAssignmentWhereInput,
): Promise<TermTags | null> {
  const table = await db.tagAssignment.findFirst({
    where: { AND: [match, { tableId: { not: null } }] },
    select: { id: true },
  });
  const containers: Assignment[] = await db.tagAssignment.findMany({
    where: { AND: [match, { objectType: { in: ["catalog", "namespace"] } }] },
    select: { keyId: true, catalogId: true, namespaceId: true },
    take: MAX_ASSIGNMENTS,
  });
  if (!table && containers.length === 0) return null;
  const under = await descendants(db, containers);
  const catalogIds = unique(
    containers.flatMap((a) =>
      a.catalogId ? [a.catalogId, ...(under.catalogs.get(a.catalogId) ?? [])] : [],
    ),
  );
  // Tables inherit from a catalog through their namespace: name those namespaces.
  const inCatalogs = catalogIds.length
    ? await db.namespace.findMany({
        where: { catalogId: { in: catalogIds } },
        select: { id: true },
        take: MAX_TAGGED + 1,
      })
    : [];
  const namespaceIds = unique([
    ...containers.flatMap((a) =>
      a.namespaceId ? [a.namespaceId, ...(under.namespaces.get(a.namespaceId) ?? [])] : [],
    ),
    ...inCatalogs.map((n) => n.id),
  ]);
  return {
    term,
    match,
    hasTables: table !== null,
    namespaceIds: namespaceIds.length > MAX_TAGGED ? null : namespaceIds,
  };
}

/**
 * "Carries a tag matching the word", inside another word's lookup (a small set of rows).
 * A long namespace list becomes a subquery, which sees only tags on the namespace and the
 * catalog themselves, not their parents'.
 */
function carries(f: TermTags, inline: number): Prisma.CatalogTableWhereInput {
  const or: Prisma.CatalogTableWhereInput[] = [];
  if (f.hasTables) or.push({ tags: { some: f.match } });
  if (f.namespaceIds === null || f.namespaceIds.length > inline) or.push(containerTagged(f.match));
  else if (f.namespaceIds.length) or.push({ namespaceId: { in: f.namespaceIds } });
  return or.length === 1 ? or[0] : { OR: or };
}

function containerTagged(match: Prisma.TagAssignmentWhereInput): Prisma.CatalogTableWhereInput {
  return {
    namespace: { OR: [{ tags: { some: match } }, { catalog: { tags: { some: match } } }] },
  };
}

function chunks(ids: string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(ids.slice(i, i + CHUNK));
  return out;
}

/**
 * Namespaces and catalogs below the tagged ones: they inherit the tags. One plain query
 * each (nested namespaces of the tagged ones' catalogs, all nested catalogs), sorted out
 * here: a query with a condition per tagged object costs more to plan than to run.
 */
async function descendants(db: Db, assignments: Assignment[]) {
  const namespaces = new Map<string, string[]>();
  const catalogs = new Map<string, string[]>();
  const taggedNamespaces = unique(assignments.map((a) => a.namespaceId));
  if (taggedNamespaces.length) {
    const tagged = await db.namespace.findMany({
      where: { id: { in: taggedNamespaces } },
      select: { id: true, catalogId: true, path: true },
    });
    const nested = await db.namespace.findMany({
      where: {
        deletedKey: "",
        catalogId: { in: unique(tagged.map((n) => n.catalogId)) },
        path: { contains: NAMESPACE_SEPARATOR },
      },
      select: { id: true, catalogId: true, path: true },
    });
    for (const n of tagged) {
      const prefix = n.path + NAMESPACE_SEPARATOR;
      const below = nested.filter((b) => b.catalogId === n.catalogId && b.path.startsWith(prefix));
      namespaces.set(
        n.id,
        below.map((b) => b.id),
      );
    }
  }
  const taggedCatalogs = unique(assignments.map((a) => a.catalogId));
  if (taggedCatalogs.length) {
    const all = await db.catalog.findMany({
      where: { OR: [{ id: { in: taggedCatalogs } }, { parentId: { not: null } }] },
      select: { id: true, path: true },
    });
    for (const c of all.filter((x) => taggedCatalogs.includes(x.id))) {
      const below = all.filter((b) => b.path.startsWith(`${c.path}/`));
      catalogs.set(
        c.id,
        below.map((b) => b.id),
      );
    }
  }
  return { namespaces, catalogs };
}

const ASSIGNMENT_SELECT = {
  keyId: true,
  value: true,
  objectType: true,
  tableId: true,
  namespaceId: true,
  catalogId: true,
  columnName: true,
} as const;

/** The matched keys' tags on these catalogs or namespaces themselves, for ranking and display. */
export async function ownTags(
  db: Db,
  keyIds: string[],
  field: "catalogId" | "namespaceId",
  ids: string[],
): Promise<Map<string, TagLine[]>> {
  const result = new Map<string, TagLine[]>();
  if (keyIds.length === 0 || ids.length === 0) return result;
  const rows = await db.tagAssignment.findMany({
    where: { keyId: { in: keyIds }, [field]: { in: ids } },
    select: { catalogId: true, namespaceId: true, value: true, key: { select: { name: true } } },
  });
  for (const r of rows) {
    const id = r[field];
    if (id)
      result.set(id, [
        ...(result.get(id) ?? []),
        { key: r.key.name, value: r.value, from: field === "catalogId" ? "catalog" : "namespace" },
      ]);
  }
  return result;
}

export interface CandidatePlace {
  tableId: string;
  namespaceId: string;
  catalogId: string;
  namespacePath: string;
}

/**
 * The tags of the matched keys each candidate carries: its own and its columns', else
 * the nearest namespace's (deepest first), else the nearest catalog's.
 */
export async function candidateTags(
  db: Db,
  keyIds: string[],
  places: CandidatePlace[],
): Promise<Map<string, TagLine[]>> {
  const result = new Map<string, TagLine[]>();
  if (places.length === 0 || keyIds.length === 0) return result;
  const chains = await namespaceChains(db, places);
  const catalogChains = await catalogChainsOf(db, unique(places.map((p) => p.catalogId)));
  const namespaceIds = unique([...chains.values()].flat().map((n) => n.id));
  const catalogIds = unique([...catalogChains.values()].flat().map((c) => c.id));
  const containers = await db.tagAssignment.findMany({
    where: {
      keyId: { in: keyIds },
      OR: [{ namespaceId: { in: namespaceIds } }, { catalogId: { in: catalogIds } }],
    },
    select: ASSIGNMENT_SELECT,
  });
  const own = [];
  for (const ids of chunks(places.map((p) => p.tableId)))
    own.push(
      ...(await db.tagAssignment.findMany({
        where: { keyId: { in: keyIds }, tableId: { in: ids } },
        select: ASSIGNMENT_SELECT,
      })),
    );
  const assignments = [...own, ...containers];
  const keyNames = new Map(
    (
      await db.tagKey.findMany({ where: { id: { in: keyIds } }, select: { id: true, name: true } })
    ).map((k) => [k.id, k.name]),
  );
  const by = (field: "tableId" | "namespaceId" | "catalogId") => {
    const map = new Map<string, typeof assignments>();
    for (const a of assignments) {
      const id = a[field];
      if (id) map.set(id, [...(map.get(id) ?? []), a]);
    }
    return map;
  };
  const byTable = by("tableId");
  const byNamespace = by("namespaceId");
  const byCatalog = by("catalogId");
  const name = (a: { keyId: string }) => keyNames.get(a.keyId) ?? "?";
  for (const place of places) {
    const lines: TagLine[] = [];
    const covered = new Set<string>();
    const take = (rows: typeof assignments | undefined, from: string) => {
      for (const a of rows ?? []) {
        if (covered.has(a.keyId)) continue;
        covered.add(a.keyId);
        lines.push({ key: name(a), value: a.value, from });
      }
    };
    const own = byTable.get(place.tableId) ?? [];
    for (const a of own.filter((x) => x.objectType === "column"))
      lines.push({ key: name(a), value: a.value, from: `column ${a.columnName}` });
    take(
      own.filter((a) => a.objectType === "table"),
      "table",
    );
    for (const ns of [...(chains.get(place.namespaceId) ?? [])].reverse())
      take(byNamespace.get(ns.id), `namespace ${ns.label}`);
    for (const c of [...(catalogChains.get(place.catalogId) ?? [])].reverse())
      take(byCatalog.get(c.id), `catalog ${c.path}`);
    if (lines.length) result.set(place.tableId, lines);
  }
  return result;
}

/**
 * Each candidate's namespace and its parents, top first (live ones only). A top-level
 * namespace is its own chain; only nested ones ask for their parents.
 */
async function namespaceChains(db: Db, places: CandidatePlace[]) {
  const wanted = new Map<string, Set<string>>();
  for (const p of places) {
    const levels = namespaceLevels(p.namespacePath);
    if (levels.length < 2) continue;
    const paths = wanted.get(p.catalogId) ?? new Set<string>();
    for (let i = 1; i < levels.length; i++) paths.add(levels.slice(0, i).join(NAMESPACE_SEPARATOR));
    wanted.set(p.catalogId, paths);
  }
  const parents = wanted.size
    ? await db.namespace.findMany({
        where: {
          deletedKey: "",
          OR: [...wanted].map(([catalogId, paths]) => ({ catalogId, path: { in: [...paths] } })),
        },
        select: { id: true, catalogId: true, path: true },
      })
    : [];
  const byPath = new Map(parents.map((r) => [`${r.catalogId}/${r.path}`, r]));
  const chains = new Map<string, { id: string; label: string }[]>();
  for (const p of places) {
    const levels = namespaceLevels(p.namespacePath);
    const chain = levels.slice(0, -1).flatMap((_, i) => {
      const row = byPath.get(`${p.catalogId}/${levels.slice(0, i + 1).join(NAMESPACE_SEPARATOR)}`);
      return row ? [{ id: row.id, label: displayName(levels.slice(0, i + 1)) }] : [];
    });
    chains.set(p.namespaceId, [...chain, { id: p.namespaceId, label: displayName(levels) }]);
  }
  return chains;
}

/** Each catalog and its parents, top first. Catalogs are few and shallow: a query per level. */
async function catalogChainsOf(db: Db, catalogIds: string[]) {
  const known = new Map<string, { id: string; path: string; parentId: string | null }>();
  let missing = catalogIds;
  while (missing.length) {
    const rows = await db.catalog.findMany({
      where: { id: { in: missing } },
      select: { id: true, path: true, parentId: true },
    });
    for (const r of rows) known.set(r.id, r);
    missing = unique(rows.map((r) => r.parentId)).filter((id) => !known.has(id));
  }
  const chains = new Map<string, { id: string; path: string }[]>();
  for (const id of catalogIds) {
    const chain: { id: string; path: string }[] = [];
    for (let c = known.get(id); c; c = c.parentId ? known.get(c.parentId) : undefined)
      chain.unshift(c);
    chains.set(id, chain);
  }
  return chains;
}

function unique(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string"))];
}
