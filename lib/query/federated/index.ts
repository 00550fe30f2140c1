/**
 * Federated tables (PostgreSQL, MySQL/MariaDB) as relations in Tarn's SQL. DuckDB here
 * has no scanner extensions, so each reference becomes a setup step that runs one SELECT
 * on the source and streams its rows into a temp table on the statement's connection.
 *
 *   const { setup, relationSql, tablesRead } = await federatedRelation(ctx, ident, {
 *     columns: ["id", "amount"],
 *     predicates: [{ column: "placed_at", op: ">=", value: { type: "date", value: "2024-01-01" } }],
 *   });
 *   for (const step of setup) await step.run(connection, signal);
 *   await connection.rows(`SELECT sum(amount) FROM ${relationSql} o JOIN … `);
 *
 * - Only the needed columns are fetched; simple predicates go to the source as bound
 *   parameters where the source compares as DuckDB would (pushdown.ts), and are checked
 *   again in DuckDB where it might keep more rows. The relation holds exactly the rows
 *   matching every predicate.
 * - More than TARN_FEDERATED_ROW_CAP rows (default 1,000,000) fail the statement, saying
 *   so; cancelling the statement cancels the source query on its server.
 * - Reading needs `table.read` on the federated table (lib/access).
 * - The planner finds the predicates with `wherePredicates(statementTree, tableNode, {
 *   columns, exclude, param })` (where.ts): the WHERE conjuncts that may pre-filter this
 *   table (never on the nullable side of an outer join unless NULL-rejecting, never in
 *   positional/ASOF joins or under TABLESAMPLE, never on a masked or hidden column). The
 *   WHERE stays in the query as written.
 */
export type { ColumnKind } from "./column-types";
export type { ComparisonOp, PredicateOp, PredicateValue, SimplePredicate } from "./predicates";
export { type Fidelity, fidelity } from "./pushdown";
export {
  type FederatedOptions,
  type FederatedRelation,
  type FederatedRequest,
  federatedRelation,
} from "./relation";
export { DEFAULT_FEDERATED_ROW_CAP, federatedRowCap } from "./row-cap";
export type { OpenSource, SourceConnection } from "./source";
export type { SourceStatement } from "./source-sql";
export { type ParamLookup, type WhereOptions, wherePredicates } from "./where";
