import { describe, expect, it } from "vitest";
import { parseTarget, tagKeyProblem, tagValueProblem, validateAllowedValues } from "./inputs";

describe("tag keys", () => {
  it.each([
    ["pii", null],
    ["data domain", null],
    ["", "cannot be empty"],
    [" pii", "cannot start or end with a space"],
    ["a=b", "cannot contain = (search reads KEY=VALUE)"],
    ["x".repeat(256), "can have at most 255 characters"],
    ["a\u001fb", "cannot contain control characters"],
    [42, "must be text"],
  ])("%j → %s", (key, problem) => {
    expect(tagKeyProblem(key)).toBe(problem);
  });
});

describe("tag values", () => {
  it.each([
    ["true", null],
    ["EU west", null],
    ["", "cannot be empty"],
    ["x ", "cannot start or end with a space"],
    ["a\nb", "cannot contain control characters"],
    ["x".repeat(256), "can have at most 255 characters"],
  ])("%j → %s", (value, problem) => {
    expect(tagValueProblem(value)).toBe(problem);
  });

  it("keeps the list's order and refuses repeats, ignoring case", () => {
    expect(validateAllowedValues(["b", "a"])).toEqual(["b", "a"]);
    expect(() => validateAllowedValues(["a", "b", "A"])).toThrow('The value "A" is listed twice.');
  });
});

describe("targets", () => {
  it("name a column by field id or name, and refuse neither", () => {
    expect(
      parseTarget({ kind: "column", catalog: "c", namespace: ["n"], name: "t", fieldId: 3 }),
    ).toMatchObject({ fieldId: 3 });
    expect(() =>
      parseTarget({ kind: "column", catalog: "c", namespace: ["n"], name: "t" }),
    ).toThrow("Name the column, or give its field id.");
    expect(() => parseTarget({ kind: "namespace", catalog: "c", namespace: [] })).toThrow(
      "Name the namespace.",
    );
    expect(() => parseTarget({ kind: "schema", catalog: "c" })).toThrow();
  });
});
