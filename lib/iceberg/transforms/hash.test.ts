import { describe, expect, it } from "vitest";
import { coerceValue, fromHex, type PrimitiveValue, utf8 } from "../values";
import { hashValue } from "./hash";
import { murmur3x86_32 } from "./murmur3";

const ts = (text: string, type = "timestamp") => coerceValue(type, text) as bigint;

// spec-vectors.md §1 — murmur3_x86_32, seed 0 (spec Appendix B)
const SECTION_1: [type: string, value: PrimitiveValue, hash: number][] = [
  ["int", 34, 2017239379],
  ["long", 34n, 2017239379],
  ["decimal(4,2)", 1420n, -500754589],
  ["date", 17486, -653330422],
  ["time", 81068000000n, -662762989],
  ["timestamp", ts("2017-11-16T22:31:08"), -2047944441],
  ["timestamp", ts("2017-11-16T22:31:08.000001"), -1207196810],
  ["timestamptz", ts("2017-11-16T14:31:08-08:00", "timestamptz"), -2047944441],
  ["timestamptz", ts("2017-11-16T14:31:08.000001-08:00", "timestamptz"), -1207196810],
  ["timestamp_ns", ts("2017-11-16T22:31:08.000001001", "timestamp_ns"), -1207196810],
  ["timestamptz_ns", ts("2017-11-16T14:31:08.000001001-08:00", "timestamptz_ns"), -1207196810],
  ["string", "iceberg", 1210000089],
  ["uuid", "f79c3e09-677c-4bbd-a479-3f349cb785e7", 1488055340],
  ["fixed[4]", fromHex("00010203"), -188683207],
  ["binary", fromHex("00010203"), -188683207],
  ["boolean", true, 1392991556],
  ["float", 1.0, -142385009],
  ["double", 1.0, -142385009],
  ["float", 0.0, 1669671676],
  ["float", -0.0, 1669671676],
  ["double", 0.0, 1669671676],
  ["double", -0.0, 1669671676],
];

describe("32-bit hash (§1)", () => {
  it.each(SECTION_1)("%s %o → %i", (type, value, hash) => {
    expect(hashValue(type, value)).toBe(hash);
  });

  it("hashes astral characters through UTF-8, not UTF-16 (PyIceberg)", () => {
    // expected values from an independent Python murmur3 over s.encode("utf-8")
    expect(hashValue("string", "💰")).toBe(-1486360756);
    expect(hashValue("string", "string with a surrogate pair: 💰")).toBe(-1601900220);
    expect(murmur3x86_32(utf8("💰"))).toBe(-1486360756);
  });

  it("hashes the decimal's minimal bytes 05 8C", () => {
    expect(murmur3x86_32(fromHex("058c"))).toBe(-500754589);
  });

  it("canonicalizes NaN", () => {
    expect(hashValue("double", Number.NaN)).toBe(hashValue("double", -Number.NaN));
  });

  it("handles every tail length", () => {
    const seen = new Set<number>();
    for (let n = 0; n <= 8; n++) seen.add(murmur3x86_32(new Uint8Array(n).fill(7)));
    expect(seen.size).toBe(9);
    expect(murmur3x86_32(new Uint8Array())).toBe(0);
  });
});
