/** Table properties the commit code reads or guards, with Java's names and defaults. */

/**
 * Properties Java derives from the metadata itself and never stores
 * (`TableProperties.RESERVED_PROPERTIES`).
 */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set([
  "format-version",
  "uuid",
  "snapshot-count",
  "current-snapshot-id",
  "current-snapshot-summary",
  "current-snapshot-timestamp-ms",
  "current-schema",
  "default-partition-spec",
  "default-sort-order",
]);

export const METADATA_PREVIOUS_VERSIONS_MAX = "write.metadata.previous-versions-max";
const METADATA_PREVIOUS_VERSIONS_MAX_DEFAULT = 100;

export const MAX_SNAPSHOT_AGE_MS = "history.expire.max-snapshot-age-ms";
export const MIN_SNAPSHOTS_TO_KEEP = "history.expire.min-snapshots-to-keep";
export const MAX_REF_AGE_MS = "history.expire.max-ref-age-ms";
export const GC_ENABLED = "gc.enabled";

const FIVE_DAYS_MS = 5 * 24 * 60 * 60 * 1000;

/** How many previous metadata files the metadata log keeps; at least 1, as in Java. */
export function previousVersionsMax(properties: Record<string, string>): number {
  const value = intProperty(properties, METADATA_PREVIOUS_VERSIONS_MAX);
  return Math.max(1, value ?? METADATA_PREVIOUS_VERSIONS_MAX_DEFAULT);
}

/** The table-wide snapshot expiry defaults (`history.expire.*`). */
export interface ExpiryDefaults {
  maxSnapshotAgeMs: number;
  minSnapshotsToKeep: number;
  /** Infinity when unset: refs never expire by age unless told to. */
  maxRefAgeMs: number;
}

export function expiryDefaults(properties: Record<string, string>): ExpiryDefaults {
  return {
    maxSnapshotAgeMs: intProperty(properties, MAX_SNAPSHOT_AGE_MS) ?? FIVE_DAYS_MS,
    minSnapshotsToKeep: intProperty(properties, MIN_SNAPSHOTS_TO_KEEP) ?? 1,
    maxRefAgeMs: intProperty(properties, MAX_REF_AGE_MS) ?? Number.POSITIVE_INFINITY,
  };
}

/** `gc.enabled` (default true): whether files may be deleted by expiry and cleanup. */
export function gcEnabled(properties: Record<string, string>): boolean {
  return (properties[GC_ENABLED] ?? "true").trim().toLowerCase() !== "false";
}

/** An integer property; a value that is not one counts as unset. */
function intProperty(properties: Record<string, string>, key: string): number | undefined {
  const text = Object.hasOwn(properties, key) ? properties[key].trim() : "";
  if (!/^-?\d+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
