import { describe, expect, it } from "vitest";
import { parseSelect } from "./duck-parser";
import { aggregateFunctions } from "./functions";
import { isGrouped, rowBound } from "./row-bound";

async function bound(sql: string) {
  const parsed = await parseSelect(sql);
  if (!parsed.ok) throw new Error(parsed.message);
  return rowBound(parsed.statements[0], await aggregateFunctions());
}

describe("rowBound", () => {
  it.each<[string, number | undefined]>([
    ["SELECT * FROM t LIMIT 100", 100],
    ["SELECT a, count(*) FROM t GROUP BY a ORDER BY 2 DESC LIMIT 20", 20],
    ["SELECT * FROM t ORDER BY a LIMIT 10 OFFSET 5000", 10],
    ["SELECT * FROM a UNION ALL SELECT * FROM b LIMIT 3", 3],
    ["SELECT sum(x) FROM t", 1],
    ["SELECT sum(x) / 7.0 AS avg_yearly, count(*) FROM t WHERE y > (SELECT avg(y) FROM u)", 1],
    ["SELECT count(*) FROM t HAVING count(*) > 1", 1],
    // Unbounded: more rows than the top level can say.
    ["SELECT * FROM t", undefined],
    ["SELECT a, sum(x) FROM t GROUP BY a", undefined],
    ["SELECT a, sum(x) FROM t GROUP BY ALL", undefined],
    ["SELECT a, sum(x) FROM t GROUP BY ROLLUP (a)", undefined],
    ["SELECT sum(x) OVER () FROM t", undefined],
    ["SELECT x, (SELECT max(y) FROM u) FROM t", undefined],
    ["SELECT * FROM t LIMIT (SELECT 3)", undefined],
    ["SELECT * FROM t LIMIT 10 PERCENT", undefined],
    ["SELECT * FROM t LIMIT $n", undefined],
  ])("%s → %s", async (sql, expected) => {
    expect(await bound(sql)).toBe(expected);
  });
});

describe("isGrouped", () => {
  it.each<[string, boolean]>([
    ["SELECT a, sum(x) FROM t GROUP BY a ORDER BY a", true],
    ["SELECT a, sum(x) FROM t GROUP BY ALL", true],
    ["SELECT a, b, sum(x) FROM t GROUP BY GROUPING SETS ((a), (b))", true],
    ["SELECT a, sum(x) FROM t GROUP BY ROLLUP (a)", true],
    ["SELECT * FROM t ORDER BY a", false],
    ["SELECT sum(x) FROM t", false],
    ["SELECT * FROM (SELECT a, sum(x) FROM t GROUP BY a)", false],
    ["SELECT a FROM t GROUP BY a UNION ALL SELECT b FROM u", false],
  ])("%s → %s", async (sql, expected) => {
    const parsed = await parseSelect(sql);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(isGrouped(parsed.statements[0])).toBe(expected);
  });
});
