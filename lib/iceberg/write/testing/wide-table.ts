/** A schema with every type the writer handles, and rows for it. Test support only. */
import type { Schema } from "../../spec/types";

export const WIDE_SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: true, type: "long" },
    { id: 2, name: "name", required: false, type: "string" },
    { id: 3, name: "price", required: false, type: "decimal(9, 2)" },
    { id: 4, name: "ts", required: false, type: "timestamptz" },
    { id: 5, name: "day", required: false, type: "date" },
    { id: 6, name: "at", required: false, type: "time" },
    { id: 7, name: "u", required: false, type: "uuid" },
    { id: 8, name: "f", required: false, type: "float" },
    { id: 9, name: "d", required: false, type: "double" },
    { id: 10, name: "b", required: false, type: "binary" },
    { id: 11, name: "fx", required: false, type: "fixed[4]" },
    { id: 12, name: "flag", required: false, type: "boolean" },
    { id: 13, name: "local", required: false, type: "timestamp" },
    { id: 15, name: "big", required: false, type: "decimal(38, 10)" },
    {
      id: 16,
      name: "s",
      required: false,
      type: {
        type: "struct",
        fields: [
          { id: 17, name: "a", required: true, type: "int" },
          { id: 18, name: "b", required: false, type: "string" },
        ],
      },
    },
    {
      id: 19,
      name: "tags",
      required: false,
      type: { type: "list", elementId: 20, element: "long", elementRequired: false },
    },
    {
      id: 21,
      name: "attrs",
      required: false,
      type: {
        type: "map",
        keyId: 22,
        key: "string",
        valueId: 23,
        value: "int",
        valueRequired: false,
      },
    },
    { id: 24, name: "note", required: false, type: "string" },
  ],
};

/** `n` rows with nulls, NaNs, ±0, long and non-ASCII strings, empty and null lists. */
export function wideRowsSql(n: number, offset = 0): string {
  return `SELECT
    range AS id,
    CASE WHEN range % 7 = 0 THEN NULL ELSE 'name-' || range END AS name,
    CAST(range * 1.25 - 100 AS DECIMAL(9, 2)) AS price,
    TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_minutes(range * 37) AS ts,
    CAST(DATE '2023-12-25' + CAST(range % 40 AS INTEGER) AS DATE) AS day,
    CAST(TIME '00:00:00' + to_seconds((range * 13) % 86400) AS TIME) AS at,
    CASE WHEN range % 5 = 0 THEN NULL ELSE CAST(md5(CAST(range AS VARCHAR))[1:8] || '-1234-4abc-8def-' || md5(CAST(range AS VARCHAR))[1:12] AS UUID) END AS u,
    CASE WHEN range % 11 = 0 THEN CAST('NaN' AS FLOAT) ELSE CAST((range - 50) / 4.0 AS FLOAT) END AS f,
    CASE WHEN range % 13 = 0 THEN CAST('NaN' AS DOUBLE) WHEN range % 17 = 0 THEN CAST('-0.0' AS DOUBLE) ELSE sqrt(range) END AS d,
    CASE WHEN range % 3 = 0 THEN NULL ELSE unhex(md5(CAST(range AS VARCHAR))) END AS b,
    unhex(lpad(printf('%x', range), 8, '0')) AS fx,
    range % 2 = 0 AS flag,
    TIMESTAMP '1969-12-31 23:00:00' + to_minutes(range) AS local,
    CAST(range / 7 AS DECIMAL(38, 10)) AS big,
    CASE WHEN range % 9 = 0 THEN NULL ELSE {'a': CAST(range AS INTEGER), 'b': CASE WHEN range % 4 = 0 THEN NULL ELSE 'b' || range END} END AS s,
    CASE WHEN range % 6 = 0 THEN NULL WHEN range % 6 = 1 THEN [] ELSE [range, NULL, range * 2] END AS tags,
    CASE WHEN range % 8 = 0 THEN NULL ELSE MAP {'k' || (range % 3): CAST(range AS INTEGER)} END AS attrs,
    repeat(CASE WHEN range % 2 = 0 THEN 'ü' ELSE '😀' END, 10) || range AS note
  FROM range(${offset}, ${offset + n})`;
}
