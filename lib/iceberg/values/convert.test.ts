import { describe, expect, it } from "vitest";
import { fromHex } from "./bytes";
import { coerceValue } from "./convert";

describe("coerceValue", () => {
  it.each([
    ["int", 5, 5],
    ["int", 5n, 5],
    ["int", "-7", -7],
    ["long", 5, 5n],
    ["long", "9223372036854775807", 9223372036854775807n],
    ["double", 3n, 3],
    ["decimal(9,2)", 1420n, 1420n],
    ["decimal(9,2)", 14.2, 1420n],
    ["decimal(9,2)", "-0.05", -5n],
    ["decimal(9,2)", fromHex("058c"), 1420n],
    ["decimal(9,2)", { value: 142n, scale: 1, width: 9 }, 1420n],
    ["date", "2017-11-16", 17486],
    ["date", new Date(Date.UTC(1969, 11, 31, 12)), -1],
    ["date", { days: 17486 }, 17486],
    ["time", "22:31:08", 81068000000n],
    ["time", { micros: 5n }, 5n],
    ["timestamp", "2017-11-16T22:31:08", 1510871468000000n],
    ["timestamp", "2017-11-16 22:31:08.000001", 1510871468000001n],
    ["timestamptz", "2017-11-16T14:31:08-08:00", 1510871468000000n],
    ["timestamptz", new Date(Date.UTC(2017, 10, 16, 22, 31, 8)), 1510871468000000n],
    ["timestamptz", { micros: 7n }, 7n],
    ["timestamp_ns", { micros: 7n }, 7000n],
    ["timestamp", { nanos: -1n }, -1n],
    ["timestamp_ns", "2017-11-16T22:31:08.000001001", 1510871468000001001n],
    ["uuid", "F79C3E09-677C-4BBD-A479-3F349CB785E7", "f79c3e09-677c-4bbd-a479-3f349cb785e7"],
    ["uuid", fromHex("f79c3e09677c4bbda4793f349cb785e7"), "f79c3e09-677c-4bbd-a479-3f349cb785e7"],
    ["binary", { bytes: fromHex("01") }, fromHex("01")],
    ["fixed[1]", fromHex("01").buffer, fromHex("01")],
  ])("%s from %o", (type, input, expected) => {
    expect(coerceValue(type, input)).toEqual(expected);
  });

  it("passes null and undefined through as null", () => {
    expect(coerceValue("int", undefined)).toBeNull();
    expect(coerceValue("string", null)).toBeNull();
  });

  it.each([
    ["int", 1.5],
    ["int", 2 ** 31],
    ["boolean", 1],
    ["string", 5],
    ["decimal(9,2)", 1.005],
    ["decimal(3,2)", 123.45],
    ["date", "2017-02-30"],
    ["uuid", "nope"],
    ["fixed[2]", fromHex("01")],
    ["long", 2n ** 64n],
  ])("refuses %s from %o", (type, input) => {
    expect(() => coerceValue(type, input)).toThrow();
  });
});
