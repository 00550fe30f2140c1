import { isFloatingKind, parsePrimitive } from "../values";
import { boundsMightMatch, decodeBound } from "./bounds-check";
import { rewriteNot } from "./rewrite-not";
import type { BoundExpr, BoundPredicate } from "./types";

/**
 * What a manifest says about one data file's columns, keyed by column field id — the
 * input of the inclusive metrics evaluator. Plain data, so a manifest reader can fill it
 * straight from a `data_file` entry. Every map and every entry may be missing: missing
 * statistics never exclude a file.
 */
export interface FileMetrics {
  /** `record_count` (103). A negative count means unknown. */
  recordCount: number | bigint;
  /** `value_counts` (109): values per column, nulls and NaNs included. */
  valueCounts?: ReadonlyMap<number, number | bigint>;
  /** `null_value_counts` (110). */
  nullValueCounts?: ReadonlyMap<number, number | bigint>;
  /** `nan_value_counts` (137); only float/double columns have them. */
  nanValueCounts?: ReadonlyMap<number, number | bigint>;
  /** `lower_bounds` (125): binary single-value form (Appendix D), possibly truncated. */
  lowerBounds?: ReadonlyMap<number, Uint8Array>;
  /** `upper_bounds` (128): binary single-value form, possibly truncated and rounded up. */
  upperBounds?: ReadonlyMap<number, Uint8Array>;
}

/**
 * Inclusive metrics evaluator: false only when no row of the file can match `expr`, so a
 * scan may skip the file; true whenever some row might. (Java's InclusiveMetricsEvaluator,
 * under the null/NaN semantics of `evalRow`.)
 */
export function metricsMightMatch(expr: BoundExpr, metrics: FileMetrics): boolean {
  const records = count(metrics.recordCount);
  if (records === 0) return false;
  if (records !== undefined && records < 0) return true;
  return visit(rewriteNot(expr), metrics);
}

function visit(expr: BoundExpr, metrics: FileMetrics): boolean {
  switch (expr.kind) {
    case "true":
      return true;
    case "false":
      return false;
    case "and":
      return expr.children.every((child) => visit(child, metrics));
    case "or":
      return expr.children.some((child) => visit(child, metrics));
    case "not":
      return true; // rewriteNot leaves none; stay inclusive regardless
    default:
      return predicateMightMatch(expr, metrics);
  }
}

function predicateMightMatch(pred: BoundPredicate, metrics: FileMetrics): boolean {
  const stats = columnStats(pred, metrics);
  switch (pred.op) {
    case "isNull":
      return stats.nulls !== 0;
    case "notNull":
      return !stats.onlyNulls;
    case "isNaN":
      return stats.nans !== 0 && !stats.onlyNulls;
    case "notNaN":
      return !stats.onlyNaNs;
    case "notEq":
    case "notIn":
      return true;
    case "notStartsWith":
      // nulls match notStartsWith; only a null-free file can be excluded by its bounds
      return stats.nulls !== 0 || boundsMightMatch(pred, stats.lower(), stats.upper());
    default:
      return !stats.noOrdinaryValues && boundsMightMatch(pred, stats.lower(), stats.upper());
  }
}

interface ColumnStats {
  nulls: number | undefined;
  nans: number | undefined;
  onlyNulls: boolean;
  onlyNaNs: boolean;
  /** Every value is null or NaN, so no comparison can be true. */
  noOrdinaryValues: boolean;
  lower(): ReturnType<typeof decodeBound>;
  upper(): ReturnType<typeof decodeBound>;
}

function columnStats(pred: BoundPredicate, metrics: FileMetrics): ColumnStats {
  const id = pred.ref.fieldId;
  const floating = isFloatingKind(parsePrimitive(pred.ref.type).kind);
  const values = count(metrics.valueCounts?.get(id));
  const nulls = count(metrics.nullValueCounts?.get(id));
  // Only float/double can hold NaN: other columns have none, whatever the map says.
  const nans = floating ? count(metrics.nanValueCounts?.get(id)) : 0;
  const known = values !== undefined;
  return {
    nulls,
    nans,
    onlyNulls: known && nulls === values,
    onlyNaNs: known && nans === values,
    noOrdinaryValues: known && nulls !== undefined && nans !== undefined && nulls + nans >= values,
    lower: () => decodeBound(pred.ref.type, metrics.lowerBounds?.get(id)),
    upper: () => decodeBound(pred.ref.type, metrics.upperBounds?.get(id)),
  };
}

function count(n: number | bigint | undefined): number | undefined {
  return n === undefined || n === null ? undefined : Number(n);
}
