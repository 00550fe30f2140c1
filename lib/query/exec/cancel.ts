/**
 * Cancel: stops the run (DuckDB is interrupted at once; see leased.ts) and every later
 * statement of its batch. A run that already ended stays as it was.
 */
import type { QueryEngine } from "./engine";
import { cancelFrom } from "./live-run";
import { findRun, type RunReader } from "./run-access";
import { isFinished, type RunStatus } from "./run-types";
import { viewOfLive, viewOfRow } from "./run-view";

export async function cancelRun(reader: RunReader, engine: QueryEngine, id: string): Promise<RunStatus> {
  const found = await findRun(reader, engine, id, "cancel");
  if (!found.live) return viewOfRow(found.row);
  const run = found.live;
  if (run.status === "queued" || run.status === "running") {
    cancelFrom(run);
    // The stop settles quickly (an interrupted query, a run taken out of the queue): answer with its outcome.
    const deadline = performance.now() + 2_000;
    while (!isFinished(run.status) && performance.now() < deadline) await run.waitForChange(run.version, deadline - performance.now());
  }
  return viewOfLive(run);
}
