/**
 * The read policy of the benchmark's analyst: a hidden column (lineitem.l_comment, which
 * no query reads) and a row filter on the largest table that keeps every row, so answers
 * stay comparable with raw DuckDB while the filter is still evaluated.
 */
import type { TpchPolicy } from "./through-tarn";

export const BENCH_POLICY: TpchPolicy = {
  lineitem: { hiddenColumns: ["l_comment"], rowFilter: "l_shipdate >= DATE '1992-01-01'" },
};
