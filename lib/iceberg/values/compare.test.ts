import { describe, expect, it } from "vitest";
import { utf8 } from "./bytes";
import { compareBytes } from "./bytes";
import { compareCodePoints, compareFloats, compareUuidsSigned, compareValues } from "./compare";

const sign = (n: number) => Math.sign(n);

describe("compareValues", () => {
  it.each([
    ["boolean", false, true, -1],
    ["int", -5, 3, -1],
    ["long", 10n, 9n, 1],
    ["decimal(9,2)", -1n, -1n, 0],
    ["timestamp", -1n, 0n, -1],
    ["string", "abc", "abd", -1],
    ["string", "ab", "abc", -1],
    ["string", "\uffff", "😀", -1], // U+FFFF < U+1F600, though UTF-16 says otherwise
    ["string", "\ue000", "\ud800\udc00", -1],
    ["uuid", "00000000-0000-0000-0000-000000000001", "f0000000-0000-0000-0000-000000000000", -1],
    ["binary", Uint8Array.of(0x7f), Uint8Array.of(0x80), -1], // unsigned
    ["fixed[1]", Uint8Array.of(1), Uint8Array.of(1), 0],
  ] as const)("%s %o vs %o → %i", (type, a, b, expected) => {
    expect(sign(compareValues(type, a, b))).toBe(expected);
  });

  it("orders floats as Java: -Inf < -1 < -0 < +0 < +Inf < NaN", () => {
    const sorted = [Number.NaN, 0, -0, Number.POSITIVE_INFINITY, -1, Number.NEGATIVE_INFINITY].sort(
      compareFloats,
    );
    expect(sorted.map((v) => (Object.is(v, -0) ? "-0" : String(v)))).toEqual([
      "-Infinity",
      "-1",
      "-0",
      "0",
      "Infinity",
      "NaN",
    ]);
    expect(compareFloats(Number.NaN, Number.NaN)).toBe(0);
  });

  it("agrees with UTF-8 byte order on mixed scripts", () => {
    const words = ["a", "é", "\uffff", "💰", "z", "", "☃", "\ud7ff", "\ue000", "😀x"];
    for (const a of words) {
      for (const b of words) {
        expect(sign(compareCodePoints(a, b))).toBe(sign(compareBytes(utf8(a), utf8(b))));
      }
    }
  });

  it("gives Java's signed uuid order too", () => {
    const low = "00000000-0000-0000-0000-000000000000";
    const high = "80000000-0000-0000-0000-000000000000";
    expect(compareUuidsSigned(high, low)).toBeLessThan(0);
    expect(compareValues("uuid", high, low)).toBeGreaterThan(0);
  });

  it("refuses types without an order", () => {
    expect(() => compareValues("variant", 1, 2)).toThrow(/cannot be compared/);
  });
});
