import type { PartitionSpec } from "../spec/types";
import { isFloatingKind, parsePrimitive, type PrimitiveValue } from "../values";
import { boundsMightMatch, decodeBound } from "./bounds-check";
import { evalRow, type Row } from "./eval-row";
import { projectToPartition } from "./projection";
import type { BoundExpr, BoundPredicate } from "./types";

/**
 * One partition field's summary in a manifest-list entry (`partitions`, field 507), in the
 * order of the manifest's spec fields. Bounds are in binary single-value form of the
 * field's result type.
 */
export interface PartitionFieldSummary {
  /** 509: some file of the manifest has a null for this field. */
  containsNull: boolean;
  /** 518: some file has NaN; absent (unknown) in v1 and in older writers' lists. */
  containsNan?: boolean;
  /** 510: smallest non-null, non-NaN value; absent when there is none. */
  lowerBound?: Uint8Array;
  /** 511: largest non-null, non-NaN value. */
  upperBound?: Uint8Array;
}

/**
 * Pruning by partition for one spec: project the row filter once, then test each data
 * file's partition tuple and each manifest's partition summaries against it.
 */
export interface PartitionFilter {
  /** The row filter projected onto this spec's partition fields. */
  readonly projected: BoundExpr;
  /** Partition values of a data file, by partition field id (see `partitionRow`). */
  partitionMightMatch(partition: Row): boolean;
  /** A manifest's `partitions` summaries, in spec field order; absent → might match. */
  manifestMightMatch(summaries: readonly PartitionFieldSummary[] | null | undefined): boolean;
}

export function partitionFilter(rowFilter: BoundExpr, spec: PartitionSpec): PartitionFilter {
  const projected = projectToPartition(rowFilter, spec);
  return {
    projected,
    partitionMightMatch: (partition) => evalRow(projected, partition),
    manifestMightMatch: (summaries) => summariesMightMatch(projected, spec, summaries),
  };
}

/** A partition tuple given in spec field order, as a `Row` keyed by partition field id. */
export function partitionRow(spec: PartitionSpec, values: readonly (PrimitiveValue | null)[]): Row {
  return new Map(spec.fields.map((field, i) => [field.fieldId, values[i] ?? null]));
}

/** Manifest-list evaluator (Java's ManifestEvaluator) over an already projected filter. */
export function summariesMightMatch(
  projected: BoundExpr,
  spec: PartitionSpec,
  summaries: readonly PartitionFieldSummary[] | null | undefined,
): boolean {
  if (!summaries || summaries.length !== spec.fields.length) return true;
  const byFieldId = new Map(spec.fields.map((field, i) => [field.fieldId, summaries[i]]));
  const visit = (e: BoundExpr): boolean => {
    switch (e.kind) {
      case "true":
        return true;
      case "false":
        return false;
      case "and":
        return e.children.every(visit);
      case "or":
        return e.children.some(visit);
      case "not":
        return true; // projections hold no `not`
      default: {
        const summary = byFieldId.get(e.ref.fieldId);
        return summary === undefined || summaryMightMatch(e, summary);
      }
    }
  };
  return visit(projected);
}

function summaryMightMatch(pred: BoundPredicate, s: PartitionFieldSummary): boolean {
  const floating = isFloatingKind(parsePrimitive(pred.ref.type).kind);
  const lower = decodeBound(pred.ref.type, s.lowerBound);
  const upper = decodeBound(pred.ref.type, s.upperBound);
  // Writers leave the lower bound out only when no value is ordinary (non-null, non-NaN);
  // trust that only when the summary says which kind of extraordinary values it holds.
  const noOrdinary = lower === undefined && (s.containsNull || s.containsNan === true);
  const allNull = noOrdinary && s.containsNull && (!floating || s.containsNan === false);
  const allNaN = noOrdinary && s.containsNan === true && !s.containsNull;
  switch (pred.op) {
    case "isNull":
      return s.containsNull;
    case "notNull":
      return !allNull;
    case "isNaN":
      return floating && s.containsNan !== false && !allNull;
    case "notNaN":
      return !allNaN;
    case "notEq":
    case "notIn":
      return true;
    case "notStartsWith":
      return s.containsNull || boundsMightMatch(pred, lower, upper);
    default:
      return !noOrdinary && boundsMightMatch(pred, lower, upper);
  }
}
