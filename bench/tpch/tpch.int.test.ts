import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planQuery, splitStatements } from "@/lib/query/plan";
import { compareResults } from "./compare";
import { type TpchFixture, tpchFixture } from "./fixture";
import { runRaw } from "./load";
import { BENCH_POLICY } from "./policy";
import { tpchQueries } from "./queries";
import { policyPlanner, readPolicyOf, runThroughTarn } from "./through-tarn";

// The smallest scale with rows from every query and some margin (Q11, Q18 and Q20 are empty at 0.01).
const SF = 0.03;

let t: TpchFixture;
beforeAll(async () => {
  t = await tpchFixture({ sf: SF });
});
afterAll(() => t?.close());

describe("comparing results", () => {
  const base = { columns: ["k", "v", "s"], rows: [["1", 0.1 + 0.2, "814e350012"], ["2", 2.5, "b"], ["3", 2.5, "c"]] };
  it("allows a DOUBLE's last bits and a HUGEINT kept as a number, and tells ties reordered from rows changed", () => {
    expect(compareResults({ ...base, rows: [[1, 0.3, "814e350012"], ["2", "2.5", "b"], ["3", 2.5, "c"]] }, base)).toEqual({ equal: true, reordered: false });
    expect(compareResults({ ...base, rows: [base.rows[0], base.rows[2], base.rows[1]] }, base)).toEqual({ equal: true, reordered: true });
    expect(compareResults({ ...base, rows: [["1", 0.3, "814e350013"], ...base.rows.slice(1)] }, base).equal).toBe(false);
    expect(compareResults({ ...base, rows: [["1", 0.3001, "814e350012"], ...base.rows.slice(1)] }, base).equal).toBe(false);
    expect(compareResults({ ...base, rows: base.rows.slice(1) }, base)).toMatchObject({ equal: false, detail: "2 rows vs 3" });
    expect(compareResults({ ...base, columns: ["k", "v", "t"] }, base).equal).toBe(false);
  });
});

describe(`the 22 TPC-H queries at scale factor ${SF}`, () => {
  it.each(tpchQueries(SF).map((q) => [q.n, q.sql] as const))("Q%i gives the same rows through Tarn as raw DuckDB on the same files", async (_n, sql) => {
    const expected = await runRaw(t.raw.connection, sql);
    const actual = await t.tarn(sql);
    expect(expected.rows.length).toBeGreaterThan(0);
    const comparison = compareResults(actual, expected);
    expect(comparison.detail).toBeUndefined();
    expect(comparison.equal).toBe(true);
  });
});

describe("the benchmark's read policy", () => {
  it("hides lineitem.l_comment and filters lineitem's rows (keeping all) in what runs", async () => {
    const engine = t.f.engine({ slots: 1 }, policyPlanner(BENCH_POLICY));
    await expect(runThroughTarn(engine, t.ctx, "SELECT l_comment FROM lineitem LIMIT 1")).rejects.toThrow(/l_comment/);
    const [statement] = splitStatements("SELECT count(*) AS n FROM lineitem");
    const plan = await planQuery(t.ctx, statement, { readPolicy: readPolicyOf(BENCH_POLICY) });
    expect(plan.kind === "query" && plan.sql).toContain("1992-01-01");
    const counted = await runThroughTarn(engine, t.ctx, "SELECT count(*) AS n FROM lineitem");
    expect(counted.rows).toEqual((await runRaw(t.raw.connection, "SELECT count(*) AS n FROM lineitem")).rows);
  });

  it("still gives raw DuckDB's rows for all 22 queries (its filter keeps every row)", async () => {
    const engine = t.f.engine({ slots: 1 }, policyPlanner(BENCH_POLICY));
    for (const q of tpchQueries(SF)) {
      const comparison = compareResults(await runThroughTarn(engine, t.ctx, q.sql), await runRaw(t.raw.connection, q.sql));
      expect(comparison.detail, `Q${q.n}`).toBeUndefined();
    }
  });
});
