import { describe, expect, it } from "vitest";
import { bind } from "./bind";
import {
  and,
  eq,
  gt,
  gtEq,
  isIn,
  isNan,
  isNull,
  lt,
  ltEq,
  not,
  notEq,
  notIn,
  notNan,
  notNull,
  notStartsWith,
  or,
  startsWith,
} from "./build";
import { evalRow } from "./eval-row";
import { TEST_SCHEMA } from "./fixtures";
import { rewriteNot } from "./rewrite-not";
import { rowFromObject } from "./row";
import type { UnboundExpr } from "./types";

const row = (obj: Record<string, unknown>) => rowFromObject(TEST_SCHEMA, obj);
const check = (e: UnboundExpr, obj: Record<string, unknown>) =>
  evalRow(bind(TEST_SCHEMA, e), row(obj));

describe("evalRow", () => {
  it.each([
    [eq("count", 3), { count: 3 }, true],
    [eq("count", 3), { count: 4 }, false],
    [lt("name", "b"), { name: "a" }, true],
    [lt("name", "\uffff"), { name: "😀" }, false], // code-point order
    [gtEq("ts", "2020-01-01T00:00:00+00:00"), { ts: "2020-01-01T00:00:00Z" }, true],
    [isIn("price", ["1.00", "2.50"]), { price: "2.5" }, true],
    [notIn("price", ["1.00", "2.50"]), { price: "2.5" }, false],
    [startsWith("name", "ab"), { name: "abc" }, true],
    [notStartsWith("name", "ab"), { name: "abc" }, false],
    [eq("address.city", "Oslo"), { address: { city: "Oslo" } }, true],
    [eq("score", 0), { score: -0 }, true], // −0 = +0, as in SQL
    [lt("score", 0), { score: -0 }, false],
    [isIn("score", [0, 1]), { score: -0 }, true],
    [and(eq("count", 1), isNull("name")), { count: 1 }, true],
    [or(eq("count", 2), not(isNull("name"))), { count: 1 }, false],
  ] as [UnboundExpr, Record<string, unknown>, boolean][])("%o on %o → %s", (e, obj, expected) => {
    expect(check(e, obj)).toBe(expected);
  });

  // The null/NaN semantics every evaluator has to agree with.
  const NULL_AND_NAN: [UnboundExpr, boolean, boolean][] = [
    // expr, on null, on NaN
    [isNull("score"), true, false],
    [notNull("score"), false, true],
    [isNan("score"), false, true],
    [notNan("score"), true, false],
    [eq("score", 1), false, false],
    [notEq("score", 1), true, true],
    [lt("score", 1), false, false],
    [ltEq("score", 1), false, false],
    [gt("score", 1), false, false],
    [gtEq("score", 1), false, false],
    [isIn("score", [1, 2]), false, false],
    [notIn("score", [1, 2]), true, true],
    [not(lt("score", 1)), true, true],
  ];
  it.each(NULL_AND_NAN)("%o: null → %s, NaN → %s", (e, onNull, onNaN) => {
    expect(check(e, { score: null })).toBe(onNull);
    expect(check(e, { score: Number.NaN })).toBe(onNaN);
  });

  it("treats null strings as matching notStartsWith", () => {
    expect(check(startsWith("name", "a"), {})).toBe(false);
    expect(check(notStartsWith("name", "a"), {})).toBe(true);
  });
});

describe("rewriteNot", () => {
  it("removes every not and keeps the meaning on null, NaN and ordinary values", () => {
    const exprs = [
      not(lt("score", 1)),
      not(and(gtEq("score", 0), notEq("score", 2))),
      not(or(isNan("score"), isIn("score", [1, 2]), not(gt("score", 5)))),
      not(notNull("score")),
    ];
    const scores = [null, Number.NaN, -1, 0, 1, 2, 5, 6, Number.POSITIVE_INFINITY];
    for (const e of exprs) {
      const bound = bind(TEST_SCHEMA, e);
      const rewritten = rewriteNot(bound);
      expect(JSON.stringify(rewritten)).not.toContain('"not"');
      for (const score of scores) {
        expect(evalRow(rewritten, row({ score }))).toBe(evalRow(bound, row({ score })));
      }
    }
  });

  it("spells out null and NaN when it flips an order", () => {
    const rewritten = rewriteNot(bind(TEST_SCHEMA, not(lt("score", 1))));
    expect(rewritten).toMatchObject({
      kind: "or",
      children: [{ op: "gtEq", value: 1 }, { op: "isNull" }, { op: "isNaN" }],
    });
    const onInt = rewriteNot(bind(TEST_SCHEMA, not(lt("count", 1))));
    expect(onInt).toMatchObject({ kind: "or", children: [{ op: "gtEq" }, { op: "isNull" }] });
  });
});
