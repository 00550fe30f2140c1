/**
 * Which metrics to keep per column, from table properties, as Java reads them:
 * `write.metadata.metrics.default` (default `truncate(16)`) and
 * `write.metadata.metrics.column.<full column name>`, each `none`, `counts`,
 * `truncate(N)` or `full`. Without an explicit default, only the first
 * `write.metadata.metrics.max-inferred-column-defaults` (100) leaf columns get the
 * default; the rest get `none`, so very wide tables keep small manifests.
 */
import type { StructType } from "../../spec/types";
import { WriteError } from "../errors";
import { leafColumns } from "../sql/columns";

export type MetricsMode =
  | { kind: "none" }
  | { kind: "counts" }
  | { kind: "truncate"; length: number }
  | { kind: "full" };

const DEFAULT_KEY = "write.metadata.metrics.default";
const COLUMN_PREFIX = "write.metadata.metrics.column.";
const MAX_INFERRED_KEY = "write.metadata.metrics.max-inferred-column-defaults";
const DEFAULT_MODE: MetricsMode = { kind: "truncate", length: 16 };

export function parseMetricsMode(text: string): MetricsMode {
  const value = text.trim().toLowerCase();
  if (value === "none" || value === "counts" || value === "full") return { kind: value };
  const truncate = /^truncate\((\d+)\)$/.exec(value);
  if (truncate && Number(truncate[1]) > 0) return { kind: "truncate", length: Number(truncate[1]) };
  throw new WriteError("invalid-input", `Unknown metrics mode "${text}"`);
}

/** The mode of every leaf column, by field id. */
export function metricsModes(
  properties: Record<string, string>,
  schema: StructType,
): Map<number, MetricsMode> {
  const explicit = properties[DEFAULT_KEY];
  const fallback = explicit === undefined ? DEFAULT_MODE : parseMetricsMode(explicit);
  const limit = explicit === undefined ? maxInferred(properties) : Number.POSITIVE_INFINITY;
  const modes = new Map<number, MetricsMode>();
  leafColumns(schema).forEach((leaf, i) => {
    const own = properties[COLUMN_PREFIX + leaf.fullName];
    const inferred = i < limit ? fallback : ({ kind: "none" } as const);
    modes.set(leaf.id, own === undefined ? inferred : parseMetricsMode(own));
  });
  return modes;
}

function maxInferred(properties: Record<string, string>): number {
  const text = properties[MAX_INFERRED_KEY];
  const n = text === undefined ? 100 : Number(text);
  return Number.isInteger(n) && n >= 0 ? n : 100;
}
