import { describe, expect, it } from "vitest";
import { truncateCodePoints, truncateLowerBound, truncateUpperBound } from "./bounds";
import { fromHex } from "./bytes";

describe("truncated bounds", () => {
  it.each([
    ["abcdef", 3, "abc", "abd"],
    ["ab", 3, "ab", "ab"],
    ["a💰cd", 2, "a💰", "a💱"],
    ["a\u{10ffff}c", 2, "a\u{10ffff}", "b"],
    ["\u{10ffff}\u{10ffff}x", 2, "\u{10ffff}\u{10ffff}", null],
    ["a\ud7ffb", 2, "a\ud7ff", "a\ue000"],
  ])("string %o to %i", (value, width, lower, upper) => {
    expect(truncateLowerBound("string", value, width)).toBe(lower);
    expect(truncateUpperBound("string", value, width)).toBe(upper);
  });

  it.each([
    ["0102ff03", 3, "0102ff", "0103"],
    ["ffff01", 2, "ffff", null],
    ["01", 4, "01", "01"],
  ])("binary %s to %i", (hex, width, lower, upper) => {
    expect(truncateLowerBound("binary", fromHex(hex), width)).toEqual(fromHex(lower));
    const up = truncateUpperBound("binary", fromHex(hex), width);
    expect(up).toEqual(upper === null ? null : fromHex(upper));
  });

  it("counts code points, not UTF-16 units", () => {
    expect(truncateCodePoints("💰💰💰", 2)).toBe("💰💰");
  });

  it("only truncates string and binary", () => {
    expect(() => truncateLowerBound("fixed[4]", fromHex("00"), 1)).toThrow(/never truncated/);
  });
});
