/**
 * Running SQL for people: a bounded pool of sandboxed DuckDB instances with a queue, time
 * and memory limits, cancel, results streamed into a spool and kept as Parquet (paged,
 * sorted, filtered, exported), and the QueryRun history.
 *
 *   const { runs, done } = await runStatements(ctx, "USE lake.db; SELECT * FROM orders");
 *   const state = await getRun({ db, actor }, queryEngine(), runs[1].id, { since: 0 });
 *   const page = await readRows({ db, actor }, queryEngine(), runs[1].id, { offset: 0, limit: 100 });
 */
export { cancelRun } from "./cancel";
export { closeQueryEngine, QueryEngine, queryEngine, useQueryEngine } from "./engine";
export { type SweepOutcome, sweepResults } from "./expire";
export { type HistoryPage, type HistoryQuery, listRuns, MAX_HISTORY_PAGE } from "./history";
export { type ExecOptions, readExecOptions } from "./options";
export { defaultPlanner, type Planner } from "./planner";
export { EXPORT_FORMATS, type ExportFormat, exportResult, type ResultExport } from "./result-export";
export { type FilterModel, filterModelSchema, parseSort, type SortKey } from "./result-filter";
export { MAX_PAGE_ROWS, type PageRequest, type RowsPage, readRows } from "./result-pages";
export { NO_SUCH_RUN, type RunReader } from "./run-access";
export { untilAnswered } from "./run-end";
export { type BatchOutcome, MAX_STATEMENTS, type RunBatch, type RunOptions, runStatements, type StatementRun } from "./run-batch";
export type { QueryError, ResultColumn, RunStatus, RunStatusName } from "./run-types";
export { getRun, MAX_WAIT_MS, type ViewOptions } from "./run-view";
