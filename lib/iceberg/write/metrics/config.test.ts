import { describe, expect, it } from "vitest";
import type { Schema } from "../../spec/types";
import { metricsModes, parseMetricsMode } from "./config";

const SCHEMA: Schema = {
  type: "struct",
  schemaId: 0,
  fields: [
    { id: 1, name: "a", required: true, type: "long" },
    {
      id: 2,
      name: "s",
      required: false,
      type: { type: "struct", fields: [{ id: 3, name: "b", required: false, type: "string" }] },
    },
  ],
};

describe("metrics modes", () => {
  it.each([
    ["none", { kind: "none" }],
    ["counts", { kind: "counts" }],
    ["full", { kind: "full" }],
    ["truncate(8)", { kind: "truncate", length: 8 }],
    [" Truncate(2) ", { kind: "truncate", length: 2 }],
  ])("parses %s", (text, mode) => expect(parseMetricsMode(text)).toEqual(mode));

  it.each(["truncate(0)", "truncate", "some"])("refuses %s", (text) =>
    expect(() => parseMetricsMode(text)).toThrow(),
  );

  it("per column by full name over the default", () => {
    const modes = metricsModes(
      { "write.metadata.metrics.default": "counts", "write.metadata.metrics.column.s.b": "full" },
      SCHEMA,
    );
    expect(modes).toEqual(
      new Map([
        [1, { kind: "counts" }],
        [3, { kind: "full" }],
      ]),
    );
  });

  it("truncate(16) by default", () => {
    expect(metricsModes({}, SCHEMA).get(1)).toEqual({ kind: "truncate", length: 16 });
  });
});
