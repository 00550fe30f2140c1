/**
 * `lib/query` — Tarn's SQL: DuckDB under Tarn's rules. See types.ts for how the parts meet:
 * plan/ (queries: names, secured relations, refusals), commands/ (DDL and DML as Iceberg
 * commits), exec/ (the sandboxed pool, limits, results, history), federated/ (PostgreSQL and
 * MySQL tables as relations). planner.ts composes plan/ and commands/ for exec/.
 */
export { tarnPlanner } from "./planner";
export type * from "./types";
