/**
 * The setup step of a federated table reference: run the one SELECT on the source,
 * append its rows as text into a staging table on the statement's DuckDB connection,
 * then make the relation's temp table from it — values cast by DuckDB, the predicates the
 * source did not apply exactly applied again. The staging table is dropped at once; the
 * relation's table lives as long as the statement's connection (the pool gives each
 * statement a fresh one).
 */
import type { DuckDBAppender } from "@duckdb/node-api";
import { connectionProblem, type FederatedConnection } from "@/lib/catalog/federated";
import { AppError } from "@/lib/errors";
import { quoteIdent } from "@/lib/iceberg/duckdb";
import type { EngineConnection, SetupStep } from "../types";
import { type ColumnType, encodeValue } from "./column-types";
import type { DuckFilter } from "./duck-filter";
import { rowCapExceeded } from "./row-cap";
import type { OpenSource, SourceConnection } from "./source";
import type { SourceStatement } from "./source-sql";

export interface FetchedColumn {
  name: string;
  type: ColumnType;
}

export interface FetchPlan {
  /** "shop.public.orders", for messages. */
  table: string;
  connection: FederatedConnection;
  statement: SourceStatement;
  /** What the source returns, in order. */
  fetched: FetchedColumn[];
  /** The relation's columns (a subset of `fetched`). */
  output: string[];
  filter: DuckFilter;
  limit?: number;
  cap: number;
  /** The relation's temp table; the staging table is `${tempTable}_raw`. */
  tempTable: string;
  openSource: OpenSource;
}

export function fetchStep(plan: FetchPlan): SetupStep {
  return {
    describe: `read ${plan.table} from its source database`,
    run: (connection, signal) => fetchRows(plan, connection, signal),
  };
}

async function fetchRows(
  plan: FetchPlan,
  engine: EngineConnection,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) throw cancelled(signal);
  const staging = quoteIdent(`${plan.tempTable}_raw`);
  await engine.run(`CREATE TEMP TABLE ${staging} (${stagingColumns(plan)})`);
  try {
    const appender = await engine.duck.createAppender(`${plan.tempTable}_raw`, "main", "temp");
    const count = await streamInto(plan, appender, signal);
    if (count > plan.cap) throw rowCapExceeded(plan.table, plan.cap);
    await engine.run(relationTableSql(plan, staging), plan.filter.params);
  } finally {
    await engine.run(`DROP TABLE IF EXISTS temp.main.${staging}`);
  }
}

/** One VARCHAR column per fetched column (or one for the constant a zero-column SELECT returns). */
function stagingColumns(plan: FetchPlan): string {
  if (plan.fetched.length === 0) return `${quoteIdent("__tarn_row")} VARCHAR`;
  return plan.fetched.map((c) => `${quoteIdent(c.name)} VARCHAR`).join(", ");
}

function relationTableSql(plan: FetchPlan, staging: string): string {
  const typed = plan.fetched.map(
    (c) => `${c.type.fromText(quoteIdent(c.name))} AS ${quoteIdent(c.name)}`,
  );
  const output = plan.output.length
    ? plan.output.map(quoteIdent).join(", ")
    : `NULL AS ${quoteIdent("__tarn_row")}`;
  const limit = plan.limit === undefined ? "" : ` LIMIT ${plan.limit}`;
  return `CREATE TEMP TABLE ${quoteIdent(plan.tempTable)} AS SELECT ${output} FROM (SELECT ${typed.join(", ") || "1"} FROM temp.main.${staging}) ${plan.filter.where}${limit}`;
}

/** Appends the source's rows; returns how many came (cap + 1 at most: the source's LIMIT). */
async function streamInto(
  plan: FetchPlan,
  appender: DuckDBAppender,
  signal: AbortSignal,
): Promise<number> {
  let source: SourceConnection | undefined;
  let count = 0;
  let failure: unknown;
  // Called from the driver's socket handler: an exception must not escape into it.
  const append = (values: unknown[]) => {
    count += 1;
    if (count > plan.cap || failure !== undefined) return;
    try {
      for (const [i, value] of values.entries()) appendText(appender, stagedText(plan, i, encodeValue(value)));
      appender.endRow();
    } catch (error) {
      failure = error;
      void source?.cancel().catch(() => {});
    }
  };
  const onAbort = () => void source?.cancel().catch(() => {});
  signal.addEventListener("abort", onAbort);
  try {
    source = await plan.openSource(plan.connection);
    if (signal.aborted) throw cancelled(signal);
    await source.stream(plan.statement, append).catch((error: unknown) => {
      throw failure ?? error;
    });
    if (failure !== undefined) throw failure;
    appender.flushSync();
    return count;
  } catch (error) {
    if (signal.aborted) throw cancelled(signal);
    // A failure of our own appending is not the source's: it stays what it is.
    throw error === failure ? error : sourceError(plan, error);
  } finally {
    signal.removeEventListener("abort", onAbort);
    closeQuietly(appender);
    await source?.close();
  }
}

/** The text as its column's type stages it (column-types.ts `stage`); a value it cannot take is refused by column. */
function stagedText(plan: FetchPlan, index: number, text: string | null): string | null {
  const column = plan.fetched[index];
  if (text === null || !column?.type.stage) return text;
  try {
    return column.type.stage(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("bad_request", `Reading ${plan.table}: column ${column.name} holds ${reason}. Leave the column out of the query.`);
  }
}

function appendText(appender: DuckDBAppender, text: string | null): void {
  if (text === null) appender.appendNull();
  else appender.appendVarchar(text);
}

function closeQuietly(appender: DuckDBAppender): void {
  try {
    appender.closeSync();
  } catch {
    // Closing flushes; after a failed stream there is nothing worth keeping.
  }
}

function cancelled(signal: AbortSignal): AppError {
  if (signal.reason instanceof AppError) return signal.reason;
  return new AppError("bad_request", "The query was cancelled.");
}

/** The driver's error in words a person can act on; "unavailable" when the server cannot be used at all. */
function sourceError(plan: FetchPlan, error: unknown): unknown {
  if (error instanceof AppError) return error;
  const problem = connectionProblem(plan.connection, error);
  const code = problem.reason === "other" ? "bad_request" : "unavailable";
  return new AppError(code, `Reading ${plan.table}: ${problem.message}`, {
    internal: problem.internal,
    cause: error,
  });
}
