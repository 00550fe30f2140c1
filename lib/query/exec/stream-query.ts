/**
 * A query on its slot: setup steps, then DuckDB's streaming result read chunk by chunk:
 * held in memory if it turns out small, else appended to the run's spool, so the first
 * rows are readable while the rest is computed (read-ahead.ts). A query with few rows at
 * most, or grouped at its top level, is run to the end first.
 */
import type { PreparedQuery } from "../types";
import { engineConnection, values } from "./engine-connection";
import type { HeldResult } from "./held-result";
import type { LiveRun } from "./live-run";
import { chunkReleaser } from "./native-memory";
import { ReadAhead } from "./read-ahead";
import type { ResultStore } from "./result-store";
import type { Lease } from "./slot-pool";
import type { Spool } from "./spool";

/** A query that can return at most this many rows runs to completion before its rows are read. */
export const MATERIALIZE_MAX_ROWS = 10_000;

/** A result run to the end with at most this many rows is held in memory rather than staged (read-ahead.ts)… */
export const HELD_MAX_ROWS = 50_000;
/** …and a streamed one with at most this many: more would delay the first rows of a large one… */
export const HELD_MAX_STREAMED_ROWS = 10_000;
/** …unless it is still coming after this long: its first rows are then shown as they come. */
const READ_AHEAD_MS = 100;

export async function runToResult(lease: Lease, plan: PreparedQuery, run: LiveRun, store: ResultStore): Promise<Spool | HeldResult> {
  const connection = engineConnection(lease.connection);
  for (const step of plan.setup) {
    run.signal.throwIfAborted();
    await step.run(connection, run.signal);
  }
  run.signal.throwIfAborted();
  // Streaming costs DuckDB a few ms: a small result, or one that exists only once all input
  // is read (GROUP BY), gains nothing from it and is run through.
  const whole = plan.grouped === true || (plan.rowBound !== undefined && plan.rowBound <= MATERIALIZE_MAX_ROWS);
  const result = whole ? await lease.connection.run(plan.sql, values(plan.params)) : await lease.connection.stream(plan.sql, values(plan.params));
  const names = result.deduplicatedColumnNames();
  const types = result.columnTypes();
  const rows = new ReadAhead(store, run, names.map((name, i) => ({ name, type: types[i] })), { maxRows: whole ? HELD_MAX_ROWS : HELD_MAX_STREAMED_ROWS, maxMs: READ_AHEAD_MS });
  const released = chunkReleaser();
  try {
    for (;;) {
      const chunk = await result.fetchChunk();
      // An interrupted stream ends quietly, like a finished one: the signal tells them apart.
      run.signal.throwIfAborted();
      if (!chunk || chunk.rowCount === 0) break;
      if (await rows.add(chunk)) released();
    }
    return await rows.finish();
  } catch (error) {
    await rows.abandon();
    throw error;
  }
}

