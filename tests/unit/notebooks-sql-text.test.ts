import { describe, expect, it } from "vitest";
import { completionContext, parameterNames, quoteIdent, referencedTables, statementAt } from "@/components/notebooks/sql-text";

describe("parameterNames", () => {
  it.each([
    ["SELECT * FROM t WHERE y = :year AND c = :country", ["year", "country"]],
    ["SELECT x::INT, :a, :a FROM t", ["a"]],
    ["SELECT ':not' -- :nope\n, /* :no */ :yes", ["yes"]],
    ["SELECT 'it''s :x' , :y", ["y"]],
    ["SELECT a:b FROM t", []],
    ["SELECT {'k': :v}", ["v"]],
  ])("%s", (sql, names) => {
    expect(parameterNames(sql)).toEqual(names);
  });
});

describe("completionContext", () => {
  it.each([
    ["SELECT * FROM ", { qualifier: [], word: "", expectsRelation: true }],
    ["SELECT * FROM ord", { qualifier: [], word: "ord", expectsRelation: true }],
    ["SELECT * FROM demo.sales.or", { qualifier: ["demo", "sales"], word: "or", expectsRelation: true }],
    ["SELECT * FROM demo.", { qualifier: ["demo"], word: "", expectsRelation: true }],
    ['SELECT * FROM "my cat"."x".', { qualifier: ["my cat", "x"], word: "", expectsRelation: true }],
    ["SELECT o.", { qualifier: ["o"], word: "", expectsRelation: false }],
    ["SELECT a FROM t JOIN u", { qualifier: [], word: "u", expectsRelation: true }],
    ["SELECT sta", { qualifier: [], word: "sta", expectsRelation: false }],
    ["SELECT 'from ' || na", { qualifier: [], word: "na", expectsRelation: false }],
  ])("%s", (text, expected) => {
    expect(completionContext(text)).toEqual(expected);
  });
});

describe("referencedTables", () => {
  it("finds tables and aliases after FROM and JOIN", () => {
    expect(referencedTables("SELECT * FROM demo.sales.orders o JOIN customers AS c ON o.customer_id = c.customer_id WHERE 1")).toEqual([
      { path: ["demo", "sales", "orders"], alias: "o" },
      { path: ["customers"], alias: "c" },
    ]);
    expect(referencedTables("SELECT * FROM orders WHERE x")).toEqual([{ path: ["orders"], alias: null }]);
    expect(referencedTables("SELECT 'from x' FROM \"odd name\"")).toEqual([{ path: ["odd name"], alias: null }]);
  });
});

describe("statementAt and quoteIdent", () => {
  it("picks the statement around the cursor, ignoring ; in strings", () => {
    const text = "SELECT ';'; SELECT 2;\nSELECT 3";
    expect(statementAt(text, 3)).toEqual({ text: "SELECT ';'", start: 0 });
    expect(statementAt(text, 14)).toEqual({ text: " SELECT 2", start: 11 });
    expect(statementAt(text, text.length)).toEqual({ text: "\nSELECT 3", start: 21 });
  });
  it("quotes only what needs it", () => {
    expect([quoteIdent("orders"), quoteIdent("Order Lines"), quoteIdent('a"b')]).toEqual(["orders", '"Order Lines"', '"a""b"']);
  });
});
