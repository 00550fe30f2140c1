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
