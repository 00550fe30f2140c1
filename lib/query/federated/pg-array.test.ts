import { describe, expect, it } from "vitest";
import { pgArrayToJson } from "./pg-array";

describe("pgArrayToJson", () => {
  it.each([
    ["{}", []],
    ["{1,NULL,3}", ["1", null, "3"]],
    ['{"a b","c,d","say \\"hi\\"","back\\\\slash","NULL",null}', ["a b", "c,d", 'say "hi"', "back\\slash", "NULL", null]],
    ["{it's,a]b,x[1]}", ["it's", "a]b", "x[1]"]],
    ["{{1,2},{3,4}}", [["1", "2"], ["3", "4"]]],
    ["[0:1]={7,8}", ["7", "8"]],
    ['{"{not nested}", spaced }', ["{not nested}", "spaced"]],
    ['{"2024-01-01 10:00:00+00"}', ["2024-01-01 10:00:00+00"]],
  ])("%s", (text, elements) => {
    expect(JSON.parse(pgArrayToJson(text))).toEqual(elements);
  });

  it.each(["1,2", "{1,2", '{"open}', "{1}x"])("refuses %s", (text) => {
    expect(() => pgArrayToJson(text)).toThrow("Not a PostgreSQL array");
  });
});
