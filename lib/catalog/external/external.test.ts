import { describe, expect, it } from "vitest";
import { icebergTypeOfDuck } from "./duck-types";
import { partitionKeysOf } from "./folder";
import { formatOfFile, validateOptions } from "./formats";
import { externalRelationSql, readerSql } from "./relation";

describe("icebergTypeOfDuck", () => {
  it.each([
    ["INTEGER", "int"],
    ["BIGINT", "long"],
    ["VARCHAR", "string"],
    ["DECIMAL(10,2)", "decimal(10, 2)"],
    ["TIMESTAMP WITH TIME ZONE", "timestamptz"],
    ["UBIGINT", "decimal(20, 0)"],
    ["INTEGER[]", "list<int>"],
    ["VARCHAR[][]", "list<list<string>>"],
    ["DOUBLE[3]", "list<double>"],
    ["MAP(VARCHAR, BIGINT)", "map<string, long>"],
    ["STRUCT(a INTEGER, b VARCHAR[])", "struct<a: int, b: list<string>>"],
    [
      'STRUCT("my, field" DECIMAL(9,2), "q""t" BOOLEAN)',
      'struct<my, field: decimal(9, 2), q"t: boolean>',
    ],
    ["STRUCT(x STRUCT(y MAP(VARCHAR, INTEGER[])))", "struct<x: struct<y: map<string, list<int>>>>"],
    ["INTERVAL", "interval"],
  ])("%s → %s", (duck, iceberg) => {
    expect(icebergTypeOfDuck(duck)).toBe(iceberg);
  });
});

describe("file formats", () => {
  it.each([
    ["part-0.parquet", "parquet"],
    ["a.csv", "csv"],
    ["a.csv.gz", "csv"],
    ["a.json", "json"],
    ["a.jsonl", "json"],
    ["_SUCCESS", null],
    [".part-0.parquet.crc", null],
    ["notes.txt", null],
  ])("%s is %s", (name, format) => {
    expect(formatOfFile(name)).toBe(format);
  });

  it("reads Hive partition keys from a file's folders", () => {
    expect(partitionKeysOf("year=2024/month=05/part-0.parquet")).toEqual(["year", "month"]);
    expect(partitionKeysOf("batch/2024/part-0.parquet")).toEqual([]);
    expect(partitionKeysOf(undefined)).toEqual([]);
  });
});

describe("reader SQL", () => {
  it("quotes the folder and renders only known options", () => {
    expect(
      readerSql({
        folder: "/lake/it's/",
        format: "csv",
        options: { delimiter: ";", header: true, skip: 2 },
      }),
    ).toBe(
      "read_csv('/lake/it''s/**/*.csv*', hive_partitioning = true, union_by_name = true, delim = ';', header = true, skip = 2)",
    );
    expect(
      externalRelationSql({
        kind: "external",
        location: "/d",
        format: "parquet",
        options: '{"hivePartitioning":false}',
      }),
    ).toBe(
      "(SELECT * FROM read_parquet('/d/**/*.parquet', hive_partitioning = false, union_by_name = true))",
    );
  });

  it("refuses what would change the SQL's meaning", () => {
    expect(() => readerSql({ folder: "/lake/[x]", format: "json", options: {} })).toThrow(
      /\* \? \[ \] \{ \}/,
    );
    expect(() => validateOptions("csv", { "delim = 'x'); --": "x" })).toThrow(
      /Unknown reader option/,
    );
    expect(() => validateOptions("csv", { quote: "ab" })).toThrow(
      'The option "quote" must be a single character.',
    );
    expect(() => validateOptions("json", { jsonFormat: "yaml" })).toThrow(
      /must be one of auto, newline_delimited, array/,
    );
    expect(() =>
      externalRelationSql({ kind: "iceberg", location: "/d", format: null, options: "{}" }),
    ).toThrow(/not an external table/);
  });
});
