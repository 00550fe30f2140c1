/**
 * The connection a setup step or a command works with. Rows come back JSON-safe
 * (BIGINT and DECIMAL as strings, dates as ISO-like text), as everywhere in Tarn.
 */
import type { DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { EngineConnection, ParamValue } from "../types";

export function engineConnection(duck: DuckDBConnection): EngineConnection {
  return {
    duck,
    run: async (sql, params) => {
      await duck.run(sql, values(params));
    },
    rows: async (sql, params) => (await duck.runAndReadAll(sql, values(params))).getRowObjectsJson() as Record<string, unknown>[],
  };
}

export function values(params: ParamValue[] | undefined): DuckDBValue[] | undefined {
  return params && params.length > 0 ? params : undefined;
}
