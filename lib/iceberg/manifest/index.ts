/**
 * `lib/iceberg/manifest` — Iceberg manifest lists and manifests (Avro), read and written.
 *
 * ```ts
 * import { readManifestList, readManifest, resolveManifestEntries } from "@/lib/iceberg/manifest";
 *
 * const { manifests } = readManifestList(await readFile(snapshotListPath), table.formatVersion);
 * for (const manifest of manifests) {
 *   const { entries } = readManifest(await readFile(resolve(manifest.path)));
 *   for (const entry of resolveManifestEntries(entries, manifest)) {
 *     if (entry.status !== "deleted") plan(entry.dataFile, entry.sequenceNumber);
 *   }
 * }
 *
 * // Writing a snapshot: a manifest, its list row, then the list.
 * const bytes = writeManifest({ formatVersion: 2, schema, partitionSpec, partitionType,
 *   content: "data", entries, snapshotId });
 * const row = summarizeManifest({ path, length: bytes.length, partitionSpecId: spec.specId,
 *   content: "data", addedSnapshotId: snapshotId, partitionType, entries });
 * const list = writeManifestList({ formatVersion: 2, snapshotId, parentSnapshotId,
 *   sequenceNumber, manifests: [row, ...carriedOver] });
 * ```
 *
 * - Fields are matched by Iceberg field id, never by name (Java and PyIceberg name the
 *   list counters differently). Files without any ids fall back to the spec's names.
 * - Entries come back as written; inheritance from the list row (snapshot id, sequence
 *   numbers, v3 first row ids) is `resolveEntryInheritance` / `resolveManifestEntries`.
 * - Snapshot ids are bigint; other longs are numbers (an error above 2^53, never a
 *   rounded value). Partition values use `lib/iceberg/values`' representation; column
 *   bounds stay raw single-value bytes (decode them with `fromBinary`).
 * - Codecs: null, deflate, snappy; zstandard only on a Node with built-in zstd.
 *   Encrypted (AGS1) files fail with `ManifestError` kind "encrypted".
 * - Writers validate first (content vs. file kinds, sequence numbers of existing
 *   entries, fields the format version cannot hold) and throw `ManifestError`
 *   "invalid-input" rather than write a manifest other engines would misread.
 */

export type { AvroCodec } from "./avro/codecs";
export { ManifestError, type ManifestErrorKind } from "./errors";
export { assignFirstRowIds, type FirstRowIdAssignment } from "./first-row-ids";
export { resolveEntryInheritance, resolveManifestEntries } from "./inheritance";
export { summarizePartitions } from "./partition-summary";
export { readManifest } from "./read-manifest";
export { readManifestList } from "./read-manifest-list";
export { type SummarizeManifestInput, summarizeManifest } from "./summarize-manifest";
export type * from "./types";
export { type WriteManifestInput, writeManifest } from "./write-manifest";
export { type WriteManifestListInput, writeManifestList } from "./write-manifest-list";
