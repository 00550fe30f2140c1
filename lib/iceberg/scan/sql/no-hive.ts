/**
 * For every read that finds columns by name: DuckDB would otherwise detect Hive
 * partitioning and take column k from a `k=v` folder in the path (a table stored under
 * `/lake/k=1/t`, say) instead of from the file. Reads by field id are not affected.
 */
export const NO_HIVE = "hive_partitioning = false";
