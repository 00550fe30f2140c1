import { type Transform, toTransform } from "./transform";

/**
 * The partition field name Iceberg gives a transform of a column when none is chosen —
 * the names of Java's spec-evolution API and PyIceberg: `id` (identity), `id_bucket_16`,
 * `data_trunc_4`, `ts_year`, `ts_month`, `ts_day`, `ts_hour`, `id_null` (void).
 *
 * Java's older `PartitionSpec.Builder` (used by Spark's CREATE TABLE … PARTITIONED BY)
 * omits the parameter — `id_bucket`, `data_trunc` — which `{ withParameter: false }` gives.
 */
export function defaultPartitionName(
  transform: Transform | string,
  sourceName: string,
  options: { withParameter?: boolean } = {},
): string {
  const t = toTransform(transform);
  const withParameter = options.withParameter ?? true;
  switch (t.kind) {
    case "identity":
      return sourceName;
    case "bucket":
      return withParameter ? `${sourceName}_bucket_${t.numBuckets}` : `${sourceName}_bucket`;
    case "truncate":
      return withParameter ? `${sourceName}_trunc_${t.width}` : `${sourceName}_trunc`;
    case "void":
      return `${sourceName}_null`;
    case "unknown":
      return `${sourceName}_${t.text.replace(/[^A-Za-z0-9_]+/g, "_")}`;
    default:
      return `${sourceName}_${t.kind}`;
  }
}
