/**
 * Inheritance from the manifest list (spec "Sequence Number Inheritance" and "First Row
 * ID Inheritance"). A writer leaves an added file's snapshot id and sequence numbers
 * null, because they are only known once the commit succeeds; readers take them from
 * the manifest's row in the manifest list.
 */
import { ManifestError } from "./errors";
import type { ManifestEntry, ManifestFile, ResolvedManifestEntry } from "./types";

export function resolveEntryInheritance(
  entry: ManifestEntry,
  manifest: ManifestFile,
): ResolvedManifestEntry {
  // The spec inherits sequence numbers for ADDED entries only. Like Java we also
  // inherit when the manifest's sequence number is 0: that is a v1 manifest, whose
  // files all have sequence number 0 whatever their status.
  const inherits = entry.status === "added" || manifest.sequenceNumber === 0;
  const sequenceNumber = entry.sequenceNumber ?? (inherits ? manifest.sequenceNumber : undefined);
  if (sequenceNumber === undefined) {
    throw new ManifestError(
      "missing-field",
      `${entry.status} entry for ${entry.dataFile.filePath} has no sequence number; the spec requires one for entries that are not added`,
      { manifest: manifest.path, file: entry.dataFile.filePath },
    );
  }
  const fileSequenceNumber =
    entry.fileSequenceNumber ?? (inherits ? manifest.sequenceNumber : undefined);
  return {
    ...entry,
    snapshotId: entry.snapshotId ?? manifest.addedSnapshotId,
    sequenceNumber,
    ...(fileSequenceNumber === undefined ? {} : { fileSequenceNumber }),
  };
}

/**
 * Resolves every entry of one manifest, in file order — which first row ids need: a
 * data file without one gets the manifest's `first_row_id` plus the record counts of
 * the files before it that had none either.
 */
export function resolveManifestEntries(
  entries: ManifestEntry[],
  manifest: ManifestFile,
): ResolvedManifestEntry[] {
  let nextRowId = manifest.content === "data" ? manifest.firstRowId : undefined;
  return entries.map((entry) => {
    const resolved = resolveEntryInheritance(entry, manifest);
    if (
      nextRowId === undefined ||
      entry.dataFile.content !== "data" ||
      entry.dataFile.firstRowId !== undefined
    ) {
      return resolved;
    }
    const firstRowId = nextRowId;
    nextRowId += entry.dataFile.recordCount;
    return { ...resolved, dataFile: { ...resolved.dataFile, firstRowId } };
  });
}
