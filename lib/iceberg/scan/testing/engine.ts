/**
 * Test support: one DuckDB instance per test file, with a pinned time zone, and a
 * loader that plans a fixture table and returns its relation SQL.
 */
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll } from "vitest";
import { LocalFileIO } from "../../io";
import { icebergFixturesDir } from "../../spec/test-fixtures";
import { openTable } from "../load-table";
import { type PlanScanInput, planTableScan } from "../plan-scan";
import { scanToSql } from "../sql/scan-sql";
import type { ScanPlan } from "../types";

export const io = new LocalFileIO();

/** A fixture table folder: `persistent/<name>` or `spark/<1|2>`. */
export function fixtureTable(name: string): string {
  const fixtures = icebergFixturesDir();
  const spark = /^spark\/(\d)$/.exec(name);
  if (spark) {
    return path.join(
      fixtures,
      `tables/spark-v1-v2/data/iceberg/generated_spec${spark[1]}_0_001/pyspark_iceberg_table`,
    );
  }
  return path.join(fixtures, "tables/persistent/data/persistent", name);
}

export async function planFixture(
  name: string,
  options: Omit<PlanScanInput, "io" | "metadata" | "resolver"> = {},
): Promise<{ plan: ScanPlan; sql: string }> {
  const plan = await planTableScan(await openTable(io, fixtureTable(name)), options);
  return { plan, sql: scanToSql(plan) };
}

/** Opens DuckDB before the file's tests and closes it after; call at the top level. */
export function duckDBPerFile(): { connection: () => DuckDBConnection } {
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(":memory:");
    connection = await instance.connect();
    await connection.run("SET TimeZone = 'UTC'");
  });
  afterAll(() => {
    connection?.closeSync();
    instance?.closeSync();
  });
  return {
    connection: () => {
      if (!connection) throw new Error("DuckDB is not open yet");
      return connection;
    },
  };
}

/** The single value of a one-row, one-column query, as a JS value. */
export async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowsJS()[0]?.[0];
}
