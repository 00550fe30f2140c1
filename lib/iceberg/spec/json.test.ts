import { describe, expect, it } from "vitest";
import { JsonSyntaxError, parseJson, stringifyJson } from "./json";

describe("parseJson", () => {
  it.each([
    ["0", 0],
    ["-0", -0],
    ["42", 42],
    ["-17", -17],
    ["1.5", 1.5],
    ["1e3", 1000],
    ["9007199254740991", 9007199254740991],
    ["-9007199254740991", -9007199254740991],
    ["9007199254740992", 9007199254740992n],
    ["3055729675574597004", 3055729675574597004n],
    ["-9223372036854775808", -9223372036854775808n],
    ["18446744073709551616", 18446744073709551616n],
    ["1.0e30", 1e30],
    ['"a\\"b\\\\c\\/d\\n\\t\\u00e9\\ud83d\\ude00"', 'a"b\\c/d\n\té😀'],
    ["true", true],
    ["false", false],
    ["null", null],
    [" [1, [2], {}] ", [1, [2], {}]],
  ])("%s", (text, expected) => {
    expect(parseJson(text)).toEqual(expected);
  });

  it("keeps integers beyond 2^53 exactly inside documents", () => {
    const doc = parseJson('{"ids":[1,9223372036854775807,-1],"x":{"y":12345678901234567890}}');
    expect(doc).toEqual({ ids: [1, 9223372036854775807n, -1], x: { y: 12345678901234567890n } });
  });

  it("keeps a __proto__ key as data", () => {
    const doc = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ["", 1, 1, "expected a value but found end of input"],
    ["{", 1, 2, "expected a quoted key"],
    ['{"a":1,}', 1, 8, "expected a quoted key"],
    ["[1,2", 1, 5, "expected ',' or ']'"],
    ['{"a" 1}', 1, 6, "expected ':'"],
    ["01", 1, 2, "unexpected"],
    ["1.", 1, 2, "unexpected"],
    ["+1", 1, 1, "expected a value"],
    ["tru", 1, 1, "expected a value"],
    ['"abc', 1, 1, "unterminated string"],
    ['"\\x"', 1, 2, "invalid escape \\x"],
    ['"\\u12G4"', 1, 2, "invalid \\u escape"],
    ['"a\nb"', 1, 3, "control character"],
    ['{\n  "a": 1,\n  "a": 2\n}', 3, 3, 'duplicate key "a"'],
    ["[1] x", 1, 5, "after the value"],
    ["// comment\n1", 1, 1, "expected a value"],
    ["NaN", 1, 1, "expected a value"],
  ])("rejects %j at line %i, column %i", (text, line, column, reason) => {
    const error = catchError(() => parseJson(text));
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error.message).toContain(reason);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toMatch(/^Invalid JSON at line \d+, column \d+ \(position \d+\)/);
  });
});

describe("stringifyJson", () => {
  it("writes bigint as a plain number", () => {
    expect(stringifyJson({ id: 3055729675574597004n, n: -1n })).toBe(
      '{"id":3055729675574597004,"n":-1}',
    );
  });

  it("round-trips digits exactly", () => {
    const text = '{"a":[9223372036854775807,-9223372036854775808,0.5,"x"],"b":null,"c":true}';
    expect(stringifyJson(parseJson(text))).toBe(text);
  });

  it("matches JSON.stringify for plain values, indented or not", () => {
    const value = { a: [1, { b: "c\u2028" }], d: {}, e: [], f: undefined, g: [undefined] };
    expect(stringifyJson(value)).toBe(JSON.stringify(value));
    expect(stringifyJson(value, { indent: 2 })).toBe(JSON.stringify(value, null, 2));
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("refuses %d", (n) => {
    expect(() => stringifyJson({ x: [n] })).toThrow(/Cannot write .* at \$\.x\[0\]/);
  });
});

function catchError(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected an error");
}
