import { describe, expect, it } from "vitest";
import { FULL_READ, SYSTEM } from "@/lib/access";
import type { QueryContext } from "../types";
import { parseSelect } from "./duck-parser";
import { explainError, planQuery, splitStatements } from "./index";
import { secure } from "./relations";
import { walkTree } from "./walk";

async function walk(sql: string) {
  const parsed = await parseSelect(sql);
  if (!parsed.ok) throw new Error(parsed.message);
  return walkTree(parsed.tree, () => undefined);
}

describe("table references and WITH names", () => {
  it.each([
    ["SELECT * FROM t", ["t"]],
    ["SELECT * FROM a.b JOIN c.d.e ON true", ["a.b", "c.d.e"]],
    ["WITH t AS (SELECT 1) SELECT * FROM t", []],
    ["WITH T AS (SELECT 1) SELECT * FROM t", []],
    ["WITH t AS (SELECT * FROM t) SELECT * FROM t", ["t"]],
    ["WITH a AS (SELECT * FROM b), b AS (SELECT 1) SELECT * FROM a", ["b"]],
    ["WITH a AS (SELECT 1), b AS (SELECT * FROM a) SELECT * FROM b", []],
    ["WITH RECURSIVE r AS (SELECT 1 AS x UNION ALL SELECT x + 1 FROM r) SELECT * FROM r", []],
    ["SELECT * FROM (WITH t AS (SELECT 1) SELECT * FROM t) JOIN t ON true", ["t"]],
    ["WITH t AS (SELECT 1) SELECT * FROM s.t", ["s.t"]],
    ["SELECT (SELECT max(x) FROM u) FROM t WHERE EXISTS (FROM v)", ["u", "t", "v"]],
    ["SELECT * FROM range(3), unnest([1, 2])", []],
    ["DESCRIBE t", ["t"]],
    ["SELECT * FROM t$snapshots", ["t$snapshots"]],
  ])("%s", async (sql, tables) => {
    const walked = await walk(sql);
    expect(walked.tables.map((t) => t.parts.join(".")).sort()).toEqual([...tables].sort());
  });

  it("collects parameters, columns and stars", async () => {
    const walked = await walk("SELECT a, t.b FROM t WHERE c = $x");
    expect(walked.parameters.map((p) => p.identifier)).toEqual(["x"]);
    expect([...walked.columns].sort()).toEqual(["a", "b", "c"]);
    expect(walked.star).toBe(false);
    expect((await walk("SELECT count(*) FROM t")).star).toBe(false);
    expect((await walk("SELECT t.* FROM t")).star).toBe(true);
  });
});

describe("refusals in the tree", () => {
  it.each([
    ["SELECT * FROM read_csv('x')", "The table function read_csv() is not allowed: it reads files"],
    ["SELECT * FROM glob('*')", "The table function glob() is not allowed: it reads files"],
    ["SELECT * FROM duckdb_settings()", "The table function duckdb_settings() is not allowed: it reads DuckDB's own catalog"],
    ["SELECT * FROM query('SELECT 1')", "The table function query() is not allowed: it runs SQL"],
    ["SELECT * FROM test_vector_types(1)", "The table function test_vector_types() is not allowed: only range"],
    ["SELECT current_setting('threads')", "The function current_setting() is not allowed"],
    ["SELECT nope_fn(1)", "The function nope_fn() is not allowed: it is not one of DuckDB's built-in functions"],
    ["SELECT duckdb_secret_thing()", "The function duckdb_secret_thing() is not allowed: it reads DuckDB's own catalog"],
    ["SELECT x.main.abs(1)", "The function x.main.abs is not allowed"],
    ["SHOW DATABASES", "SHOW DATABASES is not allowed"],
    ["WITH c AS (SELECT 1) FROM c AT (VERSION => 1)", "c is a WITH query here"],
  ])("%s", async (sql, message) => {
    await expect(walk(sql)).rejects.toThrow(message);
  });

  it.each([
    "SELECT abs(-1), upper('a'), sum(x) OVER (PARTITION BY y), row_number() OVER () FROM t",
    "SELECT date_trunc('day', now()), strftime(current_date, '%Y'), x::DECIMAL(10,2) FROM t",
    "SELECT list_transform([1, 2], x -> x + 1), {'a': 1}.a, [1, 2][1:1], 'a' ~~ 'b'",
    "SELECT extract(year FROM d), substring(s, 1, 2), coalesce(a, b), nullif(a, b), a IS DISTINCT FROM b FROM t",
    "SELECT * FROM generate_series(1, 3), json_each('{}')",
  ])("allows %s", async (sql) => {
    await expect(walk(sql)).resolves.toBeDefined();
  });
});

describe("secure", () => {
  it.each([
    [{ ...FULL_READ, reasons: [] }, undefined, "(rows)"],
    [{ columns: ["a", "b"], masks: {}, rowFilter: null, reasons: [] }, undefined, '(SELECT "a", "b" FROM (rows) AS tarn_source)'],
    [{ columns: null, masks: { b: "'***'" }, rowFilter: "a > 1", reasons: [] }, undefined, "(SELECT * REPLACE (('***') AS \"b\") FROM (rows) AS tarn_source WHERE (a > 1))"],
    [{ columns: ["a", "gone"], masks: { a: "a % 10" }, rowFilter: null, reasons: [] }, ["a", "b"], "(SELECT (a % 10) AS \"a\" FROM (rows) AS tarn_source)"],
  ])("%j", (policy, known, sql) => {
    expect(secure("(rows)", policy, known)).toBe(sql);
  });
});

describe("parse errors", () => {
  // Table-free statements never reach the catalog: no database is needed.
  const ctx = { db: undefined, io: undefined, actor: SYSTEM, session: {} } as unknown as QueryContext;

  it.each([
    ["SELECT 1;\nSELECT 2 +\n  FROM", 1, { message: 'Syntax error at or near "FROM"', line: 3, column: 3 }],
    ["SELECT 'ééé' +\n FROM", 0, { message: 'Syntax error at or near "FROM"', line: 2, column: 2 }],
    ["SELECT :p +\n  ) x", 0, { message: 'Syntax error at or near ")"', line: 2, column: 3 }],
    ["SELECT 1;   SELECT * FROM t AT (VERSION => 1) AS x WHERE", 1, { message: "Syntax error at end of input", line: 1, column: 57 }],
  ])("%j", async (text, index, expected) => {
    const statement = splitStatements(text)[index];
    const error = await planQuery({ ...ctx, params: { p: 1 } }, statement).catch((e: unknown) => e);
    expect(explainError(error, undefined, statement)).toEqual(expected);
  });
});
