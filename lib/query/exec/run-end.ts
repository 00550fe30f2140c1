/**
 * Waiting for a statement as the notebook does: long-polling its status until it has
 * ended (succeeded, failed or cancelled). Not its batch's `done`, which also waits for
 * the result to be kept in its file and the run to be recorded — a small result's rows
 * are readable before that (keep-result.ts).
 */
import type { RunReader } from "./run-access";
import type { QueryEngine } from "./engine";
import { isFinished, type RunStatus } from "./run-types";
import { getRun } from "./run-view";

export async function untilAnswered(reader: RunReader, engine: QueryEngine, id: string): Promise<RunStatus> {
  let state = await getRun(reader, engine, id);
  while (!isFinished(state.status)) state = await getRun(reader, engine, id, { since: state.version, waitMs: 5_000 });
  return state;
}
