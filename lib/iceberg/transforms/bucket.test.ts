import { describe, expect, it } from "vitest";
import { fromHex, type PrimitiveValue, utf8 } from "../values";
import { applyTransform } from "./apply";

// spec-vectors.md §2 — bucket[N] (PyIceberg test_buckets)
const SECTION_2: [n: number, type: string, value: PrimitiveValue, bucket: number][] = [
  [2, "int", 0, 0],
  [100, "int", 34, 79],
  [100, "long", 34n, 79],
  [100, "date", 17486, 26],
  [100, "time", 81068000000n, 59],
  [100, "timestamp", 1510871468000000n, 7],
  [100, "decimal(9,2)", 1420n, 59],
  [100, "string", "iceberg", 89],
  [100, "uuid", "f79c3e09-677c-4bbd-a479-3f349cb785e7", 40],
  [128, "fixed[3]", utf8("foo"), 32],
  [128, "binary", fromHex("00010203"), 57],
  [10, "int", 1, 6],
];

describe("bucket transform (§2)", () => {
  it.each(SECTION_2)("bucket[%i] of %s %o → %i", (n, type, value, bucket) => {
    expect(applyTransform(`bucket[${n}]`, type, value)).toBe(bucket);
  });

  it("maps null to null", () => {
    expect(applyTransform("bucket[16]", "int", null)).toBeNull();
  });

  it("puts int and long, timestamp and timestamp_ns, in the same bucket", () => {
    for (const v of [-5, 0, 7, 2 ** 31 - 1]) {
      expect(applyTransform("bucket[7]", "int", v)).toBe(
        applyTransform("bucket[7]", "long", BigInt(v)),
      );
    }
    expect(applyTransform("bucket[7]", "timestamp_ns", 1510871468000001999n)).toBe(
      applyTransform("bucket[7]", "timestamp", 1510871468000001n),
    );
  });

  it("refuses types the spec does not bucket", () => {
    expect(() => applyTransform("bucket[4]", "double", 1)).toThrow(
      /Cannot apply bucket\[4\] to a double/,
    );
    expect(() => applyTransform("bucket[4]", "boolean", true)).toThrow();
  });
});
