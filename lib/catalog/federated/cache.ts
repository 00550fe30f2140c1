/**
 * A short-lived cache of discovery answers. Federated tables are listed live, but a tree
 * opening ten schemas should not open ten connections each time it re-renders. Keys carry
 * the catalog's `updatedAt`, so a changed connection never serves old answers. Concurrent
 * askers share one request; failures are not kept.
 */
export const DISCOVERY_TTL_MS = 30_000;
const MAX_ENTRIES = 1_000;

interface Entry {
  expires: number;
  value: Promise<unknown>;
}

const entries = new Map<string, Entry>();

export function cached<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
  const hit = entries.get(key);
  if (hit && hit.expires > now) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) sweep(now);
  const value = load();
  entries.set(key, { expires: now + DISCOVERY_TTL_MS, value });
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}

/** Forgets everything about one catalog (its connection changed, or someone asked to refresh). */
export function forgetCatalog(catalogId: string): void {
  for (const key of entries.keys()) if (key.startsWith(`${catalogId}:`)) entries.delete(key);
}

function sweep(now: number): void {
  for (const [key, entry] of entries) if (entry.expires <= now) entries.delete(key);
  // Still full of live entries: drop the oldest (Map keeps insertion order).
  while (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
}
