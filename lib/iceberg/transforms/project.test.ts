import { describe, expect, it } from "vitest";
import type { BoundPredicate, BoundRef, Op } from "../expr/types";
import { coerceValue, type PrimitiveValue } from "../values";
import { projectInclusive } from "./project";

const P = { fieldId: 1000, name: "p" };

function pred(type: string, op: Op, value?: unknown): BoundPredicate {
  const ref: BoundRef = { fieldId: 1, name: "x", type };
  const lit = (v: unknown) => coerceValue(type, v) as PrimitiveValue;
  if (op === "in" || op === "notIn")
    return { kind: "predicate", op, ref, values: (value as unknown[]).map(lit) };
  if (op === "isNull" || op === "notNull" || op === "isNaN" || op === "notNaN")
    return { kind: "predicate", op, ref };
  return { kind: "predicate", op, ref, value: lit(value) };
}

/** "op value" / "op [v1,v2]" / "op" / null — a compact view of a projected predicate. */
function show(p: BoundPredicate | null): string | null {
  if (p === null) return null;
  const text = (v: PrimitiveValue) =>
    v instanceof Uint8Array ? Buffer.from(v).toString("hex") : String(v);
  if ("values" in p) return `${p.op} [${p.values.map(text).join(",")}]`;
  if ("value" in p) return `${p.op} ${text(p.value)}`;
  return p.op;
}

const CASES: [transform: string, type: string, op: Op, value: unknown, projected: string | null][] =
  [
    // identity: the same predicate, every op
    ["identity", "long", "lt", 5, "lt 5"],
    ["identity", "long", "notEq", 5, "notEq 5"],
    ["identity", "string", "notStartsWith", "ab", "notStartsWith ab"],
    ["identity", "double", "isNaN", undefined, "isNaN"],
    ["identity", "int", "notIn", [3, 1], "notIn [3,1]"],
    // bucket: only equality survives hashing
    ["bucket[10]", "int", "eq", 1, "eq 6"],
    ["bucket[100]", "int", "in", [34, 34, 0], "in [76,79]"],
    ["bucket[10]", "int", "lt", 1, null],
    ["bucket[10]", "int", "notEq", 1, null],
    ["bucket[10]", "int", "notIn", [1, 2], null],
    ["bucket[10]", "int", "isNull", undefined, "isNull"],
    ["bucket[10]", "int", "notNull", undefined, "notNull"],
    // truncate on integers: negative numbers floor, open bounds step by one first
    ["truncate[10]", "int", "lt", 10, "ltEq 0"],
    ["truncate[10]", "int", "lt", 11, "ltEq 10"],
    ["truncate[10]", "int", "ltEq", -1, "ltEq -10"],
    ["truncate[10]", "int", "gt", -1, "gtEq 0"],
    ["truncate[10]", "int", "gt", -11, "gtEq -10"],
    ["truncate[10]", "int", "gtEq", -11, "gtEq -20"],
    ["truncate[10]", "int", "eq", -5, "eq -10"],
    ["truncate[10]", "long", "in", [-1, 1, 5], "in [-10,0]"],
    ["truncate[10]", "int", "notEq", 5, null],
    ["truncate[10]", "decimal(9,2)", "lt", "0.10", "ltEq 0"],
    ["truncate[10]", "decimal(9,2)", "gt", "-0.01", "gtEq 0"],
    ["truncate[10]", "decimal(9,2)", "eq", "-0.05", "eq -10"],
    // truncate on strings and binary
    ["truncate[3]", "string", "lt", "abcd", "ltEq abc"],
    ["truncate[3]", "string", "gt", "abcd", "gtEq abc"],
    ["truncate[3]", "string", "eq", "abcd", "eq abc"],
    ["truncate[3]", "string", "startsWith", "ab", "startsWith ab"],
    ["truncate[3]", "string", "startsWith", "abc", "eq abc"],
    ["truncate[3]", "string", "startsWith", "abcd", "eq abc"],
    ["truncate[3]", "string", "startsWith", "💰💰💰💰", "eq 💰💰💰"],
    ["truncate[3]", "string", "notStartsWith", "ab", "notStartsWith ab"],
    ["truncate[3]", "string", "notStartsWith", "abc", "notEq abc"],
    ["truncate[3]", "string", "notStartsWith", "abcd", null],
    ["truncate[3]", "string", "notEq", "abc", null],
    ["truncate[2]", "binary", "gtEq", Buffer.from("010203", "hex"), "gtEq 0102"],
    // year/month/day/hour: widen to whole periods; negative results widen by one more
    ["day", "timestamp", "gt", "2017-12-01T10:00:00", "gtEq 17501"],
    ["day", "timestamp", "gt", "2017-12-01T23:59:59.999999", "gtEq 17502"],
    ["day", "timestamp", "lt", "2017-12-01T00:00:00", "ltEq 17500"],
    ["day", "timestamp", "ltEq", "2017-12-01T00:00:00", "ltEq 17501"],
    ["day", "timestamp", "eq", "2017-12-01T10:00:00", "eq 17501"],
    ["hour", "timestamptz", "gtEq", "2017-12-01T18:12:55+00:00", "gtEq 420042"],
    ["month", "date", "lt", "2017-12-01", "ltEq 574"],
    ["year", "date", "gtEq", "2017-12-01", "gtEq 47"],
    ["day", "timestamp_ns", "lt", "1970-01-01T00:00:00", "ltEq 0"], // day −1, widened to 0
    ["day", "timestamp", "eq", "1969-12-31T12:00:00", "in [-1,0]"],
    ["day", "date", "ltEq", "1969-12-30", "ltEq -1"],
    ["month", "date", "in", ["1969-11-15", "2017-12-01"], "in [-2,-1,575]"],
    ["year", "date", "gt", "1960-06-01", "gtEq -10"],
    ["day", "timestamp", "notEq", "2017-12-01T10:00:00", null],
    ["day", "timestamp", "notNull", undefined, "notNull"],
    // nothing through void and unknown transforms
    ["void", "int", "eq", 1, null],
    ["void", "int", "isNull", undefined, null],
    ["zorder", "int", "eq", 1, null],
  ];

describe("inclusive projection", () => {
  it.each(CASES)("%s(%s): %s %o → %s", (transform, type, op, value, projected) => {
    expect(show(projectInclusive(transform, pred(type, op, value), P))).toBe(projected);
  });

  it("refers to the partition field with the transform's result type", () => {
    const out = projectInclusive("day", pred("timestamptz", "eq", "2017-12-01T10:00:00+00:00"), P);
    expect(out?.ref).toEqual({ fieldId: 1000, name: "p", type: "date" });
  });

  it("gives nothing for a source type the transform cannot take", () => {
    expect(projectInclusive("hour", pred("date", "eq", "2017-12-01"), P)).toBeNull();
  });
});
