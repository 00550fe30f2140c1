/**
 * Partition transforms: parse them, apply them, name them, print their values, and project
 * predicates through them for scan pruning.
 *
 * ```ts
 * import { parseTransform, applyTransform, resultType, partitionPath, projectInclusive } from "@/lib/iceberg/transforms";
 *
 * const t = parseTransform("bucket[16]");          // { kind: "bucket", numBuckets: 16 }
 * applyTransform(t, "long", 34n);                  // 2 — values use values/ representations
 * applyTransform("day", "timestamp", -1n);         // -1 (1969-12-31: floors, never truncates)
 * resultType("day", "timestamptz");                // "date"
 * partitionPath([{ name: "ts_hour", transform: "hour", sourceType: "timestamp" }], [420042]);
 *                                                  // "ts_hour=2017-12-01-18"
 * projectInclusive("day", boundGt, { fieldId: 1000, name: "ts_day" });
 *                                                  // ts > X  →  ts_day >= day(X + 1µs)
 * ```
 *
 * Unknown transform strings parse to `{ kind: "unknown" }` so metadata using them reads;
 * applying one throws `TransformError("unknown-transform")`, projecting one gives null.
 */
export { applyTransform, applyTransform as apply, bucketOf } from "./apply";
export { TransformError, type TransformErrorKind } from "./errors";
export { hashLong, hashValue } from "./hash";
export { humanValue, toHumanString } from "./human";
export { murmur3x86_32 } from "./murmur3";
export { defaultPartitionName } from "./names";
export { findFieldById, partitionPathForSpec, partitionStructType } from "./partition-type";
export { escapePathPart, type PartitionPathField, partitionPath } from "./path";
export { distinctValues, projectInclusive } from "./project";
export { canTransform, resultType } from "./result-type";
export {
  dedupName,
  isTimeTransform,
  parseTransform,
  type TimeTransform,
  type Transform,
  toTransform,
  transformsEqual,
  transformToString,
} from "./transform";
