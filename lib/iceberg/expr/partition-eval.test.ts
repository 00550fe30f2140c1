import { describe, expect, it } from "vitest";
import type { PartitionSpec } from "../spec/types";
import { applyTransform } from "../transforms";
import { coerceValue, type PrimitiveValue, toBinary } from "../values";
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
  not,
  notEq,
  notNan,
  notNull,
  notStartsWith,
  or,
  startsWith,
} from "./build";
import { TEST_SCHEMA } from "./fixtures";
import { type PartitionFieldSummary, partitionFilter, partitionRow } from "./partition-eval";
import type { UnboundExpr } from "./types";

// ts: timestamptz (7), id: long (1), name: string (3), score: double (5), count: int (2)
const SPEC: PartitionSpec = {
  specId: 1,
  fields: [
    { sourceId: 7, fieldId: 1000, name: "ts_day", transform: "day" },
    { sourceId: 1, fieldId: 1001, name: "id_bucket_4", transform: "bucket[4]" },
    { sourceId: 3, fieldId: 1002, name: "name_trunc_3", transform: "truncate[3]" },
    { sourceId: 5, fieldId: 1003, name: "score", transform: "identity" },
    { sourceId: 2, fieldId: 1004, name: "count_z", transform: "zorder" },
  ],
};

const filter = (e: UnboundExpr) => partitionFilter(bind(TEST_SCHEMA, e), SPEC);

/** The partition tuple of one row, computed with the spec's own transforms. */
function partitionOf(row: { ts?: string; id?: number; name?: string; score?: number }) {
  const source = [
    ["timestamptz", row.ts],
    ["long", row.id],
    ["string", row.name],
    ["double", row.score],
  ] as const;
  const values = SPEC.fields.slice(0, 4).map((field, i) => {
    const [type, v] = source[i];
    return applyTransform(field.transform, type, coerceValue(type, v));
  });
  return partitionRow(SPEC, [...values, null]);
}

describe("partition filter: data files", () => {
  const ROW = { ts: "2017-12-01T10:00:00Z", id: 7, name: "iceberg", score: 1.5 };

  it.each([
    [gt("ts", "2017-12-01T09:00:00Z"), true],
    [gt("ts", "2017-12-01T23:00:00Z"), true], // same day: cannot tell
    [gt("ts", "2017-12-02T00:00:00Z"), false],
    [lt("ts", "2017-12-01T00:00:00Z"), false],
    [eq("id", 7), true],
    [
      eq("id", 8),
      applyTransform("bucket[4]", "long", 8n) === applyTransform("bucket[4]", "long", 7n),
    ],
    [isIn("id", [1, 2, 3, 7]), true],
    [notEq("id", 7), true], // not projectable through bucket
    [startsWith("name", "ic"), true],
    [startsWith("name", "ice"), true],
    [startsWith("name", "icf"), false],
    [startsWith("name", "iceb"), true],
    [startsWith("name", "icx"), false],
    [notStartsWith("name", "ice"), false],
    [notStartsWith("name", "iceberg"), true],
    [eq("score", 1.5), true],
    [gt("score", 1.5), false],
    [isNan("score"), false],
    [isNull("score"), false],
    [eq("count", 5), true], // partitioned only by an unknown transform: ignored
    [and(eq("id", 7), gt("ts", "2018-01-01T00:00:00Z")), false],
    [or(eq("score", 9), startsWith("name", "ic")), true],
    [not(gtEq("ts", "2017-12-02T00:00:00Z")), true],
  ] as [UnboundExpr, boolean][])("%o on a file of %j", (e, expected) => {
    expect(filter(e).partitionMightMatch(partitionOf(ROW))).toBe(expected);
  });

  it("matches null partitions the way evalRow matches null rows", () => {
    const nulls = partitionOf({});
    expect(filter(isNull("name")).partitionMightMatch(nulls)).toBe(true);
    expect(filter(notNull("name")).partitionMightMatch(nulls)).toBe(false);
    expect(filter(eq("name", "x")).partitionMightMatch(nulls)).toBe(false);
    expect(filter(notStartsWith("name", "x")).partitionMightMatch(nulls)).toBe(true);
    expect(filter(not(lt("ts", "2017-01-01T00:00:00Z"))).partitionMightMatch(nulls)).toBe(true);
  });

  it("projects onto partition fields by id", () => {
    expect(filter(eq("id", 7)).projected).toMatchObject({
      op: "eq",
      ref: { fieldId: 1001, name: "id_bucket_4", type: "int" },
    });
  });
});

function summary(
  type: string,
  s: { nulls?: boolean; nans?: boolean; lower?: unknown; upper?: unknown },
): PartitionFieldSummary {
  const enc = (v: unknown) =>
    v === undefined ? undefined : toBinary(type, coerceValue(type, v) as PrimitiveValue);
  return {
    containsNull: s.nulls ?? false,
    containsNan: s.nans,
    lowerBound: enc(s.lower),
    upperBound: enc(s.upper),
  };
}

/** Summaries for the five SPEC fields; unknown ones say nothing useful. */
function manifest(parts: {
  day?: Parameters<typeof summary>[1];
  score?: Parameters<typeof summary>[1];
  name?: Parameters<typeof summary>[1];
}): PartitionFieldSummary[] {
  return [
    summary("date", parts.day ?? { lower: "2017-12-01", upper: "2017-12-31" }),
    summary("int", { lower: 0, upper: 3 }),
    summary("string", parts.name ?? { lower: "abc", upper: "abz" }),
    summary("double", parts.score ?? { nans: false, lower: 0, upper: 10 }),
    { containsNull: true },
  ];
}

describe("partition filter: manifests", () => {
  it.each([
    [gtEq("ts", "2017-12-15T00:00:00Z"), true],
    [gtEq("ts", "2018-01-01T00:00:00Z"), false],
    [lt("ts", "2017-12-01T00:00:00Z"), false],
    [lt("ts", "2017-12-01T00:00:01Z"), true],
    [eq("score", 11), false],
    [isNan("score"), false],
    [notNan("score"), true],
    [isNull("score"), false],
    [startsWith("name", "ab"), true],
    [startsWith("name", "b"), false],
    [notStartsWith("name", "ab"), false],
    [notStartsWith("name", "abc"), true],
    [eq("count", 5), true],
  ] as [UnboundExpr, boolean][])("%o", (e, expected) => {
    expect(filter(e).manifestMightMatch(manifest({}))).toBe(expected);
  });

  it("says might-match when summaries are missing or do not fit the spec", () => {
    expect(filter(eq("score", 11)).manifestMightMatch(undefined)).toBe(true);
    expect(filter(eq("score", 11)).manifestMightMatch([])).toBe(true);
  });

  it("reads all-null and all-NaN summaries", () => {
    const allNull = manifest({ score: { nulls: true, nans: false } });
    expect(filter(notNull("score")).manifestMightMatch(allNull)).toBe(false);
    expect(filter(isNull("score")).manifestMightMatch(allNull)).toBe(true);
    expect(filter(eq("score", 1)).manifestMightMatch(allNull)).toBe(false);
    expect(filter(notEq("score", 1)).manifestMightMatch(allNull)).toBe(true);
    const allNaN = manifest({ score: { nans: true } });
    expect(filter(notNan("score")).manifestMightMatch(allNaN)).toBe(false);
    expect(filter(isNan("score")).manifestMightMatch(allNaN)).toBe(true);
    expect(filter(gt("score", 0)).manifestMightMatch(allNaN)).toBe(false);
    const unknownNaN = manifest({ score: { nulls: true } }); // v1: containsNan absent
    expect(filter(notNull("score")).manifestMightMatch(unknownNaN)).toBe(true);
    expect(filter(isNan("score")).manifestMightMatch(unknownNaN)).toBe(true);
  });

  it("does not take a summary without bounds or null/NaN flags for an empty one", () => {
    const bare = manifest({ score: {} });
    expect(filter(eq("score", 1)).manifestMightMatch(bare)).toBe(true);
  });

  it("keeps pre-1970 days reachable (files from writers with the old rounding bug)", () => {
    const m = manifest({ day: { lower: "1970-01-01", upper: "1970-01-01" } });
    // ts = 1969-12-31T23:00 is day −1, but old writers filed it under day 0
    expect(filter(eq("ts", "1969-12-31T23:00:00Z")).manifestMightMatch(m)).toBe(true);
  });
});
