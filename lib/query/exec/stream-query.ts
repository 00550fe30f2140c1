/**
 * A query on its slot: setup steps, then DuckDB's streaming result appended chunk by
 * chunk to the run's spool, so the first rows are readable while the rest is computed
 * (a query with few rows at most, or grouped at its top level, is run to the end first).
 */
import type { PreparedQuery } from "../types";
import { engineConnection, values } from "./engine-connection";
import type { LiveRun } from "./live-run";
import { chunkReleaser } from "./native-memory";
import type { ResultStore } from "./result-store";
import type { Lease } from "./slot-pool";
import { Spool } from "./spool";

/** A query that can return at most this many rows runs to completion before its rows are read. */
export const MATERIALIZE_MAX_ROWS = 10_000;

export async function streamToSpool(lease: Lease, plan: PreparedQuery, run: LiveRun, store: ResultStore): Promise<Spool> {
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
  const spool = await Spool.open(store, run.id, names.map((name, i) => ({ name, type: types[i] })));
  run.update({ spool, columns: names.map((name, i) => ({ name, type: types[i].toString() })) });
  const released = chunkReleaser();
  try {
    for (;;) {
      const chunk = await result.fetchChunk();
      // An interrupted stream ends quietly, like a finished one: the signal tells them apart.
      run.signal.throwIfAborted();
      if (!chunk || chunk.rowCount === 0) break;
      if (spool.append(chunk)) run.update({ rowCount: spool.visibleRows });
      released();
    }
    if (spool.flush()) run.update({ rowCount: spool.visibleRows });
    return spool;
  } catch (error) {
    run.update({ spool: undefined, rowCount: 0 });
    await spool.drop().catch(() => {});
    throw error;
  }
}
