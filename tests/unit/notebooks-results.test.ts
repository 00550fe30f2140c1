import { describe, expect, it } from "vitest";
import { chartData, MAX_SERIES, toNumber } from "@/components/notebooks/chart-data";
import { defaultChart } from "@/components/notebooks/chart-panel";
import { toValue } from "@/components/notebooks/parameter-bar";
import { typeCategory } from "@/components/notebooks/type-icons";
import { type CellRun, errorOffset } from "@/components/notebooks/use-cell-run";

describe("typeCategory", () => {
  it.each([
    ["BIGINT", "number"],
    ["DECIMAL(12,2)", "number"],
    ["DOUBLE", "number"],
    ["VARCHAR", "text"],
    ["DATE", "temporal"],
    ["TIMESTAMP WITH TIME ZONE", "temporal"],
    ["BOOLEAN", "boolean"],
    ["STRUCT(a INTEGER)", "nested"],
    ["INTEGER[]", "nested"],
    ["BIT", "other"],
  ])("%s is %s", (type, category) => {
    expect(typeCategory(type)).toBe(category);
  });
});

describe("chartData", () => {
  const rows = [
    { day: "mon", shop: "a", sales: "10" },
    { day: "mon", shop: "b", sales: 5 },
    { day: "tue", shop: "a", sales: 7 },
  ];

  it("one series per y without a group, numbers from JSON strings (BIGINT, DECIMAL)", () => {
    expect(chartData({ type: "bar", x: "day", y: ["sales"], group: null, statement: 0 }, rows)).toEqual({
      rows: [
        { x: "mon", sales: 10 },
        { x: "mon", sales: 5 },
        { x: "tue", sales: 7 },
      ],
      series: ["sales"],
    });
  });

  it("pivots by group: one row per x, one series per group value", () => {
    expect(chartData({ type: "line", x: "day", y: ["sales"], group: "shop", statement: 0 }, rows)).toEqual({
      rows: [
        { x: "mon", a: 10, b: 5 },
        { x: "tue", a: 7 },
      ],
      series: ["a", "b"],
    });
  });

  it("a pie sums y per x", () => {
    expect(chartData({ type: "pie", x: "day", y: ["sales"], group: null, statement: 0 }, rows).rows).toEqual([
      { name: "mon", value: 15 },
      { name: "tue", value: 7 },
    ]);
  });

  it("keeps at most MAX_SERIES groups", () => {
    const many = Array.from({ length: MAX_SERIES + 5 }, (_, i) => ({ x: 1, g: `g${i}`, y: i }));
    expect(chartData({ type: "bar", x: "x", y: ["y"], group: "g", statement: 0 }, many).series).toHaveLength(MAX_SERIES);
  });

  it.each([
    ["12.5", 12.5],
    ["", null],
    ["abc", null],
    [true, 1],
    [null, null],
    [Number.NaN, null],
  ])("toNumber(%j) is %j", (value, expected) => {
    expect(toNumber(value)).toBe(expected);
  });
});

describe("defaultChart", () => {
  it("takes the first column as x and the first numeric column after it as y", () => {
    const columns = [
      { name: "status", type: "VARCHAR" },
      { name: "label", type: "VARCHAR" },
      { name: "orders", type: "BIGINT" },
    ];
    expect(defaultChart(columns, 2)).toEqual({ type: "bar", x: "status", y: ["orders"], group: null, statement: 2 });
  });

  it("has nothing to draw without columns", () => {
    expect(defaultChart([], 0)).toBeNull();
  });
});

describe("parameter values", () => {
  it.each([
    ["text", "", null],
    ["text", "2024", "2024"],
    ["number", "42.5", 42.5],
    ["number", "", null],
    ["boolean", "true", true],
    ["boolean", "false", false],
  ] as const)("%s %j → %j", (kind, text, value) => {
    expect(toValue(kind, text)).toBe(value);
  });
});

describe("errorOffset", () => {
  const failed = (start: number, error: { message: string; line: number | null; column: number | null }): CellRun => ({
    base: 0,
    startError: null,
    running: false,
    runs: [
      {
        id: "r1",
        start,
        end: start + 10,
        state: { id: "r1", status: "failed", queuePosition: null, columns: [], rowCount: null, rowsAvailable: false, complete: false, durationMs: null, bytesScanned: null, message: null, session: null, error, version: 1 },
      },
    ],
  });

  it("maps the engine's line and column (1-based, in the text sent) to an offset in the cell", () => {
    const text = "SELECT 1;\nSELECT nope\nFROM t";
    expect(errorOffset(text, failed(10, { message: "no column nope", line: 2, column: 8 }))).toEqual({ offset: 17, message: "no column nope" });
  });

  it("counts from where a run selection started", () => {
    const text = "SELECT 1;\nSELECT x";
    const run = { ...failed(0, { message: "bad", line: 1, column: 8 }), base: 10 };
    expect(errorOffset(text, run)?.offset).toBe(17);
  });

  it("without a position, marks the failed statement's start", () => {
    expect(errorOffset("SELECT 1; COPY x", failed(10, { message: "COPY is not allowed", line: null, column: null }))).toEqual({ offset: 10, message: "COPY is not allowed" });
  });
});
