import { describe, expect, it } from "vitest";
import { applyTransform } from "./apply";
import { canTransform, resultType } from "./result-type";
import { dedupName, parseTransform, transformToString } from "./transform";

describe("parseTransform", () => {
  it.each([
    ["identity", { kind: "identity" }],
    ["bucket[16]", { kind: "bucket", numBuckets: 16 }],
    ["truncate[4]", { kind: "truncate", width: 4 }],
    ["year", { kind: "year" }],
    ["month", { kind: "month" }],
    ["day", { kind: "day" }],
    ["hour", { kind: "hour" }],
    ["void", { kind: "void" }],
    ["Bucket[ 8 ]", { kind: "bucket", numBuckets: 8 }],
    ["zorder", { kind: "unknown", text: "zorder" }],
    ["geohash[3]", { kind: "unknown", text: "geohash[3]" }],
  ])("%s", (text, parsed) => {
    expect(parseTransform(text)).toEqual(parsed);
  });

  it("round-trips to the JSON string", () => {
    for (const text of ["identity", "bucket[16]", "truncate[4]", "year", "void", "zorder"]) {
      expect(transformToString(parseTransform(text))).toBe(text);
    }
  });

  it("refuses malformed parameters", () => {
    expect(() => parseTransform("bucket[0]")).toThrow(/positive/);
    expect(() => parseTransform("truncate[-1]")).toThrow(/positive/);
  });

  it("keeps unknown transforms readable but not applicable", () => {
    expect(resultType("zorder", "int")).toBe("string");
    expect(canTransform("zorder", "int")).toBe(true);
    expect(() => applyTransform("zorder", "int", 1)).toThrow(/unknown transform "zorder"/);
  });

  it("gives time transforms one dedup name", () => {
    expect(dedupName("day")).toBe("time");
    expect(dedupName("hour")).toBe("time");
    expect(dedupName("bucket[4]")).toBe("bucket[4]");
    expect(dedupName("identity")).toBe("identity");
  });
});

describe("resultType and canTransform", () => {
  it.each([
    ["identity", "decimal(9,2)", "decimal(9,2)"],
    ["bucket[4]", "string", "int"],
    ["truncate[4]", "binary", "binary"],
    ["year", "timestamp", "int"],
    ["month", "date", "int"],
    ["day", "timestamptz_ns", "date"],
    ["hour", "timestamptz", "int"],
    ["void", "uuid", "uuid"],
  ])("%s of %s is %s", (transform, source, result) => {
    expect(resultType(transform, source)).toBe(result);
  });

  it.each([
    ["bucket[2]", "float", false],
    ["bucket[2]", "uuid", true],
    ["truncate[2]", "uuid", false],
    ["truncate[2]", "decimal(9,2)", true],
    ["hour", "date", false],
    ["day", "time", false],
    ["identity", "variant", false],
    ["void", "variant", true],
  ])("%s on %s: %s", (transform, type, ok) => {
    expect(canTransform(transform, type)).toBe(ok);
  });

  it("refuses a result type for a source the transform cannot take", () => {
    expect(() => resultType("hour", "date")).toThrow(/Cannot apply hour to a date/);
  });

  it("maps everything to null under void", () => {
    expect(applyTransform("void", "int", 5)).toBeNull();
  });
});
