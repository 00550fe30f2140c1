/**
 * How well an object matches a search, and the order of hits: exact name, then name
 * prefix, then name contains, then every word in its path, then comment, then column
 * names (and their docs). Within a tier: matches nearer the start of the name, then
 * shorter names, then catalogs before namespaces before tables, then by name.
 *
 * Tags (permissions issue): add "tag" after "column" in MATCH_ORDER and give `matchOf`
 * the object's tag names; the rest follows.
 */
export const MATCH_ORDER = ["exact", "prefix", "name", "path", "comment", "column"] as const;
export type MatchKind = (typeof MATCH_ORDER)[number];

export interface Matchable {
  name: string;
  /** Namespace levels and catalog path words, for multi-word queries ("sales orders"). */
  pathWords: string[];
  comment: string | null;
  /** Further searchable lines (column names and docs), lower-case. */
  extraLines?: string[];
}

/** The words of a query, lower-case; empty when there is nothing to search for. */
export function queryTerms(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

export function matchOf(
  terms: string[],
  object: Matchable,
): { match: MatchKind; position: number; columns?: string[] } | null {
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
  const columns = lines.filter((line) => terms.some((t) => line.includes(t)));
  if (
    columns.length &&
    terms.every((t) => name.includes(t) || comment.includes(t) || lines.some((l) => l.includes(t)))
  ) {
    return { match: "column", position: 0, columns: columns.slice(0, 5) };
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
    MATCH_ORDER.indexOf(a.match) - MATCH_ORDER.indexOf(b.match) ||
    a.position - b.position ||
    a.name.length - b.name.length ||
    (KIND_ORDER[a.kind] ?? 2) - (KIND_ORDER[b.kind] ?? 2) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}
