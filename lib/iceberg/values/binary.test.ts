import { describe, expect, it } from "vitest";
import { fromBinary, toBinary } from "./binary";
import { fromHex, toHex, utf8 } from "./bytes";
import type { PrimitiveValue } from "./value";

// spec-vectors.md §6 — binary single-value serialization (Java TestConversions)
const SECTION_6: [type: string, value: PrimitiveValue, hex: string][] = [
  ["boolean", false, "00"],
  ["boolean", true, "01"],
  ["int", 84202, "ea480100"],
  ["long", 200n, "c800000000000000"],
  ["float", -4.5, "000090c0"],
  ["double", 6.0, "0000000000001840"],
  ["date", 1000, "e8030000"],
  ["time", 10000n, "1027000000000000"],
  ["timestamp", 400000n, "801a060000000000"],
  ["timestamptz", 400000n, "801a060000000000"],
  ["timestamp_ns", 400000000n, "0084d71700000000"],
  ["timestamptz_ns", 400000000n, "0084d71700000000"],
  ["string", "ABC", "414243"],
  ["uuid", "f79c3e09-677c-4bbd-a479-3f349cb785e7", "f79c3e09677c4bbda4793f349cb785e7"],
  ["fixed[2]", utf8("ab"), "6162"],
  ["binary", utf8("Z"), "5a"],
  ["decimal(3,2)", 345n, "0159"],
  ["decimal(7,4)", 1234567n, "12d687"],
  ["decimal(7,4)", -1234567n, "ed2979"],
  ["decimal(10,3)", 11n, "0b"],
  // real files: hive_partitioned_table summary (2024-01-01), PyIceberg date bound (2021-01-01)
  ["date", 19723, "0b4d0000"],
  ["date", 18628, "c4480000"],
];

describe("binary single-value serialization (§6)", () => {
  it.each(SECTION_6)("%s %o ⇄ %s", (type, value, hex) => {
    expect(toHex(toBinary(type, value))).toBe(hex);
    expect(fromBinary(type, fromHex(hex))).toEqual(value);
  });
});

const ROUND_TRIPS: [string, PrimitiveValue][] = [
  ["int", -(2 ** 31)],
  ["int", 2 ** 31 - 1],
  ["long", -(2n ** 63n)],
  ["long", 2n ** 63n - 1n],
  ["float", Number.POSITIVE_INFINITY],
  ["double", -0],
  ["double", Number.NaN],
  ["date", -719162],
  ["timestamp", -1n],
  ["string", "☃💰é"],
  ["string", ""],
  ["decimal(38,10)", -(10n ** 37n)],
  ["decimal(9,2)", 0n],
  ["decimal(9,2)", -128n],
  ["decimal(9,2)", 128n],
  ["binary", new Uint8Array()],
];

describe("binary round trips", () => {
  it.each(ROUND_TRIPS)("%s %o", (type, value) => {
    expect(fromBinary(type, toBinary(type, value))).toEqual(value);
  });

  it("writes minimum-length decimals at the sign boundaries", () => {
    expect(toHex(toBinary("decimal(9,2)", 127n))).toBe("7f");
    expect(toHex(toBinary("decimal(9,2)", 128n))).toBe("0080");
    expect(toHex(toBinary("decimal(9,2)", -128n))).toBe("80");
    expect(toHex(toBinary("decimal(9,2)", -129n))).toBe("ff7f");
    expect(toHex(toBinary("decimal(9,2)", 0n))).toBe("00");
  });

  it("reads sign-padded decimals (Avro fixed) and promoted int/float bounds", () => {
    expect(fromBinary("decimal(9,2)", fromHex("ffffff7f"))).toBe(-129n);
    expect(fromBinary("long", fromHex("ea480100"))).toBe(84202n);
    expect(fromBinary("double", fromHex("000090c0"))).toBe(-4.5);
  });

  it("reads any non-zero byte as true", () => {
    expect(fromBinary("boolean", fromHex("02"))).toBe(true);
  });

  it("refuses wrong lengths, invalid UTF-8, nested types and wrong values", () => {
    expect(() => fromBinary("int", fromHex("0102"))).toThrow(/4 bytes/);
    expect(() => fromBinary("string", fromHex("ff"))).toThrow(/UTF-8/);
    expect(() => fromBinary("uuid", fromHex("01"))).toThrow(/16 bytes/);
    expect(() => toBinary("int", 1n)).toThrow(/not a int value/);
    expect(() => toBinary("fixed[3]", utf8("ab"))).toThrow(/fixed\[3\]/);
    expect(() => toBinary("unknown", 1)).toThrow();
    expect(() => toBinary("decimal(3,2)", 12345n)).toThrow(/decimal/);
  });
});
