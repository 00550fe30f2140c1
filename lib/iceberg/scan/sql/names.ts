/**
 * Column names for the relation. DuckDB compares identifiers without regard to case, so
 * two Iceberg columns `user_id` and `uSeR_Id` would clash: later ones get `_1`, `_2`, …
 * (as DuckDB names duplicate columns of a subquery). Internal helper columns get a prefix
 * no table column starts with.
 */
export function uniqueColumnNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 1; taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** `__tarn_`, or `__tarn1_`, … — whichever no column name starts with. */
export function internalPrefix(names: readonly string[]): string {
  const lower = names.map((name) => name.toLowerCase());
  for (let n = 0; ; n++) {
    const prefix = `__tarn${n || ""}_`;
    if (!lower.some((name) => name.startsWith(prefix))) return prefix;
  }
}
