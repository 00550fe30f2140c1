import type { PartitionSpec } from "../spec/types";
import { projectInclusive } from "../transforms";
import { and, or } from "./build";
import { rewriteNot } from "./rewrite-not";
import type { BoundExpr, BoundPredicate } from "./types";

/**
 * Projects a bound row filter onto a partition spec: the result refers to partition fields
 * (ids ≥ 1000, result types of the transforms) and is true for the partition of every row
 * the filter is true for. A predicate on a column the spec does not partition becomes
 * true; one on a column partitioned by several fields becomes the `and` of their
 * projections. Fields with unknown transforms are ignored, as the spec requires.
 */
export function projectToPartition(expr: BoundExpr, spec: PartitionSpec): BoundExpr {
  const visit = (e: BoundExpr): BoundExpr => {
    switch (e.kind) {
      case "true":
      case "false":
        return e;
      case "and":
        return and(...e.children.map(visit));
      case "or":
        return or(...e.children.map(visit));
      case "not":
        return { kind: "true" }; // unreachable after rewriteNot
      default:
        return projectPredicate(e, spec);
    }
  };
  return visit(rewriteNot(expr));
}

function projectPredicate(pred: BoundPredicate, spec: PartitionSpec): BoundExpr {
  const projections: BoundExpr[] = [];
  for (const field of spec.fields) {
    // v3 multi-argument transforms (sourceIds) are unknown to us: ignore them
    if (field.sourceId !== pred.ref.fieldId || (field.sourceIds?.length ?? 1) > 1) continue;
    const projected = projectInclusive(field.transform, pred, {
      fieldId: field.fieldId,
      name: field.name,
    });
    if (projected) projections.push(projected);
  }
  return and(...projections);
}
