import { describe, expect, it } from "vitest";
import { summarizePartitions } from "./index";

const hex = (bytes?: Uint8Array) => (bytes ? Buffer.from(bytes).toString("hex") : undefined);

function summarize(
  type: string,
  values: (boolean | number | bigint | string | Uint8Array | null)[],
) {
  const [summary] = summarizePartitions(
    [{ fieldId: 1000, name: "p", type }],
    values.map((v) => new Map([[1000, v]])),
  );
  return { ...summary, lowerBound: hex(summary.lowerBound), upperBound: hex(summary.upperBound) };
}

describe("summarizePartitions", () => {
  it("ints: least and greatest, little-endian", () => {
    expect(summarize("int", [5, -1, 300])).toEqual({
      containsNull: false,
      containsNan: false,
      lowerBound: "ffffffff",
      upperBound: "2c010000",
    });
  });

  it("nulls only: containsNull and no bounds", () => {
    expect(summarize("date", [null, null])).toEqual({
      containsNull: true,
      containsNan: false,
      lowerBound: undefined,
      upperBound: undefined,
    });
  });

  it("doubles: NaN is flagged, not a bound; -0.0 sorts before +0.0", () => {
    expect(summarize("double", [0, Number.NaN, -0, null])).toEqual({
      containsNull: true,
      containsNan: true,
      lowerBound: "0000000000000080", // -0.0
      upperBound: "0000000000000000", // +0.0
    });
  });

  it("decimals: unscaled values compared as numbers, bounds in minimal bytes", () => {
    expect(summarize("decimal(9, 2)", [1420n, -5n, 345n])).toMatchObject({
      lowerBound: "fb",
      upperBound: "058c",
    });
  });

  it("strings: code-point order, UTF-8 bounds without a length prefix", () => {
    expect(summarize("string", ["b", "\uffff", "😀", "a"])).toMatchObject({
      lowerBound: "61",
      upperBound: "f09f9880",
    });
  });

  it("longs beyond 2^53, uuids and binary", () => {
    expect(summarize("long", [9_007_199_254_740_993n, 1n])).toMatchObject({
      upperBound: "0100000000002000",
    });
    expect(
      summarize("uuid", [
        "f79c3e09-677c-4bbd-a479-3f349cb785e7",
        "00000000-0000-0000-0000-000000000001",
      ]),
    ).toMatchObject({
      lowerBound: "00000000000000000000000000000001",
      upperBound: "f79c3e09677c4bbda4793f349cb785e7",
    });
    expect(summarize("binary", [Uint8Array.of(2), Uint8Array.of(1, 255)])).toMatchObject({
      lowerBound: "01ff",
      upperBound: "02",
    });
  });

  it("a field missing from a partition map counts as null", () => {
    const [summary] = summarizePartitions([{ fieldId: 1000, name: "p", type: "int" }], [new Map()]);
    expect(summary.containsNull).toBe(true);
  });
});
