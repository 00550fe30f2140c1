/**
 * The table-level updates: uuid, format version, location, properties, statistics and
 * encryption keys — Java's `TableMetadata.Builder` semantics.
 */
import {
  type EncryptionKey,
  NIL_UUID,
  type StatisticsFile,
  SUPPORTED_FORMAT_VERSIONS,
} from "../spec";
import { isUuid } from "../spec/json-reader";
import type { MetadataDraft } from "./apply-draft";
import { RESERVED_PROPERTIES } from "./properties";
import type { TableUpdate } from "./types";

type Update<A extends TableUpdate["action"]> = Extract<TableUpdate, { action: A }>;

/** A table's uuid is set once; v1 tables read without one carry the nil uuid until then. */
export function assignUuid(draft: MetadataDraft, { uuid }: Update<"assign-uuid">): void {
  const meta = draft.meta;
  if (!isUuid(uuid)) draft.fail(`not a UUID: "${uuid}"`);
  if (meta.tableUuid.toLowerCase() === uuid.toLowerCase()) return;
  if (meta.tableUuid && meta.tableUuid !== NIL_UUID) {
    draft.fail(`cannot reassign the table uuid ${meta.tableUuid} to ${uuid}`);
  }
  meta.tableUuid = uuid;
  draft.changed = true;
}

export function upgradeFormatVersion(
  draft: MetadataDraft,
  { formatVersion }: Update<"upgrade-format-version">,
): void {
  const meta = draft.meta;
  if (!SUPPORTED_FORMAT_VERSIONS.includes(formatVersion)) {
    draft.fail(`unsupported format version ${formatVersion}`);
  }
  if (formatVersion < meta.formatVersion) {
    draft.fail(`cannot downgrade a v${meta.formatVersion} table to v${formatVersion}`);
  }
  if (formatVersion === meta.formatVersion) return;
  meta.formatVersion = formatVersion;
  // Row lineage starts with the upgrade: rows written before it have no row ids.
  if (formatVersion >= 3 && meta.nextRowId === undefined) meta.nextRowId = 0;
  draft.changed = true;
}

export function setLocation(draft: MetadataDraft, { location }: Update<"set-location">): void {
  if (!location) draft.fail("the table location cannot be empty");
  if (draft.meta.location === location) return;
  draft.meta.location = location;
  draft.changed = true;
}

/**
 * Reserved properties (format-version, uuid, current-snapshot-id, …) are derived from
 * the metadata, never stored; setting one is refused (as iceberg-rust does) rather than
 * silently ignored — format-version in particular has its own update.
 */
export function setProperties(draft: MetadataDraft, { updates }: Update<"set-properties">) {
  const properties = draft.meta.properties;
  const reserved = Object.keys(updates).filter((key) => RESERVED_PROPERTIES.has(key));
  if (reserved.length > 0) {
    const hint = reserved.includes("format-version") ? " (use upgrade-format-version)" : "";
    draft.fail(`reserved table properties cannot be set: ${reserved.join(", ")}${hint}`);
  }
  for (const [key, value] of Object.entries(updates)) {
    if (Object.hasOwn(properties, key) && properties[key] === value) continue;
    Object.defineProperty(properties, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    draft.changed = true;
  }
}

export function removeProperties(draft: MetadataDraft, { removals }: Update<"remove-properties">) {
  const properties = draft.meta.properties;
  for (const key of removals) {
    if (!Object.hasOwn(properties, key)) continue;
    delete properties[key];
    draft.changed = true;
  }
}

/** One statistics file per snapshot: a new one replaces the old. */
export function setStatistics(draft: MetadataDraft, update: Update<"set-statistics">): void {
  const { statistics } = update;
  if (update.snapshotId !== undefined && update.snapshotId !== statistics.snapshotId) {
    draft.fail(
      `snapshot-id ${update.snapshotId} does not match the statistics file's snapshot ${statistics.snapshotId}`,
    );
  }
  const meta = draft.meta;
  meta.statistics = [
    ...meta.statistics.filter((s) => s.snapshotId !== statistics.snapshotId),
    statistics,
  ];
  draft.changed = true;
}

export function removeStatistics(
  draft: MetadataDraft,
  { snapshotId }: Update<"remove-statistics">,
) {
  const meta = draft.meta;
  const kept: StatisticsFile[] = meta.statistics.filter((s) => s.snapshotId !== snapshotId);
  if (kept.length === meta.statistics.length) return;
  meta.statistics = kept;
  draft.changed = true;
}

export function setPartitionStatistics(
  draft: MetadataDraft,
  { partitionStatistics: file }: Update<"set-partition-statistics">,
): void {
  const meta = draft.meta;
  const others = meta.partitionStatistics.filter((s) => s.snapshotId !== file.snapshotId);
  meta.partitionStatistics = [...others, file];
  draft.changed = true;
}

export function removePartitionStatistics(
  draft: MetadataDraft,
  { snapshotId }: Update<"remove-partition-statistics">,
): void {
  const meta = draft.meta;
  const kept = meta.partitionStatistics.filter((s) => s.snapshotId !== snapshotId);
  if (kept.length === meta.partitionStatistics.length) return;
  meta.partitionStatistics = kept;
  draft.changed = true;
}

/** Keys are kept by id; adding the same key again is a no-op, a different one under its id is refused. */
export function addEncryptionKey(
  draft: MetadataDraft,
  { encryptionKey: key }: Update<"add-encryption-key">,
): void {
  const keys = draft.meta.encryptionKeys ?? [];
  const existing = keys.find((k) => k.keyId === key.keyId);
  if (existing) {
    if (sameKey(existing, key)) return;
    draft.fail(`encryption key ${key.keyId} already exists with different content`);
  }
  draft.meta.encryptionKeys = [...keys, key];
  draft.changed = true;
}

function sameKey(a: EncryptionKey, b: EncryptionKey): boolean {
  const props = (k: EncryptionKey) => JSON.stringify(Object.entries(k.properties ?? {}).sort());
  return (
    a.encryptedKeyMetadata === b.encryptedKeyMetadata &&
    a.encryptedById === b.encryptedById &&
    props(a) === props(b)
  );
}

export function removeEncryptionKey(
  draft: MetadataDraft,
  { keyId }: Update<"remove-encryption-key">,
): void {
  const keys = draft.meta.encryptionKeys ?? [];
  const kept = keys.filter((k) => k.keyId !== keyId);
  if (kept.length === keys.length) return;
  draft.meta.encryptionKeys = kept;
  draft.changed = true;
}
