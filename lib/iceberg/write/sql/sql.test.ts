/** SQL text the writer splices together: quoting, types, FIELD_IDS, literals. */
import { describe, expect, it } from "vitest";
import type { Schema } from "../../spec/types";
import { duckdbType } from "./duckdb-type";
import { fieldIdsOption } from "./field-ids";
import { sqlLiteral } from "./literal";
import { quoteIdent, quotePath, quoteString } from "../../duckdb/quote";

describe("quoting", () => {
  it.each([
    ["id", '"id"'],
    ['we"ird', '"we""ird"'],
    ["with space", '"with space"'],
  ])("identifier %s", (name, quoted) => expect(quoteIdent(name)).toBe(quoted));

  it.each([
    ["/tmp/t/data", "'/tmp/t/data'"],
    ["it's", "'it''s'"],
    ["back\\slash", "'back\\slash'"],
  ])("string %s", (text, quoted) => expect(quoteString(text)).toBe(quoted));

  it("a struct path", () => expect(quotePath(["a", "b c"])).toBe('"a"."b c"'));
  it("refuses NUL", () => expect(() => quoteString("a\u0000b")).toThrow(/NUL/));
});

describe("Iceberg types in DuckDB", () => {
  it.each([
    ["boolean", "BOOLEAN"],
    ["int", "INTEGER"],
    ["long", "BIGINT"],
    ["decimal(9, 2)", "DECIMAL(9, 2)"],
    ["timestamptz", "TIMESTAMPTZ"],
    ["uuid", "UUID"],
    ["fixed[16]", "BLOB"],
  ])("%s → %s", (type, duck) => expect(duckdbType(type)).toBe(duck));

  it("nested types", () => {
    expect(
      duckdbType({
        type: "struct",
        fields: [
          {
            id: 1,
            name: "a b",
            required: true,
            type: { type: "list", elementId: 2, element: "int", elementRequired: false },
          },
          {
            id: 3,
            name: "m",
            required: false,
            type: {
              type: "map",
              keyId: 4,
              key: "string",
              valueId: 5,
              value: "date",
              valueRequired: false,
            },
          },
        ],
      }),
    ).toBe('STRUCT("a b" INTEGER[], "m" MAP(VARCHAR, DATE))');
  });

  it("refuses what DuckDB cannot hold", () => {
    expect(() => duckdbType("timestamptz_ns")).toThrow(/cannot be written/);
  });
});

describe("FIELD_IDS", () => {
  it("names every nested id", () => {
    const schema: Schema = {
      type: "struct",
      schemaId: 0,
      fields: [
        { id: 1, name: "id", required: true, type: "long" },
        {
          id: 2,
          name: "s",
          required: false,
          type: { type: "struct", fields: [{ id: 3, name: "x", required: false, type: "int" }] },
        },
        {
          id: 4,
          name: "l",
          required: false,
          type: { type: "list", elementId: 5, element: "int", elementRequired: false },
        },
        {
          id: 6,
          name: "m",
          required: false,
          type: {
            type: "map",
            keyId: 7,
            key: "string",
            valueId: 8,
            value: "int",
            valueRequired: false,
          },
        },
      ],
    };
    expect(fieldIdsOption(schema.fields)).toBe(
      '{"id": 1, "s": {__duckdb_field_id: 2, "x": 3}, "l": {__duckdb_field_id: 4, element: 5}, "m": {__duckdb_field_id: 6, key: 7, value: 8}}',
    );
  });
});

describe("literals", () => {
  it.each([
    ["long", 5n, "CAST(5 AS BIGINT)"],
    ["string", "it's", "CAST('it''s' AS VARCHAR)"],
    ["decimal(9, 2)", 1420n, "CAST('14.20' AS DECIMAL(9, 2))"],
    ["double", Number.NaN, "CAST('NaN' AS DOUBLE)"],
    ["float", -0, "CAST('-0.0' AS FLOAT)"],
    ["date", -1, "CAST(DATE '1970-01-01' + CAST(-1 AS INTEGER) AS DATE)"],
    ["binary", Uint8Array.of(1, 255), "unhex('01ff')"],
  ])("%s %s", (type, value, sql) => expect(sqlLiteral(type, value)).toBe(sql));
});
