/**
 * Nested columns are mapped by field id too: a struct field renamed after the file was
 * written, a field added with an initial default, promoted element and value types, and
 * NULL structs staying NULL.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Schema } from "../spec";
import { loadTable } from "./load-table";
import { planTableScan } from "./plan-scan";
import { scanToSql } from "./sql/scan-sql";
import { duckDBPerFile, io } from "./testing/engine";
import { parquetFile, writeSyntheticTable } from "./testing/synthetic-table";

const duck = duckDBPerFile();
let root: string;
let metadataLocation: string;

/** The table as it is now: every name differs from the file's, types widened, one field added. */
const schema: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    {
      id: 1,
      name: "record",
      required: false,
      type: {
        type: "struct",
        fields: [
          { id: 2, name: "renamed", required: false, type: "long" },
          { id: 3, name: "keep", required: false, type: "string" },
          { id: 9, name: "added", required: false, type: "int", initialDefault: 7 },
        ],
      },
    },
    {
      id: 4,
      name: "numbers",
      required: false,
      type: { type: "list", elementId: 5, element: "long", elementRequired: false },
    },
    {
      id: 6,
      name: "tags",
      required: false,
      type: {
        type: "map",
        keyId: 7,
        key: "string",
        valueId: 8,
        value: "long",
        valueRequired: false,
      },
    },
  ],
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "tarn-nested-"));
  const file = path.join(root, "t", "data", "a.parquet");
  await mkdir(path.dirname(file), { recursive: true });
  await duck.connection().run(
    `COPY (SELECT * FROM (VALUES
        ({'old': 1::INT, 'keep': 'x'}, [1, 2]::INT[], MAP {'a': 1::INT}),
        (NULL, NULL, NULL)) t(s, l, m))
     TO '${file}' (FORMAT PARQUET, FIELD_IDS {
       s: {__duckdb_field_id: 1, old: 2, keep: 3},
       l: {__duckdb_field_id: 4, element: 5},
       m: {__duckdb_field_id: 6, key: 7, value: 8}})`,
  );
  metadataLocation = await writeSyntheticTable(path.join(root, "t"), schema, [
    { data: [parquetFile(file, "data", 2)] },
  ]);
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe("nested columns", () => {
  it("are read by field id under the table's names and types", async () => {
    const plan = await planTableScan(await loadTable(io, metadataLocation));
    const reader = await duck
      .connection()
      .runAndReadAll(
        `SELECT record::VARCHAR, numbers::VARCHAR, tags::VARCHAR, typeof(record), typeof(numbers), typeof(tags) FROM ${scanToSql(plan)} t ORDER BY 1 NULLS LAST`,
      );
    expect(reader.getRowsJS()).toEqual([
      [
        "{'renamed': 1, 'keep': x, 'added': 7}",
        "[1, 2]",
        "{a=1}",
        "STRUCT(renamed BIGINT, keep VARCHAR, added INTEGER)",
        "BIGINT[]",
        "MAP(VARCHAR, BIGINT)",
      ],
      [
        null,
        null,
        null,
        "STRUCT(renamed BIGINT, keep VARCHAR, added INTEGER)",
        "BIGINT[]",
        "MAP(VARCHAR, BIGINT)",
      ],
    ]);
  });
});
