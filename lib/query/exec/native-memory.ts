/**
 * Result chunks streamed from DuckDB hold native memory that V8 does not see: a chunk is
 * freed only when its small JS wrapper is collected, and with little JS garbage that can
 * take thousands of chunks (a 6M-row stream grew RSS by ~600 MB; bench/query-memory saw
 * 3.2 GB with 10 queries). A minor GC (a scavenge, ~1–2 ms) every few dozen chunks
 * collects the wrappers while they are still young and frees their chunks.
 *
 * The collector is taken once through V8's `--expose-gc` flag, set only long enough to
 * create it; when that is not possible, nothing is done and memory is freed as before.
 */
import v8 from "node:v8";
import vm from "node:vm";

type Collect = (options?: { type: "minor" | "major" }) => void;

const EVERY_CHUNKS = 32;

let collect: Collect | null | undefined;

function collector(): Collect | null {
  if (collect !== undefined) return collect;
  try {
    const exposed = (globalThis as { gc?: Collect }).gc;
    if (typeof exposed === "function") collect = exposed;
    else {
      v8.setFlagsFromString("--expose-gc");
      const made: unknown = vm.runInNewContext("gc");
      v8.setFlagsFromString("--no-expose-gc");
      collect = typeof made === "function" ? (made as Collect) : null;
    }
  } catch {
    collect = null;
  }
  return collect;
}

/** Counts chunks; every few dozen, collects the young ones' wrappers (and so their memory). */
export function chunkReleaser(): () => void {
  const gc = collector();
  let chunks = 0;
  return () => {
    if (gc && ++chunks % EVERY_CHUNKS === 0) gc({ type: "minor" });
  };
}
