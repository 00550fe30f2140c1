import { describe, expect, it } from "vitest";
import type { IcebergType } from "../spec/types";
import { fromHex } from "./bytes";
import { fromJson, toJson, toJsonText } from "./json";
import type { IcebergValue } from "./value";

const listOfInt: IcebergType = {
  type: "list",
  elementId: 3,
  element: "int",
  elementRequired: true,
};
const mapIntString: IcebergType = {
  type: "map",
  keyId: 4,
  key: "int",
  valueId: 5,
  value: "string",
  valueRequired: false,
};
const struct45: IcebergType = {
  type: "struct",
  fields: [
    { id: 4, name: "a", required: true, type: "int" },
    { id: 5, name: "b", required: false, type: "string" },
  ],
};

// spec-vectors.md §7 — JSON single-value serialization (spec + Java TestSingleValueParser)
const SECTION_7: [type: IcebergType, value: IcebergValue, json: unknown][] = [
  ["boolean", true, true],
  ["int", 1, 1],
  ["long", 9999999n, 9999999],
  ["float", 1.23, 1.23],
  ["double", 123.456, 123.456],
  ["decimal(9,4)", 1234500n, "123.4500"],
  ["decimal(9,0)", 2n, "2"],
  ["decimal(9,-20)", 2n, "2E+20"],
  ["date", 13850, "2007-12-03"],
  ["time", 36930000000n, "10:15:30"],
  ["time", 81068123456n, "22:31:08.123456"],
  ["timestamp", 1196676930000000n, "2007-12-03T10:15:30"],
  ["timestamptz", 1196676930000000n, "2007-12-03T10:15:30+00:00"],
  ["timestamp_ns", 1196676930123456789n, "2007-12-03T10:15:30.123456789"],
  ["timestamptz_ns", 1196676930123456789n, "2007-12-03T10:15:30.123456789+00:00"],
  ["string", "foo", "foo"],
  ["uuid", "eb26bdb1-a1d8-4aa6-990e-da940875492c", "eb26bdb1-a1d8-4aa6-990e-da940875492c"],
  ["fixed[2]", fromHex("111f"), "111f"],
  ["binary", fromHex("0000ff"), "0000ff"],
  [listOfInt, [1, 2, 3], [1, 2, 3]],
  [
    mapIntString,
    new Map<IcebergValue, IcebergValue>([
      [1, "foo"],
      [2, "bar"],
    ]),
    { keys: [1, 2], values: ["foo", "bar"] },
  ],
  [
    struct45,
    new Map<number, IcebergValue>([
      [4, 1],
      [5, "bar"],
    ]),
    { "4": 1, "5": "bar" },
  ],
];

describe("JSON single-value serialization (§7)", () => {
  it.each(SECTION_7)("%o %o ⇄ %o", (type, value, json) => {
    expect(toJson(type, value)).toEqual(json);
    expect(fromJson(type, json)).toEqual(value);
  });
});

describe("JSON reading and writing beyond the vectors", () => {
  it("reads timestamps with other offsets and Z, converting to UTC", () => {
    expect(fromJson("timestamptz", "2017-11-16T14:31:08-08:00")).toBe(1510871468000000n);
    expect(fromJson("timestamptz", "2017-11-16T22:31:08Z")).toBe(1510871468000000n);
  });

  it("insists on the zone rules of the spec", () => {
    expect(() => fromJson("timestamptz", "2007-12-03T10:15:30")).toThrow(/zone offset/);
    expect(() => fromJson("timestamp", "2007-12-03T10:15:30+00:00")).toThrow(/must not/);
    expect(() => fromJson("timestamp", "2007-12-03T10:15:30.1234567")).toThrow(/precise/);
  });

  it("reads decimals written at another scale when no digit is lost", () => {
    expect(fromJson("decimal(9,2)", "14.2")).toBe(1420n);
    expect(fromJson("decimal(9,-20)", "1.2E+21")).toBe(12n);
    expect(() => fromJson("decimal(9,2)", "14.205")).toThrow(/digits after the point/);
  });

  it("writes pre-epoch values and negative decimals", () => {
    expect(toJson("date", -1)).toBe("1969-12-31");
    expect(toJson("timestamp", -1n)).toBe("1969-12-31T23:59:59.999999");
    expect(toJson("decimal(9,2)", -5n)).toBe("-0.05");
    expect(toJson("decimal(9,-2)", -5n)).toBe("-5E+2");
  });

  it("writes NaN and infinities as Java does, and reads them back", () => {
    expect(toJson("double", Number.NaN)).toBe("NaN");
    expect(fromJson("float", "-Infinity")).toBe(Number.NEGATIVE_INFINITY);
  });

  it("writes floats decoded from 4 bytes the short way", () => {
    expect(toJson("float", Math.fround(1.23))).toBe(1.23);
    expect(toJson("float", Math.fround(-4.5e-7))).toBe(-4.5e-7);
    expect(toJson("double", Math.fround(1.23))).toBe(Math.fround(1.23));
  });

  it("keeps longs beyond 2^53 exact", () => {
    const big = 2n ** 62n + 1n;
    expect(toJson("long", big)).toBe(big);
    expect(toJsonText("long", big)).toBe("4611686018427387905");
    expect(fromJson("long", big)).toBe(big);
    expect(toJsonText(listOfInt, [1, 2])).toBe("[1,2]");
  });

  it("normalizes uuid case and refuses wrong shapes", () => {
    expect(fromJson("uuid", "EB26BDB1-A1D8-4AA6-990E-DA940875492C")).toBe(
      "eb26bdb1-a1d8-4aa6-990e-da940875492c",
    );
    expect(() => fromJson("int", "1")).toThrow(/not JSON for a int/);
    expect(() => fromJson("int", 2 ** 31)).toThrow();
    expect(() => fromJson("fixed[2]", "00")).toThrow();
    expect(() => fromJson(struct45, { "5": "x" })).toThrow(/Required field 4/);
    expect(() => fromJson(mapIntString, { keys: [1], values: [] })).toThrow(/one length/);
  });

  it("maps null both ways", () => {
    expect(toJson("int", null)).toBeNull();
    expect(fromJson("int", null)).toBeNull();
    expect(fromJson(struct45, { "4": 7 })).toEqual(
      new Map<number, IcebergValue>([
        [4, 7],
        [5, null],
      ]),
    );
  });
});
