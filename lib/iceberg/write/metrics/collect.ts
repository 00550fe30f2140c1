/**
 * Metrics of written Parquet files, as manifests record them: counts and sizes from the
 * footers, bounds and NaN counts from one aggregate query — which also runs the row
 * checks, so a file is read back once.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { DataFile } from "../../manifest";
import type { StructType } from "../../spec/types";
import type { WrittenParquet } from "../parquet/copy";
import { failedChecks, type RowCheck } from "../parquet/row-checks";
import { leafColumns } from "../sql/columns";
import { aggregateFiles } from "./aggregate";
import { type BoundColumn, boundAggregates, decodeBounds } from "./bounds";
import type { MetricsMode } from "./config";
import { type FooterMetrics, readFooters } from "./footer";

export type FileMetricsFields = Pick<
  DataFile,
  | "columnSizes"
  | "valueCounts"
  | "nullValueCounts"
  | "nanValueCounts"
  | "lowerBounds"
  | "upperBounds"
  | "splitOffsets"
>;

export interface InspectInput {
  connection: DuckDBConnection;
  files: readonly WrittenParquet[];
  /** The schema the files were written with (their field ids). */
  schema: StructType;
  modes: ReadonlyMap<number, MetricsMode>;
  checks?: readonly RowCheck[];
}

export interface Inspection {
  /** By local path. */
  metrics: Map<string, FileMetricsFields>;
  /** Messages of failed row checks, over all files. */
  failures: string[];
}

export async function inspectWrittenFiles(input: InspectInput): Promise<Inspection> {
  const paths = input.files.map((f) => f.localPath);
  const columns: BoundColumn[] = leafColumns(input.schema).map((leaf) => ({
    leaf,
    mode: input.modes.get(leaf.id) ?? { kind: "none" },
  }));
  const checks = input.checks ?? [];
  // one statement at a time: a connection runs queries in sequence
  const footers = await readFooters(input.connection, paths);
  const aggregates = await aggregateFiles(input.connection, paths, [
    ...boundAggregates(columns),
    ...checks,
  ]);
  const metrics = new Map<string, FileMetricsFields>();
  // rows that break the schema have no meaningful bounds (a short fixed value has none)
  const failures = [
    ...new Set(paths.flatMap((path) => failedChecks(checks, aggregates.get(path) ?? {}))),
  ];
  if (failures.length > 0) return { metrics, failures };
  for (const path of paths) {
    const footer = footers.get(path) ?? { columns: new Map(), splitOffsets: [] };
    metrics.set(path, {
      ...footerMetrics(columns, footer),
      ...decodeBounds(columns, aggregates.get(path) ?? {}),
    });
  }
  return { metrics, failures };
}

function footerMetrics(columns: readonly BoundColumn[], footer: FooterMetrics): FileMetricsFields {
  const columnSizes = new Map<number, number>();
  const valueCounts = new Map<number, number>();
  const nullValueCounts = new Map<number, number>();
  columns.forEach(({ leaf, mode }, index) => {
    const column = footer.columns.get(index);
    if (!column || mode.kind === "none") return;
    columnSizes.set(leaf.id, column.compressedSize);
    valueCounts.set(leaf.id, column.valueCount);
    if (column.nullCount !== undefined) nullValueCounts.set(leaf.id, column.nullCount);
  });
  return { columnSizes, valueCounts, nullValueCounts, splitOffsets: footer.splitOffsets };
}
