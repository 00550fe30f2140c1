import { describe, expect, it } from "vitest";
import { isCommandStatement } from "./index";
import { sqlIdent, sqlTableName } from "./names";

describe("SQL names for the SELECT planner", () => {
  it.each([
    ["orders", '"orders"'],
    ["Orders", '"Orders"'],
    ["order", '"order"'],
    ["my table", '"my table"'],
    ['a"b', '"a""b"'],
  ])("%s → %s", (name, sql) => {
    expect(sqlIdent(name)).toBe(sql);
  });

  it("qualifies tables fully", () => {
    expect(sqlTableName({ catalog: "demo", namespace: ["a", "B"], name: "select" })).toBe('"demo"."a"."B"."select"');
  });
});

describe("isCommandStatement", () => {
  it.each([
    ["CREATE TABLE t (a INT)", true],
    ["  -- note\n/* x */ insert into t values (1)", true],
    ["MERGE INTO t USING s ON a WHEN MATCHED THEN DELETE", true],
    ["truncate t", true],
    ["SELECT 1", false],
    ["WITH x AS (SELECT 1) SELECT * FROM x", false],
    ["USE demo.sales", false],
    ["EXPLAIN DELETE FROM t", false],
    ["", false],
    ["createx", false],
  ])("%j → %s", (sql, expected) => {
    expect(isCommandStatement(sql)).toBe(expected);
  });
});
