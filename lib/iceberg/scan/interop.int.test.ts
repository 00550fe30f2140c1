/**
 * Fixture interop: every line of DuckDB-iceberg's expectations, run against Tarn. Each
 * `iceberg_scan(…)` is replaced by Tarn's relation for the table (testing/
 * duckdb-iceberg-translate.ts), the rest of the SQL runs in DuckDB, and the rows must be
 * those DuckDB-iceberg printed. Lines that cannot apply to Tarn are listed, with the
 * reason, in testing/interop-cases.ts (and counted by the first test).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { type DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileIO } from "../io";
import { icebergFixturesDir } from "../spec/test-fixtures";
import { translateIcebergSql } from "./testing/duckdb-iceberg-translate";
import {
  BARE_DELETION_VECTORS,
  EXCLUDED,
  type ExpectedLine,
  readExpectedLines,
  SAME_RESULT_AS,
  SOURCE_SETUP,
  TARN_ERRORS,
  WORKING_DIRS,
} from "./testing/interop-cases";
import { ordersResult, rowsMatch, runAsText, type TextResult } from "./testing/result-compare";

const fixtures = icebergFixturesDir();
const io = new LocalFileIO();
const files = ["persistent", "spark-v1-v2"] as const;
const lines = files.flatMap((file) => readExpectedLines(fixtures, file));
const results = new Map<string, TextResult>();

let instance: DuckDBInstance;
let connection: DuckDBConnection;
let currentSource: string | undefined;

beforeAll(async () => {
  instance = await DuckDBInstance.create(":memory:");
  connection = await instance.connect();
});
afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

function contextFor(line: ExpectedLine) {
  return {
    io,
    workingDir: path.join(fixtures, WORKING_DIRS[line.file]),
    allowBareDeletionVectors: BARE_DELETION_VECTORS.has(line.key),
  };
}

async function run(line: ExpectedLine, sql = line.sql): Promise<TextResult> {
  if (currentSource !== line.source) {
    currentSource = line.source;
    await connection.run("SET TimeZone = 'UTC'");
    for (const statement of SOURCE_SETUP[line.source] ?? []) {
      await connection.run(await translateIcebergSql(statement, contextFor(line)));
    }
  }
  return runAsText(connection, await translateIcebergSql(sql, contextFor(line)));
}

function expectedRows(line: ExpectedLine): string[] {
  return (line.expected ?? []).map((row) => {
    if (!row.startsWith("<FILE>:")) return row;
    const file = row.slice("<FILE>:".length).replace(/^data\/iceberg\//, "expected/spark-v1-v2/");
    return readFileSync(path.join(fixtures, file), "utf8").trim().split("\n")[1];
  });
}

describe("DuckDB-iceberg expectations", () => {
  it("lists only exclusions that name a line, each with its reason", () => {
    const keys = new Set(lines.map((l) => l.key));
    expect(Object.keys(EXCLUDED).filter((key) => !keys.has(key))).toEqual([]);
    for (const [key, reason] of Object.entries(EXCLUDED)) expect(reason.length, key).toBeGreaterThan(20);
    // A change here means a line started or stopped applying to Tarn: update the list on purpose.
    expect(Object.keys(EXCLUDED)).toHaveLength(83);
  });

  for (const line of lines) {
    const title = `${line.key} ${line.source}`;
    const excluded = EXCLUDED[line.key];
    // Excluded lines are not tests: each is listed with its reason in testing/interop-cases.ts.
    if (excluded) continue;
    if (line.kind === "error") {
      it(`${title} fails`, async () => {
        const pattern = TARN_ERRORS[line.key];
        await expect(run(line)).rejects.toThrow(pattern ?? line.error_contains ?? "");
      });
    } else {
      it(title, async () => {
        const result = await run(line);
        results.set(line.key, result);
        const leader = SAME_RESULT_AS[line.key];
        if (leader) {
          expect(result.rows).toEqual(results.get(leader)?.rows);
        } else if (line.sort === "nosort" && !line.expected?.length) {
          expect(result.rows.length).toBeGreaterThan(0); // compared by the line that follows
        } else {
          const ordered = line.sort === null && ordersResult(line.sql);
          expect(await rowsMatch(connection, result, expectedRows(line), ordered)).toBeUndefined();
        }
      });
    }
  }
});
