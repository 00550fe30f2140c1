/**
 * Row filters for scan planning: build an expression by column names, bind it to a table
 * schema, then ask the evaluators whether a manifest or a data file might hold a match.
 *
 * ```ts
 * import { and, bind, gtEq, isIn, metricsMightMatch, partitionFilter } from "@/lib/iceberg/expr";
 *
 * const filter = bind(schema, and(gtEq("ts", "2024-01-01T00:00:00"), isIn("country", ["NO", "SE"])));
 * const byPartition = partitionFilter(filter, spec);          // project once per spec
 * byPartition.manifestMightMatch(manifestFile.partitions);   // skip whole manifests
 * byPartition.partitionMightMatch(partitionRow(spec, file.partition));
 * metricsMightMatch(filter, file);                           // FileMetrics: counts + binary bounds
 * evalRow(filter, rowFromObject(schema, { ts: "2024-03-01T12:00:00", country: "NO" }));  // true
 * ```
 *
 * Evaluators are inclusive: `false` means "cannot match, skip"; `true` means "might".
 * Null and NaN semantics are documented in types.ts and eval-row.ts; binding errors are
 * `BindError` with a `kind`.
 */
export { type BindOptions, bind } from "./bind";
export { boundsMightMatch, decodeBound } from "./bounds-check";
export {
  alwaysFalse,
  alwaysTrue,
  and,
  eq,
  gt,
  gtEq,
  isIn,
  isNan,
  isNull,
  lt,
  ltEq,
  not,
  notEq,
  notIn,
  notNan,
  notNull,
  notStartsWith,
  or,
  predicate,
  startsWith,
} from "./build";
export { BindError, type BindErrorKind } from "./errors";
export { evalPredicate, evalRow, type Row } from "./eval-row";
export { type FileMetrics, metricsMightMatch } from "./metrics";
export {
  type PartitionFieldSummary,
  type PartitionFilter,
  partitionFilter,
  partitionRow,
  summariesMightMatch,
} from "./partition-eval";
export { projectToPartition } from "./projection";
export { rewriteNot } from "./rewrite-not";
export { rowFromObject } from "./row";
export { indexSchema, type SchemaIndex } from "./schema-index";
export type {
  BoundExpr,
  BoundPredicate,
  BoundRef,
  Expr,
  LiteralOp,
  LiteralPredicate,
  Op,
  Predicate,
  SetOp,
  SetPredicate,
  UnaryOp,
  UnaryPredicate,
  UnboundExpr,
  UnboundPredicate,
} from "./types";
export { isLiteral, isSet, isUnary } from "./types";
