import { describe, expect, it } from "vitest";
import type { FederatedType } from "@/lib/catalog/federated";
import { columnType, encodeValue } from "./column-types";
import { checkValue, type PredicateValue } from "./predicates";
import { DEFAULT_FEDERATED_ROW_CAP, federatedRowCap, rowCapExceeded } from "./row-cap";

/** [source, native type as discovery reports it, DuckDB type, compare kind]. */
const TYPES: [FederatedType, string, string, string][] = [
  ["postgresql", "smallint", "SMALLINT", "integer"],
  ["postgresql", "bigint", "BIGINT", "integer"],
  ["postgresql", "numeric(12,2)", "DECIMAL(12, 2)", "decimal"],
  ["postgresql", "numeric(38,0)", "DECIMAL(38, 0)", "decimal"],
  ["postgresql", "numeric(39,2)", "DOUBLE", "decimal"],
  ["postgresql", "numeric", "DOUBLE", "decimal"],
  ["postgresql", "real", "FLOAT", "real"],
  ["postgresql", "double precision", "DOUBLE", "float"],
  ["postgresql", "timestamp(3) with time zone", "TIMESTAMPTZ", "timestamptz"],
  ["postgresql", "timestamp without time zone", "TIMESTAMP", "timestamp"],
  ["postgresql", "time(0) without time zone", "TIME", "other"],
  ["postgresql", "character varying(80)", "VARCHAR", "text"],
  ["postgresql", "character(4)", "VARCHAR", "bpchar"],
  ["postgresql", "uuid", "UUID", "uuid"],
  ["postgresql", "jsonb", "JSON", "other"],
  ["postgresql", "bytea", "BLOB", "other"],
  ["postgresql", "text[]", "VARCHAR[]", "other"],
  ["postgresql", "numeric(5,2)[]", "DECIMAL(5, 2)[]", "other"],
  ["postgresql", "timestamp with time zone[]", "TIMESTAMPTZ[]", "other"],
  ["postgresql", "shop.mood", "VARCHAR", "other"],
  ["postgresql", "interval", "INTERVAL", "other"],
  ["postgresql", "interval day to second(3)", "INTERVAL", "other"],
  ["mysql", "tinyint(1)", "BOOLEAN", "other"],
  ["mysql", "tinyint(4)", "TINYINT", "integer"],
  ["mysql", "int(10) unsigned", "UINTEGER", "integer"],
  ["mysql", "bigint(20) unsigned", "UBIGINT", "integer"],
  ["mysql", "decimal(10,2)", "DECIMAL(10, 2)", "decimal"],
  ["mysql", "decimal(65,30)", "DOUBLE", "decimal"],
  ["mysql", "decimal", "DECIMAL(10, 0)", "decimal"],
  ["mysql", "float", "FLOAT", "real"],
  ["mysql", "double unsigned", "DOUBLE", "float"],
  ["mysql", "datetime(6)", "TIMESTAMP", "timestamp"],
  ["mysql", "timestamp(3)", "TIMESTAMPTZ", "timestamptz"],
  ["mysql", "date", "DATE", "date"],
  ["mysql", "year(4)", "SMALLINT", "integer"],
  ["mysql", "varchar(80)", "VARCHAR", "text"],
  ["mysql", "enum('a','b')", "VARCHAR", "other"],
  ["mysql", "json", "JSON", "other"],
  ["mysql", "uuid", "UUID", "uuid"],
  ["mysql", "bit(1)", "BOOLEAN", "other"],
  ["mysql", "bit(12)", "UBIGINT", "other"],
  ["mysql", "varbinary(16)", "BLOB", "other"],
];

describe("column types", () => {
  it.each(TYPES)("%s %s → %s (%s)", (type, native, duckType, kind) => {
    const column = columnType(type, native);
    expect(column.duckType).toBe(duckType);
    expect(column.kind).toBe(kind);
  });

  it("read MySQL values DuckDB cannot hold (zero dates, TIME past 24 h) as NULL, and say so", () => {
    for (const native of ["date", "datetime", "timestamp", "time"]) {
      const column = columnType("mysql", native);
      expect(column.lossy).toBe(true);
      expect(column.fromText("x")).toContain("TRY_CAST");
    }
    expect(columnType("postgresql", "date").lossy).toBeUndefined();
  });

  it.each([
    [null, null],
    [undefined, null],
    ["text", "text"],
    [12, "12"],
    [12345678901234567890n, "12345678901234567890"],
    [new Uint8Array([0, 255]), "00ff"],
    [Buffer.from("a"), "61"],
    [new Date("2024-01-02T03:04:05.678Z"), "2024-01-02T03:04:05.678Z"],
    [{ a: [1] }, '{"a":[1]}'],
  ])("encodes %s for staging as %s", (value, text) => {
    expect(encodeValue(value)).toBe(text);
  });
});

describe("literals", () => {
  it.each<[PredicateValue, string | null]>([
    [{ type: "decimal", value: "-12.50" }, null],
    [{ type: "decimal", value: ".5" }, null],
    [{ type: "decimal", value: "1e5" }, '"1e5" is not a decimal literal.'],
    [{ type: "date", value: "2024-06-01" }, null],
    [{ type: "date", value: "June 1" }, '"June 1" is not a date literal.'],
    [{ type: "timestamp", value: "2024-06-01T12:00:00.123456" }, null],
    [
      { type: "timestamp", value: "2024-06-01 12:00:00+02" },
      '"2024-06-01 12:00:00+02" is not a timestamp literal.',
    ],
    [{ type: "timestamptz", value: "2024-06-01 12:00:00Z" }, null],
    [
      { type: "timestamptz", value: "2024-06-01 12:00:00" },
      '"2024-06-01 12:00:00" is not a timestamptz literal.',
    ],
    [
      { type: "double", value: Number.NaN },
      "A federated filter cannot compare with NaN or infinity.",
    ],
    [
      { type: "double", value: Number.POSITIVE_INFINITY },
      "A federated filter cannot compare with NaN or infinity.",
    ],
    [{ type: "string", value: "anything ' goes" }, null],
  ])("%j", (value, message) => {
    if (message === null) expect(() => checkValue(value)).not.toThrow();
    else expect(() => checkValue(value)).toThrow(message);
  });
});

describe("the row cap", () => {
  it("defaults to a million rows and comes from TARN_FEDERATED_ROW_CAP", () => {
    expect(federatedRowCap({})).toBe(DEFAULT_FEDERATED_ROW_CAP);
    expect(federatedRowCap({ TARN_FEDERATED_ROW_CAP: " " })).toBe(1_000_000);
    expect(federatedRowCap({ TARN_FEDERATED_ROW_CAP: "250" })).toBe(250);
  });

  it.each(["0", "-5", "1.5", "lots"])("refuses TARN_FEDERATED_ROW_CAP=%s", (raw) => {
    expect(() => federatedRowCap({ TARN_FEDERATED_ROW_CAP: raw })).toThrow(
      `TARN_FEDERATED_ROW_CAP must be a positive whole number, not "${raw}".`,
    );
  });

  it("says which table, how many rows and what to do", () => {
    expect(rowCapExceeded("pg.shop.orders", 1_000_000)).toMatchObject({
      code: "bad_request",
      message:
        "pg.shop.orders returned more than 1,000,000 rows; add a filter. A federated table brings at most 1,000,000 rows into a query; an admin can raise that limit.",
    });
  });
});
