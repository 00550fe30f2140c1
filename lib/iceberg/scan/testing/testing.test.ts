import { describe, expect, it } from "vitest";
import { findCalls, unquote } from "./sql-calls";
import { pushdownFilter } from "./where-pushdown";

describe("findCalls", () => {
  it("splits arguments, respecting quotes and parentheses", () => {
    const sql =
      "SELECT count(*) FROM ICEBERG_SCAN('a,b''c', 37::UBIGINT, version=\"2\", x = f(1, 2)) WHERE s = 'iceberg_scan(x)'";
    const [call] = findCalls(sql, ["iceberg_scan"]);
    expect(call.name).toBe("iceberg_scan");
    expect(call.positional).toEqual(["'a,b''c'", "37::UBIGINT"]);
    expect(call.named).toEqual({ version: '"2"', x: "f(1, 2)" });
    expect(unquote(call.positional[0])).toBe("a,b'c");
    expect(sql.slice(call.end)).toBe(" WHERE s = 'iceberg_scan(x)'");
    expect(findCalls(sql, ["iceberg_scan"])).toHaveLength(1);
  });
});

describe("pushdownFilter", () => {
  it("keeps the simple conjuncts of the WHERE clause", () => {
    const sql =
      "FROM t WHERE a BETWEEN 1 AND 5 AND b = 'x' AND c IS NOT NULL AND f(d) > 3 ORDER BY a";
    expect(pushdownFilter(sql, 0, "number")).toEqual({
      kind: "and",
      children: [
        { kind: "predicate", op: "gtEq", ref: "a", value: 1n },
        { kind: "predicate", op: "ltEq", ref: "a", value: 5n },
        { kind: "predicate", op: "eq", ref: "b", value: "x" },
        { kind: "predicate", op: "notNull", ref: "c" },
      ],
    });
  });

  it("gives non-integers as text or numbers, and nothing without a WHERE", () => {
    expect(pushdownFilter("FROM t WHERE x = 3.14", 0, "text")).toMatchObject({ value: "3.14" });
    expect(pushdownFilter("FROM t WHERE x = 3.14", 0, "number")).toMatchObject({ value: 3.14 });
    expect(pushdownFilter("FROM t ORDER BY x", 0, "text")).toBeUndefined();
  });
});
