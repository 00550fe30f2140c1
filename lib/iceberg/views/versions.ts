/** Comparing view versions and reading their SQL. */
import type { ViewVersion } from "../spec";

/**
 * Whether two versions would behave the same: equal summary, SQL, default catalog and
 * namespace and schema id. The version id and timestamp do not count (Java's
 * `sameViewVersion`), so re-adding what a view already has re-uses that version.
 */
export function sameViewVersion(a: ViewVersion, b: ViewVersion): boolean {
  return (
    a.schemaId === b.schemaId &&
    a.defaultCatalog === b.defaultCatalog &&
    sameList(a.defaultNamespace, b.defaultNamespace) &&
    sameMap(a.summary, b.summary) &&
    a.representations.length === b.representations.length &&
    a.representations.every((r, i) => {
      const other = b.representations[i];
      return r.type === other.type && r.sql === other.sql && r.dialect === other.dialect;
    })
  );
}

/** The version's dialects, lower-case (dialects compare ignoring case). */
export function dialectsOf(version: ViewVersion): Set<string> {
  return new Set(version.representations.map((r) => r.dialect.toLowerCase()));
}

/** The SQL of a dialect (ignoring case), if the version has one. */
export function sqlFor(version: ViewVersion, dialect: string): string | undefined {
  return version.representations.find((r) => r.dialect.toLowerCase() === dialect.toLowerCase())
    ?.sql;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameMap(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k])
  );
}
