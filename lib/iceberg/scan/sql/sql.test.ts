import { describe, expect, it } from "vitest";
import type { NestedField } from "../../spec";
import { duckType } from "../../duckdb/types";
import { defaultLiteral, sqlLiteral } from "./literals";
import { internalPrefix, uniqueColumnNames } from "./names";
import { quoteIdent, quoteString, stringList } from "../../duckdb/quote";

describe("quoting", () => {
  it("doubles quotes so text cannot leave its literal", () => {
    expect(quoteString("/lake/o'brien/x.parquet")).toBe("'/lake/o''brien/x.parquet'");
    expect(quoteString("x'); DROP TABLE t; --")).toBe("'x''); DROP TABLE t; --'");
    expect(quoteIdent('we"ird')).toBe('"we""ird"');
    expect(stringList(["a", "b'c"])).toBe("['a', 'b''c']");
  });

  it("refuses NUL characters", () => {
    expect(() => quoteString("a\u0000b")).toThrow(/NUL/);
  });
});

describe("duckType", () => {
  it.each([
    ["boolean", "BOOLEAN"],
    ["int", "INTEGER"],
    ["long", "BIGINT"],
    ["float", "FLOAT"],
    ["double", "DOUBLE"],
    ["decimal(38, 10)", "DECIMAL(38, 10)"],
    ["date", "DATE"],
    ["time", "TIME"],
    ["timestamp", "TIMESTAMP"],
    ["timestamptz", "TIMESTAMPTZ"],
    ["timestamp_ns", "TIMESTAMP_NS"],
    ["timestamptz_ns", "TIMESTAMPTZ"],
    ["string", "VARCHAR"],
    ["uuid", "UUID"],
    ["fixed[16]", "BLOB"],
    ["binary", "BLOB"],
  ])("%s → %s", (iceberg, duck) => {
    expect(duckType(iceberg)).toBe(duck);
  });

  it("maps nested types with quoted field names", () => {
    expect(
      duckType({
        type: "struct",
        fields: [
          {
            id: 1,
            name: 'a"b',
            required: false,
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
              value: "double",
              valueRequired: false,
            },
          },
        ],
      }),
    ).toBe('STRUCT("a""b" INTEGER[], "m" MAP(VARCHAR, DOUBLE))');
  });
});

describe("literals", () => {
  it.each([
    ["int", 42, "CAST(42 AS INTEGER)"],
    ["long", -9223372036854775808n, "CAST(-9223372036854775808 AS BIGINT)"],
    ["float", 1.2300000190734863, "CAST(1.23 AS FLOAT)"],
    ["double", Number.NaN, "CAST('NaN' AS DOUBLE)"],
    ["decimal(9, 2)", 1420n, "CAST('14.20' AS DECIMAL(9, 2))"],
    ["date", -1, "CAST(DATE '1970-01-01' + -1 AS DATE)"],
    [
      "timestamptz",
      1_512_151_975_038_194n,
      "CAST('2017-12-01T18:12:55.038194+00:00' AS TIMESTAMPTZ)",
    ],
    ["string", "o'brien", "CAST('o''brien' AS VARCHAR)"],
    ["binary", new Uint8Array([0x80, 0]), "CAST(from_hex('8000') AS BLOB)"],
    ["boolean", null, "CAST(NULL AS BOOLEAN)"],
  ])("%s %s", (type, value, sql) => {
    expect(sqlLiteral(type, value)).toBe(sql);
  });

  it("reads an initial default from its JSON form", () => {
    const field: NestedField = {
      id: 1,
      name: "d",
      required: false,
      type: "date",
      initialDefault: "2003-10-20",
    };
    expect(defaultLiteral(field)).toBe("CAST(DATE '1970-01-01' + 12345 AS DATE)");
    expect(defaultLiteral({ ...field, initialDefault: undefined })).toBe("CAST(NULL AS DATE)");
  });
});

describe("column names", () => {
  it("deduplicates ignoring case, as DuckDB compares identifiers", () => {
    expect(uniqueColumnNames(["user_id", "uSeR_Id", "USER_ID", "user_id_1"])).toEqual([
      "user_id",
      "uSeR_Id_1",
      "USER_ID_2",
      "user_id_1_1",
    ]);
  });

  it("picks an internal prefix no column uses", () => {
    expect(internalPrefix(["a"])).toBe("__tarn_");
    expect(internalPrefix(["__TARN_x"])).toBe("__tarn1_");
  });
});
