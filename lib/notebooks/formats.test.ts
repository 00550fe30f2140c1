import { describe, expect, it } from "vitest";
import { fromIpynb, toIpynb } from "./ipynb";
import { fromSqlFile, toSqlFile } from "./sql-file";
import type { NotebookDocument } from "./types";

const DOC: NotebookDocument = {
  title: "Revenue by month",
  catalog: "demo",
  namespace: ["sales"],
  parameters: { year: 2024, country: "NL", recent: true },
  cells: [
    { kind: "markdown", source: "# Revenue\n\nPer month, in **EUR**.\n- one\n-- two", chart: null },
    { kind: "sql", source: "SELECT date_trunc('month', order_date) AS month, sum(total_amount) AS revenue\nFROM orders\nWHERE year(order_date) = :year\nGROUP BY 1", chart: { type: "bar", x: "month", y: ["revenue"], group: null, statement: 0 } },
    { kind: "sql", source: "-- a comment inside SQL\nSELECT 1;\n\nSELECT 2", chart: null },
    { kind: "markdown", source: "", chart: null },
    { kind: "sql", source: "", chart: null },
  ],
};

describe(".sql files", () => {
  it("round-trips cells, kinds, charts, title, context and parameters", () => {
    expect(fromSqlFile(toSqlFile(DOC), "fallback")).toEqual(DOC);
  });

  it("writes markers and Markdown as comments, so the file still runs as a script", () => {
    const text = toSqlFile(DOC);
    expect(text).toContain("-- %% [markdown]\n-- # Revenue\n--\n-- Per month");
    expect(text).toContain('-- %% [sql] {"chart":{"type":"bar"');
    expect(text.split("\n").filter((l) => !l.startsWith("--") && l.trim() !== "")[0]).toMatch(/^SELECT/);
  });

  it("reads a plain SQL file as one cell titled after the file", () => {
    expect(fromSqlFile("SELECT 1;\nSELECT 2;\n", "queries")).toEqual({ title: "queries", catalog: null, namespace: null, parameters: {}, cells: [{ kind: "sql", source: "SELECT 1;\nSELECT 2;", chart: null }] });
  });

  it("ignores a broken chart or settings line instead of failing", () => {
    const doc = fromSqlFile('-- tarn: {"catalog": 3}\n-- %% [sql] {"chart":{"type":"donut"}}\nSELECT 1', "x");
    expect(doc).toMatchObject({ catalog: null, cells: [{ kind: "sql", source: "SELECT 1", chart: null }] });
  });

  it("an empty file is a notebook with one empty SQL cell", () => {
    expect(fromSqlFile("", "empty").cells).toEqual([{ kind: "sql", source: "", chart: null }]);
  });
});

describe(".ipynb files", () => {
  it("round-trips cells, kinds, charts, title, context and parameters", () => {
    expect(fromIpynb(toIpynb(DOC), "fallback")).toEqual(DOC);
  });

  it("writes nbformat 4 with SQL code cells marked by %%sql and metadata", () => {
    const nb = JSON.parse(toIpynb(DOC));
    expect(nb).toMatchObject({ nbformat: 4, metadata: { kernelspec: { language: "sql" } } });
    expect(nb.cells[1]).toMatchObject({ cell_type: "code", metadata: { language: "sql" }, outputs: [], execution_count: null });
    expect(nb.cells[1].source[0]).toBe("%%sql\n");
    expect(nb.cells[0]).toMatchObject({ cell_type: "markdown", source: ["# Revenue\n", "\n", "Per month, in **EUR**.\n", "- one\n", "-- two"] });
    expect(nb.cells.every((c: { id?: string }) => typeof c.id === "string")).toBe(true);
  });

  it("reads a Python notebook's %%sql cells as SQL and keeps other code as Markdown", () => {
    const nb = {
      nbformat: 4,
      nbformat_minor: 4,
      metadata: { kernelspec: { name: "python3", language: "python" } },
      cells: [
        { cell_type: "code", source: ["%%sql duckdb://\n", "SELECT 42"], metadata: {}, outputs: [] },
        { cell_type: "code", source: "import pandas", metadata: {}, outputs: [] },
        { cell_type: "code", source: "SELECT 7", metadata: { vscode: { languageId: "sql" } }, outputs: [] },
        { cell_type: "raw", source: "plain", metadata: {} },
      ],
    };
    expect(fromIpynb(JSON.stringify(nb), "analysis")).toEqual({
      title: "analysis",
      catalog: null,
      namespace: null,
      parameters: {},
      cells: [
        { kind: "sql", source: "SELECT 42", chart: null },
        { kind: "markdown", source: "```\nimport pandas\n```", chart: null },
        { kind: "sql", source: "SELECT 7", chart: null },
        { kind: "markdown", source: "plain", chart: null },
      ],
    });
  });

  it.each([
    ["not JSON", "{", "not valid JSON"],
    ["nbformat 3", JSON.stringify({ nbformat: 3, worksheets: [] }), "nbformat 4"],
    ["a JSON array", "[]", "nbformat 4"],
  ])("refuses %s with a readable message", (_, text, message) => {
    expect(() => fromIpynb(text, "x")).toThrow(message);
  });
});
