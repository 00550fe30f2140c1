import { describe, expect, it } from "vitest";
import { mysqlTypeToIceberg, postgresTypeToIceberg } from "./type-mapping";

describe("PostgreSQL types", () => {
  it.each([
    ["integer", "int"],
    ["smallint", "int"],
    ["bigint", "long"],
    ["real", "float"],
    ["double precision", "double"],
    ["numeric(12,2)", "decimal(12, 2)"],
    ["numeric", "decimal"],
    ["boolean", "boolean"],
    ["text", "string"],
    ["character varying(40)", "string"],
    ["character(2)", "string"],
    ["uuid", "uuid"],
    ["bytea", "binary"],
    ["date", "date"],
    ["time without time zone", "time"],
    ["timestamp without time zone", "timestamp"],
    ["timestamp(3) with time zone", "timestamptz"],
    ["jsonb", "string"],
    ["integer[]", "list<int>"],
    ["text[][]", "list<list<string>>"],
    ["mood", "string"],
  ])("%s → %s", (native, iceberg) => {
    expect(postgresTypeToIceberg(native)).toBe(iceberg);
  });
});

describe("MySQL/MariaDB types", () => {
  it.each([
    ["int(11)", "int"],
    ["int", "int"],
    ["int(10) unsigned", "long"],
    ["tinyint(1)", "boolean"],
    ["tinyint(4)", "int"],
    ["bigint(20)", "long"],
    ["bigint(20) unsigned", "decimal(20, 0)"],
    ["mediumint(8) unsigned", "int"],
    ["decimal(10,2)", "decimal(10, 2)"],
    ["float", "float"],
    ["double", "double"],
    ["varchar(255)", "string"],
    ["longtext", "string"],
    ["enum('a','b')", "string"],
    ["json", "string"],
    ["date", "date"],
    ["datetime(6)", "timestamp"],
    ["timestamp", "timestamptz"],
    ["year(4)", "int"],
    ["bit(1)", "boolean"],
    ["bit(8)", "long"],
    ["varbinary(16)", "binary"],
    ["geometry", "string"],
  ])("%s → %s", (native, iceberg) => {
    expect(mysqlTypeToIceberg(native)).toBe(iceberg);
  });
});
