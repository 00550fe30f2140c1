import { describe, expect, it } from "vitest";
import type { PrimitiveValue } from "../values";
import { applyTransform } from "./apply";
import { toHumanString } from "./human";

const TS = 1512151975038194n; // 2017-12-01T18:12:55.038194

// spec-vectors.md §4 — year/month/day/hour (PyIceberg test_time_apply_method and friends)
const SECTION_4: [
  transform: string,
  type: string,
  input: PrimitiveValue,
  output: number,
  human: string | null,
][] = [
  ["day", "date", 17501, 17501, "2017-12-01"],
  ["month", "date", 17501, 575, "2017-12"],
  ["year", "date", 17501, 47, "2017"],
  ...["timestamp", "timestamptz"].flatMap(
    (type): [string, string, PrimitiveValue, number, string | null][] => [
      ["year", type, TS, 47, null],
      ["month", type, TS, 575, null],
      ["day", type, TS, 17501, null],
      ["hour", type, TS, 420042, "2017-12-01-18"],
    ],
  ),
  ["year", "date", -1, -1, "1969"],
  ["month", "date", -1, -1, "1969-12"],
  ["day", "date", -1, -1, "1969-12-31"],
  ["year", "timestamp", -1n, -1, "1969"],
  ["month", "timestamp", -1n, -1, "1969-12"],
  ["day", "timestamp", -1n, -1, "1969-12-31"],
  ["hour", "timestamp", -1n, -1, "1969-12-31-23"],
  ["hour", "timestamptz_ns", -1n, -1, "1969-12-31-23"],
  ["year", "date", 0, 0, "1970"],
  ["month", "date", 0, 0, "1970-01"],
  ["day", "date", 0, 0, "1970-01-01"],
  ["year", "timestamp", 0n, 0, "1970"],
  ["month", "timestamp", 0n, 0, "1970-01"],
  ["day", "timestamp", 0n, 0, "1970-01-01"],
  ["hour", "timestamp", 0n, 0, "1970-01-01-00"],
];

describe("time transforms (§4)", () => {
  it.each(SECTION_4)("%s of %s %o → %i", (transform, type, input, output, human) => {
    expect(applyTransform(transform, type, input)).toBe(output);
    if (human !== null) expect(toHumanString(transform, type, output)).toBe(human);
  });

  // identity human strings (PyIceberg test_identity_human_string)
  it.each([
    ["date", 17501, "2017-12-01"],
    ["time", 36775038194n, "10:12:55.038194"],
    ["timestamptz", TS, "2017-12-01T18:12:55.038194+00:00"],
    ["timestamp", TS, "2017-12-01T18:12:55.038194"],
    ["long", -1234567890000n, "-1234567890000"],
    ["decimal(9,2)", -150n, "-1.50"],
    ["fixed[3]", new TextEncoder().encode("foo"), "Zm9v"],
    ["string", null, "null"],
    ["float", Math.fround(1.1), "1.1"],
    ["double", 2, "2.0"],
    ["boolean", true, "true"],
  ] as [string, PrimitiveValue | null, string][])(
    "identity human string of %s %o is %s",
    (type, value, human) => {
      expect(toHumanString("identity", type, value)).toBe(human);
    },
  );

  it("floors well before the epoch and handles nanoseconds", () => {
    expect(applyTransform("year", "date", -365)).toBe(-1);
    expect(applyTransform("year", "date", -366)).toBe(-2);
    expect(applyTransform("month", "timestamp", -2_678_400_000_000n)).toBe(-1); // 1969-12-01
    expect(applyTransform("month", "timestamp", -2_678_400_000_001n)).toBe(-2);
    expect(applyTransform("day", "timestamp_ns", 1512151975038194789n)).toBe(17501);
    expect(toHumanString("month", "date", -13)).toBe("1968-12");
  });

  it("refuses hour of a date", () => {
    expect(() => applyTransform("hour", "date", 1)).toThrow(/hour to a date/);
  });
});
