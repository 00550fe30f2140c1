import { describe, expect, it } from "vitest";
import { fromHex, type PrimitiveValue, utf8 } from "../values";
import { applyTransform } from "./apply";

const INTEGER_W10: [number, number][] = [
  [1, 0],
  [5, 0],
  [9, 0],
  [10, 10],
  [11, 10],
  [-1, -10],
  [-10, -10],
  [-12, -20],
  [0, 0],
];

// spec-vectors.md §3 — truncate[W]
const SECTION_3: [type: string, width: number, input: PrimitiveValue, output: PrimitiveValue][] = [
  ...INTEGER_W10.map(([i, o]): [string, number, PrimitiveValue, PrimitiveValue] => [
    "int",
    10,
    i,
    o,
  ]),
  ...INTEGER_W10.map(([i, o]): [string, number, PrimitiveValue, PrimitiveValue] => [
    "long",
    10,
    BigInt(i),
    BigInt(o),
  ]),
  ["decimal(9,2)", 10, 1234n, 1230n],
  ["decimal(9,2)", 10, 1230n, 1230n],
  ["decimal(9,2)", 10, 1229n, 1220n],
  ["decimal(9,2)", 10, 5n, 0n],
  ["decimal(9,2)", 10, -5n, -10n],
  ["decimal(9,2)", 10, 0n, 0n],
  ["decimal(9,2)", 50, 1065n, 1050n],
  ["string", 5, "abcdefg", "abcde"],
  ["string", 5, "abc", "abc"],
  ["string", 5, "", ""],
  ["string", 1, "☃de", "☃"],
  ["string", 1, "foo", "f"],
  ["string", 3, "iceberg", "ice"],
  ["binary", 1, fromHex("00010203"), fromHex("00")],
  ["binary", 1, utf8("☃de"), fromHex("e2")],
  ["binary", 3, fromHex("0102030405"), fromHex("010203")],
];

describe("truncate transform (§3)", () => {
  it.each(SECTION_3)("%s truncate[%i] %o → %o", (type, width, input, output) => {
    expect(applyTransform(`truncate[${width}]`, type, input)).toEqual(output);
  });

  it("never splits a surrogate pair", () => {
    expect(applyTransform("truncate[2]", "string", "💰💰💰")).toBe("💰💰");
  });

  it("maps null to null and refuses other types", () => {
    expect(applyTransform("truncate[3]", "string", null)).toBeNull();
    expect(() => applyTransform("truncate[3]", "fixed[4]", fromHex("00"))).toThrow(/fixed\[4\]/);
    expect(() => applyTransform("truncate[3]", "double", 1.5)).toThrow();
  });
});
