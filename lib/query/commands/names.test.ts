import { describe, expect, it } from "vitest";
import { isCommandStatement } from "./index";
import { resolveNamespace, resolveTable, sqlIdent, sqlTableName } from "./names";

const q = (...parts: string[]) => ({ parts, start: 0 });
const session = { catalog: "demo", namespace: ["sales", "eu"] };

describe("resolveTable", () => {
  it.each([
    [["orders"], { catalog: "demo", namespace: ["sales", "eu"], name: "orders" }],
    [["ops", "orders"], { catalog: "demo", namespace: ["ops"], name: "orders" }],
    [["lake", "ops", "orders"], { catalog: "lake", namespace: ["ops"], name: "orders" }],
    [["lake", "a", "b", "orders"], { catalog: "lake", namespace: ["a", "b"], name: "orders" }],
  ])("%j", (parts, ident) => {
    expect(resolveTable(session, q(...parts))).toEqual(ident);
  });

  it("asks for a catalog or namespace the session does not have", () => {
    expect(() => resolveTable({}, q("orders"))).toThrow("orders needs a catalog: write catalog.namespace.name, or USE a catalog first.");
    expect(() => resolveTable({ catalog: "demo" }, q("orders"))).toThrow("orders needs a namespace: write namespace.orders, or USE a namespace first.");
    expect(resolveTable({}, q("demo", "s", "t"))).toEqual({ catalog: "demo", namespace: ["s"], name: "t" });
  });
});

describe("resolveNamespace", () => {
  it("takes one part as a namespace of the session's catalog, more as catalog.namespace…", () => {
    expect(resolveNamespace(session, q("staging"))).toEqual({ catalog: "demo", namespace: ["staging"] });
    expect(resolveNamespace(session, q("lake", "a", "b"))).toEqual({ catalog: "lake", namespace: ["a", "b"] });
  });
});

describe("SQL names for the SELECT planner", () => {
  it.each([
    ["orders", "orders"],
    ["Orders", '"Orders"'],
    ["order", '"order"'],
    ["my table", '"my table"'],
    ['a"b', '"a""b"'],
  ])("%s → %s", (name, sql) => {
    expect(sqlIdent(name)).toBe(sql);
  });

  it("qualifies tables fully", () => {
    expect(sqlTableName({ catalog: "demo", namespace: ["a", "B"], name: "select" })).toBe('demo.a."B"."select"');
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
