import { describe, expect, it } from "vitest";
import { canonicalPrimitiveType, minFormatVersion, parsePrimitiveType } from "./primitive-types";

describe("primitive type names", () => {
  it.each([
    ["boolean", "boolean"],
    ["LONG", "long"],
    [" string ", "string"],
    ["decimal(9,2)", "decimal(9, 2)"],
    ["decimal( 38 , 0 )", "decimal(38, 0)"],
    ["fixed[16]", "fixed[16]"],
    ["fixed[ 3 ]", "fixed[3]"],
    ["timestamptz_ns", "timestamptz_ns"],
    ["unknown", "unknown"],
    ["variant", "variant"],
    ["geometry", "geometry"],
    ["geometry(OGC:CRS84)", "geometry"],
    ["geometry(srid:4326)", "geometry(srid:4326)"],
    ["geography", "geography"],
    ["geography(srid:4326)", "geography(srid:4326)"],
    ["geography(srid:4326, Vincenty)", "geography(srid:4326, vincenty)"],
    ["geography(OGC:CRS84, spherical)", "geography"],
  ])("%j → %s", (text, canonical) => {
    expect(canonicalPrimitiveType(text)).toBe(canonical);
  });

  it.each([
    ["int64", "unknown primitive type"],
    ["decimal(0, 0)", "decimal precision must be between 1 and 38"],
    ["decimal(39, 2)", "decimal precision must be between 1 and 38"],
    ["decimal(9)", "unknown primitive type"],
    ["fixed[0]", "fixed length must be positive"],
    ["fixed(16)", "unknown primitive type"],
    ["geography(srid:4326, flat)", 'unknown edge algorithm "flat"'],
    ["struct", "unknown primitive type"],
  ])("refuses %j", (text, reason) => {
    expect(parsePrimitiveType(text)).toContain(reason);
  });

  it.each([
    ["long", 1],
    ["decimal(9, 2)", 1],
    ["timestamp_ns", 3],
    ["timestamptz_ns", 3],
    ["unknown", 3],
    ["variant", 3],
    ["geometry", 3],
    ["geography", 3],
  ])("%s needs format v%i", (text, version) => {
    const info = parsePrimitiveType(text);
    if (typeof info === "string") throw new Error(info);
    expect(minFormatVersion(info)).toBe(version);
  });
});
