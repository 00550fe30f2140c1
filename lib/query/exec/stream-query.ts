/**
 * A query on its slot: setup steps, then DuckDB's streaming result appended chunk by
 * chunk to the run's spool, so the first rows are readable while the rest is computed
 * (a query with few rows at most, or grouped at its top level, is run to the end first).
 */
import {
  type DuckDBPreparedStatement,
  type DuckDBResult,
  type DuckDBType,
  DuckDBTypeId,
} from "@duckdb/node-api";
import type { PreparedQuery } from "../types";
import { engineConnection, values } from "./engine-connection";
import type { LiveRun } from "./live-run";
import { chunkReleaser } from "./native-memory";
import type { ResultStore } from "./result-store";
import type { Lease } from "./slot-pool";
import { Spool, type SpoolColumn } from "./spool";

/** A query that can return at most this many rows runs to completion before its rows are read. */
export const MATERIALIZE_MAX_ROWS = 10_000;

export async function streamToSpool(
  lease: Lease,
  plan: PreparedQuery,
  run: LiveRun,
  store: ResultStore,
): Promise<Spool> {
  const connection = engineConnection(lease.connection);
  for (const step of plan.setup) {
    run.signal.throwIfAborted();
    await step.run(connection, run.signal);
  }
  run.signal.throwIfAborted();
  const { result, spool } = await startQuery(lease, plan, run, store);
  run.update({
    spool,
    columns: spool.columns.map((c) => ({ name: c.name, type: c.type.toString() })),
  });
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

/**
 * Runs the query, and meanwhile opens its spool with the columns the prepared statement
 * declares (the staging table is ready when the rows are). Streaming costs DuckDB a few
 * ms: a small result, or one that exists only once all input is read (GROUP BY), gains
 * nothing from it and is run through.
 */
async function startQuery(
  lease: Lease,
  plan: PreparedQuery,
  run: LiveRun,
  store: ResultStore,
): Promise<{ result: DuckDBResult; spool: Spool }> {
  const whole =
    plan.grouped === true || (plan.rowBound !== undefined && plan.rowBound <= MATERIALIZE_MAX_ROWS);
  const prepared = await lease.connection.prepare(plan.sql);
  let opening: Promise<Spool> | undefined;
  try {
    const bound = values(plan.params);
    if (bound) prepared.bind(bound);
    const declared = declaredColumns(prepared);
    if (declared) {
      opening = Spool.open(store, run.id, declared);
      // A failed or interrupted query leaves no staging table behind (see catch).
      opening.catch(() => {});
    }
    const result = whole ? await prepared.run() : await prepared.stream();
    const columns = spoolColumns(result.deduplicatedColumnNames(), (i) => result.columnType(i));
    let spool = await (opening ?? Spool.open(store, run.id, columns));
    if (!sameColumns(spool.columns, columns)) {
      // Bound again when run, with other types (rare): a staging table that fits.
      await spool.drop();
      spool = await Spool.open(store, run.id, columns);
    }
    return { result, spool };
  } catch (error) {
    await opening?.then((spool) => spool.drop()).catch(() => {});
    throw error;
  } finally {
    prepared.destroySync();
  }
}

/** The columns a prepared statement declares; undefined when one's type is known only once run (a parameter's). */
function declaredColumns(prepared: DuckDBPreparedStatement): SpoolColumn[] | undefined {
  try {
    const count = prepared.columnCount;
    for (let i = 0; i < count; i++)
      if (prepared.columnTypeId(i) === DuckDBTypeId.INVALID) return undefined;
    return spoolColumns(
      uniqueNames(Array.from({ length: count }, (_, i) => prepared.columnName(i))),
      (i) => prepared.columnType(i),
    );
  } catch {
    return undefined; // the result's own columns will do
  }
}

function spoolColumns(names: string[], typeOf: (i: number) => DuckDBType): SpoolColumn[] {
  return names.map((name, i) => ({ name, type: typeOf(i) }));
}

/** Column names made unique as DuckDB's results make them (`a`, `a:1`, …). */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count > 1 ? `${name}:${count - 1}` : name;
  });
}

function sameColumns(a: readonly SpoolColumn[], b: readonly SpoolColumn[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => c.name === b[i].name && c.type.toString() === b[i].type.toString())
  );
}
