import { describe, expect, it } from "vitest";
import { coerceValue, fromHex, type PrimitiveValue, toBinary } from "../values";
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
import { TEST_SCHEMA } from "./fixtures";
import { type FileMetrics, metricsMightMatch } from "./metrics";
import type { UnboundExpr } from "./types";

const TYPES = new Map(TEST_SCHEMA.fields.map((f) => [f.id, f.type as string]));

interface Stats {
  records?: number;
  values?: Record<number, number>;
  nulls?: Record<number, number>;
  nans?: Record<number, number>;
  lower?: Record<number, unknown>;
  upper?: Record<number, unknown>;
}

/** FileMetrics from readable stats; bounds are given as loose values and encoded here. */
function file(s: Stats): FileMetrics {
  const counts = (r?: Record<number, number>) =>
    r && new Map(Object.entries(r).map(([id, n]) => [Number(id), n]));
  const bounds = (r?: Record<number, unknown>) =>
    r &&
    new Map(
      Object.entries(r).map(([id, v]) => {
        const type = TYPES.get(Number(id)) as string;
        return [
          Number(id),
          v instanceof Uint8Array ? v : toBinary(type, coerceValue(type, v) as PrimitiveValue),
        ];
      }),
    );
  return {
    recordCount: s.records ?? 10,
    valueCounts: counts(s.values),
    nullValueCounts: counts(s.nulls),
    nanValueCounts: counts(s.nans),
    lowerBounds: bounds(s.lower),
    upperBounds: bounds(s.upper),
  };
}

const might = (e: UnboundExpr, s: Stats) => metricsMightMatch(bind(TEST_SCHEMA, e), file(s));

// count: int (id 2), name: string (3), score: double (5), uid: uuid (8)
const INT_1_TO_9: Stats = { values: { 2: 10 }, nulls: { 2: 0 }, lower: { 2: 1 }, upper: { 2: 9 } };

describe("inclusive metrics evaluator", () => {
  it.each([
    [lt("count", 1), false],
    [lt("count", 2), true],
    [ltEq("count", 0), false],
    [ltEq("count", 1), true],
    [gt("count", 9), false],
    [gt("count", 8), true],
    [gtEq("count", 10), false],
    [gtEq("count", 9), true],
    [eq("count", 0), false],
    [eq("count", 10), false],
    [eq("count", 5), true],
    [notEq("count", 5), true],
    [isIn("count", [-3, 0, 12]), false],
    [isIn("count", [-3, 4]), true],
    [notIn("count", [1, 2, 3, 4, 5, 6, 7, 8, 9]), true],
    [isNull("count"), false],
    [notNull("count"), true],
    [and(gt("count", 3), lt("count", 5)), true],
    [and(gt("count", 3), lt("count", 0)), false],
    [or(gt("count", 30), lt("count", 0)), false],
    [not(gt("count", 0)), false], // x ≤ 0, or null: neither here
  ] as [UnboundExpr, boolean][])("int in [1, 9], no nulls: %o → %s", (e, expected) => {
    expect(might(e, INT_1_TO_9)).toBe(expected);
  });

  it("never excludes without statistics", () => {
    for (const e of [
      eq("count", 5),
      isNull("count"),
      notNull("count"),
      isNan("score"),
      startsWith("name", "a"),
    ]) {
      expect(might(e, {})).toBe(true);
    }
  });

  it("excludes empty files, and keeps files of unknown size", () => {
    expect(might(isNull("count"), { records: 0 })).toBe(false);
    expect(might(eq("count", 100), { records: -1, ...INT_1_TO_9 })).toBe(true);
  });

  it("knows a column of nulls only matches isNull, notNaN and the negated predicates", () => {
    const allNull: Stats = { values: { 2: 10, 3: 10 }, nulls: { 2: 10, 3: 10 } };
    expect(might(isNull("count"), allNull)).toBe(true);
    expect(might(notNull("count"), allNull)).toBe(false);
    expect(might(lt("count", 5), allNull)).toBe(false);
    expect(might(eq("count", 5), allNull)).toBe(false);
    expect(might(notEq("count", 5), allNull)).toBe(true);
    expect(might(not(lt("count", 5)), allNull)).toBe(true); // true for nulls
    expect(might(notStartsWith("name", "a"), allNull)).toBe(true);
    expect(might(startsWith("name", "a"), allNull)).toBe(false);
  });

  it("handles NaN counts on doubles", () => {
    const allNaN: Stats = { values: { 5: 4 }, nulls: { 5: 0 }, nans: { 5: 4 } };
    expect(might(isNan("score"), allNaN)).toBe(true);
    expect(might(notNan("score"), allNaN)).toBe(false);
    expect(might(gt("score", 0), allNaN)).toBe(false);
    expect(might(notEq("score", 0), allNaN)).toBe(true);
    const noNaN: Stats = { values: { 5: 4 }, nulls: { 5: 0 }, nans: { 5: 0 } };
    expect(might(isNan("score"), noNaN)).toBe(false);
    const nullsAndNaNs: Stats = { values: { 5: 4 }, nulls: { 5: 2 }, nans: { 5: 2 } };
    expect(might(lt("score", 100), nullsAndNaNs)).toBe(false);
    expect(might(isNan("score"), nullsAndNaNs)).toBe(true);
    expect(might(isNull("score"), nullsAndNaNs)).toBe(true);
  });

  it("ignores NaN bounds written by old writers and takes -0 and +0 as equal", () => {
    const nanLower = {
      values: { 5: 4 },
      nulls: { 5: 0 },
      lower: { 5: Number.NaN },
      upper: { 5: 3 },
    };
    expect(might(lt("score", -100), nanLower)).toBe(true);
    const negZero = { values: { 5: 4 }, nulls: { 5: 0 }, lower: { 5: -5 }, upper: { 5: -0 } };
    expect(might(gt("score", 0), negZero)).toBe(false);
    expect(might(gtEq("score", -0), negZero)).toBe(true);
    expect(might(eq("score", 0), negZero)).toBe(true);
    const posZero = { values: { 5: 4 }, nulls: { 5: 0 }, lower: { 5: 0 }, upper: { 5: 3 } };
    expect(might(lt("score", 0), posZero)).toBe(false);
    expect(might(ltEq("score", -0), posZero)).toBe(true);
  });

  it("reads int bounds of a column promoted to long", () => {
    const metrics: FileMetrics = {
      recordCount: 3,
      lowerBounds: new Map([[1, toBinary("int", 10)]]),
      upperBounds: new Map([[1, toBinary("int", 20)]]),
    };
    expect(metricsMightMatch(bind(TEST_SCHEMA, eq("id", 30)), metrics)).toBe(false);
    expect(metricsMightMatch(bind(TEST_SCHEMA, eq("id", 15)), metrics)).toBe(true);
  });

  it("stays safe with truncated string bounds", () => {
    // values "abcdef" … "abzzzz" truncated to 2 code points: lower "ab", upper "ac" (rounded up)
    const truncated: Stats = {
      values: { 3: 5 },
      nulls: { 3: 0 },
      lower: { 3: "ab" },
      upper: { 3: "ac" },
    };
    expect(might(eq("name", "abcdef"), truncated)).toBe(true);
    expect(might(eq("name", "abzzzz"), truncated)).toBe(true);
    expect(might(eq("name", "aa"), truncated)).toBe(false);
    expect(might(eq("name", "ad"), truncated)).toBe(false);
    expect(might(gt("name", "abzzzz"), truncated)).toBe(true);
    expect(might(startsWith("name", "abq"), truncated)).toBe(true);
    expect(might(startsWith("name", "ac"), truncated)).toBe(true);
    expect(might(startsWith("name", "ad"), truncated)).toBe(false);
    expect(might(startsWith("name", "aa"), truncated)).toBe(false);
    expect(might(startsWith("name", "a"), truncated)).toBe(true);
    // both bounds start with "ab" only if the upper was not rounded past it
    expect(might(notStartsWith("name", "ab"), truncated)).toBe(true);
    const exact: Stats = {
      values: { 3: 5 },
      nulls: { 3: 0 },
      lower: { 3: "abc" },
      upper: { 3: "abz" },
    };
    expect(might(notStartsWith("name", "ab"), exact)).toBe(false);
    expect(might(notStartsWith("name", "abc"), exact)).toBe(true);
    expect(might(notStartsWith("name", "ab"), { ...exact, nulls: { 3: 1 } })).toBe(true);
  });

  it("compares string bounds by code point, not UTF-16", () => {
    const astral: Stats = {
      values: { 3: 2 },
      nulls: { 3: 0 },
      lower: { 3: "😀" },
      upper: { 3: "😀z" },
    };
    expect(might(gt("name", "\uffff"), astral)).toBe(true);
    expect(might(lt("name", "\uffff"), astral)).toBe(false);
  });

  it("does not prune uuids on bounds only one of the two orders allows", () => {
    // bounds as a signed-order writer would give them for {80…0, 7f…f}: lower 80…, upper 7f…
    const signed: Stats = {
      values: { 8: 2 },
      nulls: { 8: 0 },
      lower: { 8: "80000000-0000-0000-0000-000000000000" },
      upper: { 8: "7fffffff-ffff-ffff-ffff-ffffffffffff" },
    };
    expect(might(eq("uid", "7fffffff-ffff-ffff-ffff-ffffffffffff"), signed)).toBe(true);
    expect(might(eq("uid", "00000000-0000-0000-0000-000000000001"), signed)).toBe(true);
    const unsigned: Stats = {
      values: { 8: 2 },
      nulls: { 8: 0 },
      lower: { 8: "10000000-0000-0000-0000-000000000000" },
      upper: { 8: "20000000-0000-0000-0000-000000000000" },
    };
    expect(might(eq("uid", "30000000-0000-0000-0000-000000000000"), unsigned)).toBe(false);
  });

  it("treats unreadable bounds as missing", () => {
    const broken: Stats = {
      values: { 3: 1 },
      nulls: { 3: 0 },
      lower: { 3: fromHex("ff") },
      upper: { 3: fromHex("ff") },
    };
    expect(might(eq("name", "a"), broken)).toBe(true);
  });
});
