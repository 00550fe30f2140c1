/**
 * `lib/iceberg/duckdb` — what reading and writing Iceberg through DuckDB share: Iceberg
 * types as DuckDB types, and the quoting every generated identifier and literal goes
 * through.
 *
 *   `SELECT ${quoteIdent(column)} FROM read_parquet(${quoteString(path)})`
 *   `CAST(x AS ${duckType("decimal(9, 2)")})`
 */
export { quoteIdent, quotePath, quoteString, stringList } from "./quote";
export { duckType } from "./types";
