import { describe, expect, it } from "vitest";
import { renderPlan, scrub } from "./explain";

describe("EXPLAIN details without internals", () => {
  it.each([
    ["customer='ada'", "customer='ada'"],
    ["/data/warehouse/lake/db/orders-1/data/a.parquet", "a file"],
    ["read_parquet(['/w/x/a.parquet'])", "a file"],
    ["SEQ_SCAN tarn_federated_0123456789abcdef", "SEQ_SCAN federated rows"],
    ["tarn_federated_0123456789abcdef_raw", "federated rows"],
    ["tarn_source.amount > 3", "amount > 3"],
    ["__tarn_0, __tarn_pos", "(internal), (internal)"],
    ["tarn_federated_total", "tarn_federated_total"],
  ])("%s", (text, expected) => {
    expect(scrub(text)).toBe(expected);
  });
});

describe("renderPlan", () => {
  it("renders EXPLAIN's operators with their details, minus file names", () => {
    const json = JSON.stringify([
      {
        name: "PROJECTION",
        extra_info: { Projections: ["__tarn_0", "amount"], "Estimated Cardinality": "3" },
        children: [{ name: "SEQ_SCAN ", extra_info: { Table: "tarn_federated_00112233445566ff", "Filename(s)": "/w/a/b.parquet" }, children: [] }],
      },
    ]);
    expect(renderPlan(json, false)).toBe(
      ["PROJECTION", "    Projections: (internal), amount", "    Estimated Cardinality: 3", "  SEQ_SCAN", "      Table: federated rows"].join("\n"),
    );
  });

  it("renders ANALYZE's measured operators without the query text", () => {
    const json = JSON.stringify({
      latency: 0.5,
      query_name: "EXPLAIN (ANALYZE) SELECT * FROM read_parquet(['/w/a/b.parquet'])",
      children: [
        {
          operator_name: "EXPLAIN_ANALYZE",
          operator_type: "EXPLAIN_ANALYZE",
          extra_info: {},
          children: [{ operator_name: "TABLE_SCAN", operator_cardinality: 7, operator_timing: 0.25, extra_info: { "Total Files Read": "2", "Filename(s)": ["/w/a/b.parquet"] }, children: [] }],
        },
      ],
    });
    expect(renderPlan(json, true)).toBe(["Total time: 0.5000s", "TABLE_SCAN", "    Total Files Read: 2", "    Rows: 7", "    Time: 0.2500s"].join("\n"));
  });
});
