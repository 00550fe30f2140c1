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
  or,
  startsWith,
} from "./build";
import { BindError } from "./errors";
import { TEST_SCHEMA } from "./fixtures";
import type { BoundExpr, UnboundExpr } from "./types";

const b = (e: UnboundExpr, caseSensitive = true) => bind(TEST_SCHEMA, e, { caseSensitive });

function bindError(e: UnboundExpr): BindError {
  try {
    b(e);
  } catch (err) {
    if (err instanceof BindError) return err;
    throw err;
  }
  throw new Error("expected a BindError");
}

describe("bind", () => {
  it("resolves names to field ids and converts literals to the column type", () => {
    expect(b(eq("id", 5))).toEqual({
      kind: "predicate",
      op: "eq",
      ref: { fieldId: 1, name: "id", type: "long" },
      value: 5n,
    });
    expect(b(gtEq("ts", "2017-11-16T14:31:08-08:00"))).toMatchObject({ value: 1510871468000000n });
    expect(b(lt("price", "14.2"))).toMatchObject({ value: 1420n });
    expect(b(eq("day", "2017-11-16"))).toMatchObject({ value: 17486 });
    expect(b(eq("uid", "F79C3E09-677C-4BBD-A479-3F349CB785E7"))).toMatchObject({
      value: "f79c3e09-677c-4bbd-a479-3f349cb785e7",
    });
  });

  it("reaches nested struct fields by dotted name, and ignores case when asked", () => {
    expect(b(eq("address.city", "Oslo"))).toMatchObject({
      ref: { fieldId: 11, name: "address.city" },
    });
    expect(b(eq("ADDRESS.zip", 5), false)).toMatchObject({ ref: { fieldId: 12 }, value: 5 });
  });

  it.each([
    [eq("nope", 1), "unknown-column", /Cannot find column "nope"/],
    [eq("ADDRESS.zip", 1), "unknown-column", /Cannot find column/],
    [eq("address", 1), "not-primitive", /is a struct/],
    [eq("tags", "a"), "not-primitive", /is a list/],
    [eq("tags.element", "a"), "unknown-column", /Cannot find/],
    [eq("count", "many"), "invalid-literal", /Cannot compare "count" \(int\) with "many"/],
    [eq("count", 1.5), "invalid-literal", /1.5/],
    [eq("price", "1.234"), "invalid-literal", /digits after the point/],
    [eq("day", "2017-02-30"), "invalid-literal", /valid date/],
    [eq("name", null), "invalid-literal", /use isNull/],
    [gt("score", Number.NaN), "invalid-literal", /use isNaN/],
    [isIn("score", [1, Number.NaN]), "invalid-literal", /use isNaN/],
    [startsWith("count", "1"), "invalid-predicate", /needs a string column/],
    [startsWith("name", 1), "invalid-literal", /needs a string/],
  ] as [UnboundExpr, string, RegExp][])("refuses %o (%s)", (expr, kind, message) => {
    const error = bindError(expr);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
  });

  it("folds isNaN/notNaN of columns that cannot hold NaN", () => {
    expect(b(isNan("count"))).toEqual({ kind: "false" });
    expect(b(notNan("count"))).toEqual({ kind: "true" });
    expect(b(isNan("score"))).toMatchObject({ op: "isNaN" });
  });

  it.each([
    [lt("count", 2 ** 40), "notNull"],
    [ltEq("count", 2 ** 31), "notNull"],
    [gt("count", 2 ** 40), "false"],
    [eq("count", 2 ** 40), "false"],
    [notEq("count", 2 ** 40), "true"],
    [gt("count", -(2 ** 40)), "notNull"],
    [lt("count", -(2 ** 40)), "false"],
    [lt("id", 2n ** 70n), "notNull"],
    [isIn("count", [2 ** 40]), "false"],
    [notIn("count", [2 ** 40]), "true"],
  ] as [UnboundExpr, string][])("folds out-of-range literals: %o → %s", (expr, folded) => {
    const bound = b(expr) as { kind: string; op?: string };
    expect(bound.op ?? bound.kind).toBe(folded);
  });

  it("dedupes sets and shortens them", () => {
    expect(b(isIn("count", [3, 1, 3, 2 ** 40]))).toMatchObject({ op: "in", values: [1, 3] });
    expect(b(isIn("count", [3, 3]))).toMatchObject({ op: "eq", value: 3 });
    expect(b(notIn("count", [3]))).toMatchObject({ op: "notEq", value: 3 });
    expect(b(isIn("count", []))).toEqual({ kind: "false" });
  });

  it("keeps and/or/not structure and folds constants", () => {
    const bound = b(and(eq("id", 1), or(isNull("name"), not(eq("count", 2 ** 40)))));
    expect(bound).toEqual({
      kind: "predicate",
      op: "eq",
      ref: { fieldId: 1, name: "id", type: "long" },
      value: 1n,
    } satisfies BoundExpr);
    expect(b(not(not(isNull("name"))))).toMatchObject({ op: "isNull" });
  });
});
