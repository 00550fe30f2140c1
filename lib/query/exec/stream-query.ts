/**
 * A query on its slot: setup steps, then DuckDB's streaming result appended chunk by
 * chunk to the run's spool, so the first rows are readable while the rest is computed.
 * A query with few rows at most, or grouped at its top level, is run to the end first;
 * when its result is small it is held as it came (held-result.ts) instead of staged.
 */
import type { DuckDBDataChunk, DuckDBMaterializedResult } from "@duckdb/node-api";
import type { PreparedQuery } from "../types";
import { engineConnection, values } from "./engine-connection";
import { HeldResult } from "./held-result";
import type { LiveRun } from "./live-run";
import { chunkReleaser } from "./native-memory";
import type { ResultStore } from "./result-store";
import type { Lease } from "./slot-pool";
import { Spool } from "./spool";

/** A query that can return at most this many rows runs to completion before its rows are read. */
export const MATERIALIZE_MAX_ROWS = 10_000;

/** A result run to the end with at most this many rows is held in memory rather than staged. */
export const HELD_MAX_ROWS = 50_000;

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
  run.signal.throwIfAborted();
  if (whole && (result as DuckDBMaterializedResult).rowCount <= HELD_MAX_ROWS) {
    const held = new HeldResult(names.map((name, i) => ({ name, type: types[i] })), await allChunks(result as DuckDBMaterializedResult));
    run.update({ columns: names.map((name, i) => ({ name, type: types[i].toString() })), rowCount: held.rowCount });
    return held;
  }
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

async function allChunks(result: DuckDBMaterializedResult): Promise<DuckDBDataChunk[]> {
  const chunks: DuckDBDataChunk[] = [];
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return chunks;
    chunks.push(chunk);
  }
}
