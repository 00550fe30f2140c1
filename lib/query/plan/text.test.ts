import { describe, expect, it } from "vitest";
import { closest } from "./closest";
import { applyReplacements, byteToIndex } from "./edited-text";
import { AppError } from "@/lib/errors";
import { clean, explainError, generatedOffset } from "./explain-error";
import { PlanError } from "./plan-error";
import { bindValues, markPlaceholders } from "./params";
import { tokenMapper } from "./positions";
import { prepareText } from "./prepare-text";
import { splitStatements } from "./split";
import { statementKind } from "./statement-kind";

describe("splitStatements", () => {
  it.each([
    ["SELECT 1; SELECT 2", ["SELECT 1", "SELECT 2"]],
    ["SELECT ';'; SELECT 2;", ["SELECT ';'", "SELECT 2"]],
    ['SELECT ";" AS x', ['SELECT ";" AS x']],
    ["SELECT 1 -- ; not here\n; SELECT 2", ["SELECT 1", "SELECT 2"]],
    ["SELECT /* ; /* nested ; */ ; */ 1", ["SELECT /* ; /* nested ; */ ; */ 1"]],
    ["SELECT $$a;b$$; SELECT $tag$;$tag$", ["SELECT $$a;b$$", "SELECT $tag$;$tag$"]],
    ["SELECT E'\\';'; SELECT 3", ["SELECT E'\\';'", "SELECT 3"]],
    [";; -- only a comment\n ;", []],
    ["  \n SELECT 1  ", ["SELECT 1"]],
  ])("%j", (text, expected) => {
    expect(splitStatements(text).map((s) => s.sql)).toEqual(expected);
  });

  it("keeps offsets and the line and column where each statement starts", () => {
    const text = "SELECT 1;\n  SELECT 2";
    const [, second] = splitStatements(text);
    expect(second).toMatchObject({ start: 12, end: 20, line: 2, column: 3 });
    expect(text.slice(second.start, second.end)).toBe("SELECT 2");
  });
});

describe(":name placeholders", () => {
  it.each([
    ["SELECT :a", "SELECT $a", ["a"]],
    ["SELECT * FROM t WHERE x = :x AND y IN (:y, :x)", "SELECT * FROM t WHERE x = $x AND y IN ($y, $x)", ["x", "y"]],
    ["SELECT x::INT, xs[1:2], xs[:n]", "SELECT x::INT, xs[1:2], xs[:n]", []],
    ["SELECT {'a': :v}", "SELECT {'a': $v}", ["v"]],
    ["SELECT ':not' || \":nor\"", "SELECT ':not' || \":nor\"", []],
    ["SELECT f(a := 1)", "SELECT f(a := 1)", []],
    ["SELECT CASE WHEN :c THEN 1 END", "SELECT CASE WHEN $c THEN 1 END", ["c"]],
  ])("%s", (text, sql, names) => {
    expect(markPlaceholders(text)).toEqual({ sql, names });
  });

  it.each(["SELECT $1", "SELECT ?", "SELECT $x"])("refuses DuckDB's own %s", (text) => {
    expect(() => markPlaceholders(text)).toThrow("Write parameters as :name");
  });

  it("binds values in order and names what is missing", () => {
    expect(bindValues(["a", "b"], { b: 2, a: "x" })).toEqual(["x", 2]);
    expect(() => bindValues(["a", "b", "c"], { b: 1 })).toThrow("No value for the parameters :a, :c");
  });
});

describe("prepareText", () => {
  it.each([
    ["SELECT * FROM t AT (VERSION => 1) AS x", "SELECT * FROM t AS x AT (VERSION => 1)"],
    ["SELECT * FROM t AT (TAG => 'v1') x WHERE 1", "SELECT * FROM t x AT (VERSION => 'v1') WHERE 1"],
    ["SELECT * FROM t AT (BRANCH => 'b')", "SELECT * FROM t AT (VERSION => 'b')"],
    ["SELECT * FROM t AT (VERSION => 1) WHERE a", "SELECT * FROM t AT (VERSION => 1) WHERE a"],
    ["SELECT * FROM t AT (VERSION => 1) AS x(a, b) JOIN u", "SELECT * FROM t AS x(a, b) AT (VERSION => 1) JOIN u"],
    ["SELECT a.b.c.d FROM c.l1.l2.t", 'SELECT a.b.c.d FROM c."l1\u001fl2".t'],
    ['FROM c."a.b".l2.t JOIN x.y.z.w.v ON 1', 'FROM c."a.b\u001fl2".t JOIN x."y\u001fz\u001fw".v ON 1'],
    ["SELECT :p FROM t", "SELECT $p FROM t"],
  ])("%s", (text, expected) => {
    expect(prepareText(text).text).toBe(expected);
  });

  it("maps offsets back to the person's text", () => {
    const p = prepareText("SELECT zz FROM c.l1.l2.t WHERE qq");
    expect(p.toOriginal(p.text.indexOf("qq"))).toBe(31);
    expect(p.toOriginal(p.text.indexOf("zz"))).toBe(7);
  });
});

describe("statementKind", () => {
  it.each([
    ["SELECT 1", "query"],
    ["with x as (select 1) select * from x", "query"],
    ["VALUES (1)", "query"],
    ["FROM t", "query"],
    ["(SELECT 1)", "query"],
    ["DESCRIBE t", "query"],
    ["SHOW TABLES", "query"],
    ["EXPLAIN SELECT 1", "explain"],
    ["explain analyze select 1", "explain"],
    ["USE lake.db", "use"],
    ["PIVOT t ON b USING sum(a)", "pivot"],
    ["unpivot t ON a, b INTO NAME k VALUE v", "pivot"],
    ["EXPLAIN PIVOT t ON b", "explain"],
  ])("%s → %s", (sql, kind) => {
    expect(statementKind(sql).kind).toBe(kind);
  });

  it.each([
    ["ATTACH 'x'", "ATTACH is not allowed"],
    ["  -- comment\n copy t to 'x'", "COPY is not allowed"],
    ["GRANT SELECT ON t TO u", "GRANT statements are not supported"],
    ["", "The statement is empty."],
    ["EXPLAIN", "EXPLAIN needs a query"],
  ])("%s is refused", (sql, message) => {
    expect(() => statementKind(sql)).toThrow(message);
  });
});

describe("closest", () => {
  it.each([
    ["ordrs", ["orders", "customers", "lineitem"], ["orders"]],
    ["ORDERS2", ["orders", "orders_2024", "nation"], ["orders"]],
    ["order", ["orders", "orders_2024"], ["orders", "orders_2024"]],
    ["zzz", ["orders"], []],
    ["line", ["lineitem", "nation"], ["lineitem"]],
  ])("%s", (name, candidates, expected) => {
    expect(closest(name, candidates)).toEqual(expected);
  });
});

describe("edited text", () => {
  it("maps through replacements and UTF-8 offsets", () => {
    const edited = applyReplacements("abcdef", [{ start: 1, end: 3, text: "XYZW" }]);
    expect(edited.text).toBe("aXYZWdef");
    expect(edited.toOriginal(6)).toBe(4);
    expect(edited.toOriginal(2)).toBe(1);
    expect(byteToIndex("é€x", 5)).toBe(2);
  });
});

describe("error text", () => {
  it.each([
    ['IO Error: No files found that match the pattern "/data/warehouse/lake/x.parquet"', 'IO Error: No files found that match the pattern "a file"'],
    ['Binder Error: Referenced column "x" not found in FROM clause!\nCandidate bindings: "tarn_source.a"', 'Binder Error: Referenced column "x" not found in FROM clause!'],
    ["Conversion Error: Could not convert string 'a/b' to INT32", "Conversion Error: Could not convert string 'a/b' to INT32"],
    ["read_parquet failed", "read_parquet failed"],
    ["Binder Error: x\nLINE 1: SELECT * FROM read_parquet(['a file'])", "Binder Error: x"],
    ['Catalog Error: Table with name tarn_rel_0a1b2c3d4e5f_0 does not exist!', "The query failed in the engine."],
    ['Catalog Error: Table with name tarn_federated_0123456789abcdef does not exist!\nDid you mean "orders"?', 'Did you mean "orders"?'],
    ['Binder Error: Referenced column "__tarn_pos" not found', "The query failed in the engine."],
    ["Catalog Error: Table with name tarn_explain_00112233445566ff does not exist!", "The query failed in the engine."],
    // A person's own names that only look like ours stay.
    ['Binder Error: Referenced column "tarn_federated_total" not found in FROM clause!', 'Binder Error: Referenced column "tarn_federated_total" not found in FROM clause!'],
    ["Conversion Error: Could not convert string 'TARN_SOURCE_X' to INT32", "Conversion Error: Could not convert string 'TARN_SOURCE_X' to INT32"],
  ])("%s", (message, cleaned) => {
    expect(clean(message)).toBe(cleaned);
  });

  it("shows our own errors (AppError, PlanError) as they are", () => {
    const statement = { sql: "SELECT * FROM pg.shop.orders", start: 0, end: 28 };
    const capped = new AppError("bad_request", "pg.shop.orders has more than 10 rows (TARN_FEDERATED_ROW_CAP); filter it further.");
    expect(explainError(capped, undefined, statement)).toEqual({ message: capped.message });
    const planned = new PlanError("The table tarn_federated_stats does not exist.", 14);
    expect(explainError(planned, undefined, statement)).toEqual({ message: planned.message, line: 1, column: 15 });
  });

  it("finds the offset DuckDB's caret points at, also in a shortened line", () => {
    const sql = "SELECT a,\n  (SELECT 1 FROM some_long_relation_name WHERE zz = 1) AS b";
    const plan = { kind: "query" as const, sql, params: [], tablesRead: [], setup: [], mapPosition: () => null };
    const caretAt = sql.indexOf("zz");
    const line2Start = sql.indexOf("\n") + 1;
    const full = `Binder Error: x\n\nLINE 2: ${sql.slice(line2Start)}\n${" ".repeat(8 + caretAt - line2Start)}^`;
    expect(generatedOffset(full, plan)).toBe(caretAt);
    const snippet = sql.slice(line2Start + 10, line2Start + 40);
    const short = `Binder Error: x\n\nLINE 2: ...${snippet}...\n${" ".repeat(8 + 3 + caretAt - line2Start - 10)}^`;
    expect(generatedOffset(short, plan)).toBe(caretAt);
  });

  it("maps a generated position to the same token in the person's text", () => {
    const original = "select a,\n  nope from t";
    const generated = "SELECT a, nope FROM (SELECT nope FROM x) AS t";
    const spliced = [{ start: 20, end: 40, origin: original.lastIndexOf("t") }];
    const map = tokenMapper(original, generated, spliced);
    expect(map(generated.indexOf("nope"))).toBe(original.indexOf("nope"));
    expect(map(25)).toBe(original.lastIndexOf("t"));
    expect(tokenMapper(original, generated, [{ start: 20, end: 40 }])(25)).toBeNull();
  });
});
