/**
 * How well an object matches a search, and the order of hits: exact name, then name
 * prefix, then name contains, then every word in its path, then comment, then column
 * names (and their docs). Within a tier: matches nearer the start of the name, then
 * shorter names, then catalogs before namespaces before tables, then by name.
 *
 * Tags rank like columns: a word matches a tag whose key or value contains it, and
 * `key=value` matches exactly that tag (ignoring case), on the object, inherited, or on
 * one of its columns (search-tags.ts finds them).
 */
export const MATCH_ORDER = ["exact", "prefix", "name", "path", "comment", "column", "tag"] as const;
export type MatchKind = (typeof MATCH_ORDER)[number];

/** A tag an object carries, and where it comes from ("namespace sales", "column email"). */
export interface TagLine {
  key: string;
  value: string;
  from: string;
}

/** A word of a query as a tag condition: `key=value` is exact, any other word is a substring. */
export function tagTerm(term: string): { key: string; value: string } | null {
  const at = term.indexOf("=");
  if (at <= 0 || at === term.length - 1) return null;
  return { key: term.slice(0, at), value: term.slice(at + 1) };
}

/** Whether a (lower-case) query word matches a tag. */
export function tagMatches(term: string, tag: { key: string; value: string }): boolean {
  const key = tag.key.toLowerCase();
  const value = tag.value.toLowerCase();
  const exact = tagTerm(term);
  if (exact) return key === exact.key && value === exact.value;
  return key.includes(term) || value.includes(term);
}

/** Tags rank like columns (same tier). */
function tierOf(match: MatchKind): number {
  return MATCH_ORDER.indexOf(match === "tag" ? "column" : match);
}

export interface Matchable {
  name: string;
  /** Namespace levels and catalog path words, for multi-word queries ("sales orders"). */
  pathWords: string[];
  comment: string | null;
  /** Further searchable lines (column names and docs), lower-case. */
  extraLines?: string[];
  /** Tags of the object (its own, inherited, and its columns'). */
  tags?: TagLine[];
}

/** The words of a query, lower-case; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchOf(
  terms: string[],
  object: Matchable,
): { match: MatchKind; position: number; columns?: string[]; tags?: TagLine[] } | null {
  if (terms.length === 0) return null;
  const whole = terms.join(" ");
  const name = object.name.toLowerCase();
  if (name === whole) return { match: "exact", position: 0 };
  if (name.startsWith(whole)) return { match: "prefix", position: 0 };
  const at = name.indexOf(whole);
  if (at >= 0) return { match: "name", position: at };
  const words = [name, ...object.pathWords.map((w) => w.toLowerCase())];
  if (terms.length > 1 && terms.every((t) => words.some((w) => w.includes(t))))
    return { match: "path", position: 0 };
  const comment = object.comment?.toLowerCase() ?? "";
  if (terms.every((t) => comment.includes(t) || name.includes(t)))
    return { match: "comment", position: 0 };
  const lines = object.extraLines ?? [];
  const tags = object.tags ?? [];
  const columns = lines.filter((line) => terms.some((t) => line.includes(t)));
  const tagged = tags.filter((tag) => terms.some((t) => tagMatches(t, tag)));
  // A word may also be satisfied by the path ("sales pii": a pii table in namespace sales).
  const found = (t: string) =>
    words.some((w) => w.includes(t)) ||
    comment.includes(t) ||
    lines.some((l) => l.includes(t)) ||
    tags.some((tag) => tagMatches(t, tag));
  if ((columns.length || tagged.length) && terms.every(found)) {
    return {
      match: columns.length ? "column" : "tag",
      position: 0,
      ...(columns.length ? { columns: columns.slice(0, 5) } : {}),
      ...(tagged.length ? { tags: tagged.slice(0, 5) } : {}),
    };
  }
  return null;
}

const KIND_ORDER: Record<string, number> = { catalog: 0, namespace: 1 };

export interface Ranked {
  match: MatchKind;
  position: number;
  name: string;
  kind: string;
}

export function compareHits(a: Ranked, b: Ranked): number {
  return (
    tierOf(a.match) - tierOf(b.match) ||
    a.position - b.position ||
    a.name.length - b.name.length ||
    (KIND_ORDER[a.kind] ?? 2) - (KIND_ORDER[b.kind] ?? 2) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}
