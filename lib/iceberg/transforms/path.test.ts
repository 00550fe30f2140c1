import { describe, expect, it } from "vitest";
import type { PartitionSpec, Schema } from "../spec/types";
import { coerceValue } from "../values";
import { applyTransform } from "./apply";
import { defaultPartitionName } from "./names";
import { partitionPathForSpec, partitionStructType } from "./partition-type";
import { escapePathPart, partitionPath } from "./path";

const schema = (tsType: string): Schema => ({
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "id", required: true, type: "int" },
    { id: 2, name: "data", required: false, type: "string" },
    { id: 3, name: "ts", required: false, type: tsType },
  ],
});

const hourAndBucket: PartitionSpec = {
  specId: 0,
  fields: [
    { sourceId: 3, fieldId: 1000, name: "ts_hour", transform: "hour" },
    { sourceId: 1, fieldId: 1001, name: "id_bucket", transform: "bucket[10]" },
  ],
};

// spec-vectors.md §5 — partition paths (Java TestPartitionPaths)
describe("partition paths (§5)", () => {
  it.each([
    ["timestamp", "2017-12-01T10:12:55.038194", "ts_hour=2017-12-01-10/id_bucket=6"],
    ["timestamptz_ns", "2017-12-01T10:12:55.038194789-08:00", "ts_hour=2017-12-01-18/id_bucket=6"],
  ])("hour(ts), bucket[10](id) on %s %s → %s", (tsType, ts, path) => {
    const values = [
      applyTransform("hour", tsType, coerceValue(tsType, ts)),
      applyTransform("bucket[10]", "int", 1),
    ];
    expect(partitionPathForSpec(hourAndBucket, schema(tsType), values)).toBe(path);
  });

  it("escapes values: identity and truncate[10] of a/b/c/d", () => {
    const fields = [
      { name: "data", transform: "identity", sourceType: "string" },
      { name: "data_trunc", transform: "truncate[10]", sourceType: "string" },
    ];
    const v = "a/b/c/d";
    const values = [
      applyTransform("identity", "string", v),
      applyTransform("truncate[10]", "string", v),
    ];
    expect(partitionPath(fields, values)).toBe("data=a%2Fb%2Fc%2Fd/data_trunc=a%2Fb%2Fc%2Fd");
  });

  it('escapes names: a field called "esc"#1', () => {
    const fields = [{ name: '"esc"#1', transform: "identity", sourceType: "string" }];
    expect(partitionPath(fields, ["a/b/c/d"])).toBe("%22esc%22%231=a%2Fb%2Fc%2Fd");
  });

  it.each([
    ["identity", "col", "col", "col"],
    ["bucket[16]", "col", "col_bucket", "col_bucket_16"],
    ["truncate[4]", "col", "col_trunc", "col_trunc_4"],
    ["year", "col", "col_year", "col_year"],
    ["month", "col", "col_month", "col_month"],
    ["day", "col", "col_day", "col_day"],
    ["hour", "col", "col_hour", "col_hour"],
    ["void", "col", "col_null", "col_null"],
  ])(
    "default name of %s(%s) is %s (builder) / %s (evolution)",
    (transform, col, builder, evolution) => {
      expect(defaultPartitionName(transform, col, { withParameter: false })).toBe(builder);
      expect(defaultPartitionName(transform, col)).toBe(evolution);
    },
  );
});

describe("partition path details", () => {
  it("writes null as the string null, and URL-encodes like Java's URLEncoder", () => {
    expect(partitionPath([{ name: "x", transform: "identity", sourceType: "int" }], [null])).toBe(
      "x=null",
    );
    expect(escapePathPart("a b*c.d-e_f~g!h(i)'☃")).toBe("a+b*c.d-e_f%7Eg%21h%28i%29%27%E2%98%83");
  });

  it("builds the partition struct from result types", () => {
    const spec: PartitionSpec = {
      specId: 1,
      fields: [
        { sourceId: 3, fieldId: 1000, name: "ts_day", transform: "day" },
        { sourceId: 2, fieldId: 1001, name: "data_trunc", transform: "truncate[2]" },
        { sourceId: 1, fieldId: 1002, name: "id_x", transform: "zorder" },
      ],
    };
    expect(
      partitionStructType(spec, schema("timestamptz")).fields.map((f) => [f.id, f.type]),
    ).toEqual([
      [1000, "date"],
      [1001, "string"],
      [1002, "string"],
    ]);
    expect(() =>
      partitionStructType(
        { specId: 2, fields: [{ ...spec.fields[0], sourceId: 9 }] },
        schema("date"),
      ),
    ).toThrow(/source column 9/);
  });
});
