import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareResults } from "./compare";
import { type TpchFixture, tpchFixture } from "./fixture";
import { runRaw } from "./load";
import { tpchQueries } from "./queries";

// Large enough that every query has rows (Q11, Q18 and Q20 come out empty at 0.01).
const SF = 0.05;

let t: TpchFixture;
beforeAll(async () => {
  t = await tpchFixture({ sf: SF });
});
afterAll(() => t?.close());

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
