/**
 * The Thrift footer reader against DuckDB's own `parquet_schema()`: every Parquet file of
 * the fixtures gives the same column names and field ids, in the same order.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { icebergFixturesDir } from "../../spec/test-fixtures";
import { duckDBPerFile, io } from "../testing/engine";
import { readParquetSchema } from "./footer";
import type { ParquetField } from "./schema";

const duck = duckDBPerFile();

function parquetFiles(): string[] {
  const root = path.join(icebergFixturesDir(), "tables");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((name) => name.endsWith(".parquet"))
    .map((name) => path.join(root, name))
    .sort();
}

function flatten(fields: ParquetField[]): string[] {
  return fields.flatMap((f) => [`${f.name}:${f.fieldId ?? "-"}`, ...flatten(f.children)]);
}

describe("readParquetSchema", () => {
  it("agrees with DuckDB's parquet_schema on every fixture file", async () => {
    const files = parquetFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const ours = flatten(await readParquetSchema(io, file));
      const reader = await duck
        .connection()
        .runAndReadAll(
          `SELECT name || ':' || coalesce(field_id::VARCHAR, '-') FROM parquet_schema('${file.replaceAll("'", "''")}')`,
        );
      const theirs = reader.getRowsJS().map((row) => String(row[0]));
      expect({ file, columns: ours }).toEqual({ file, columns: theirs.slice(1) });
    }
  });

  it("refuses a file that is not Parquet", async () => {
    const notParquet = path.join(
      icebergFixturesDir(),
      "tables/spark-v1-v2/data/bad_data/bad_iceberg_metadata.json",
    );
    await expect(readParquetSchema(io, notParquet)).rejects.toThrow(/Parquet magic/);
  });
});
