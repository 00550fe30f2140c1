/**
 * Commits to one table from this process take turns. Without it, concurrent writers in
 * one process would race on the metadata pointer and most of their work would be thrown
 * away and redone; with it they queue. Other processes are still kept honest by the
 * compare-and-swap.
 */
const tails = new Map<string, Promise<unknown>>();

export async function withTableLock<T>(tableId: string, fn: () => Promise<T>): Promise<T> {
  const previous = tails.get(tableId) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  const tail = run.catch(() => {});
  tails.set(tableId, tail);
  try {
    return await run;
  } finally {
    // The last one out removes its entry, so the map does not grow with every table ever seen.
    if (tails.get(tableId) === tail) tails.delete(tableId);
  }
}

/**
 * Holds the locks of several tables at once. They are taken one after another in sorted
 * order: two multi-table commits over overlapping tables then queue on the first table
 * they share instead of each holding one the other waits for (no deadlock).
 */
export function withTableLocks<T>(tableIds: string[], fn: () => Promise<T>): Promise<T> {
  const ordered = [...new Set(tableIds)].sort();
  const run = ordered.reduceRight<() => Promise<T>>((inner, id) => () => withTableLock(id, inner), fn);
  return run();
}
