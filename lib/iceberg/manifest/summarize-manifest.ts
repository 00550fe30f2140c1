/**
 * The manifest-list row describing a manifest we just wrote: entry and row counts by
 * status, partition summaries, and the least sequence number of its live files.
 */
import { summarizePartitions } from "./partition-summary";
import type {
  EntryStatus,
  ManifestContent,
  ManifestEntry,
  ManifestFileToWrite,
  PartitionFieldType,
} from "./types";

export interface SummarizeManifestInput {
  path: string;
  /** The real byte length of the written file. */
  length: number;
  partitionSpecId: number;
  content: ManifestContent;
  /** The snapshot being committed. */
  addedSnapshotId: bigint;
  partitionType: PartitionFieldType[];
  entries: ManifestEntry[];
  keyMetadata?: Uint8Array;
}

/**
 * Sequence numbers are left for the list writer to fill in when no live file carries
 * one (they will all inherit the snapshot's). Otherwise the minimum is the least of the
 * explicit ones: files that inherit get the new, larger, number.
 */
export function summarizeManifest(input: SummarizeManifestInput): ManifestFileToWrite {
  const files = countBy(input.entries, () => 1);
  const rows = countBy(input.entries, (entry) => entry.dataFile.recordCount);
  const minSequenceNumber = minLiveSequenceNumber(input.entries);
  return {
    path: input.path,
    length: input.length,
    partitionSpecId: input.partitionSpecId,
    content: input.content,
    ...(minSequenceNumber === undefined ? {} : { minSequenceNumber }),
    addedSnapshotId: input.addedSnapshotId,
    addedFilesCount: files.added,
    existingFilesCount: files.existing,
    deletedFilesCount: files.deleted,
    addedRowsCount: rows.added,
    existingRowsCount: rows.existing,
    deletedRowsCount: rows.deleted,
    partitions: summarizePartitions(
      input.partitionType,
      input.entries.map((entry) => entry.dataFile.partition),
    ),
    ...(input.keyMetadata === undefined ? {} : { keyMetadata: input.keyMetadata }),
  };
}

function countBy(entries: ManifestEntry[], weight: (entry: ManifestEntry) => number) {
  const totals: Record<EntryStatus, number> = { added: 0, existing: 0, deleted: 0 };
  for (const entry of entries) totals[entry.status] += weight(entry);
  return totals;
}

function minLiveSequenceNumber(entries: ManifestEntry[]): number | undefined {
  let min: number | undefined;
  for (const entry of entries) {
    if (entry.status === "deleted" || entry.sequenceNumber === undefined) continue;
    if (min === undefined || entry.sequenceNumber < min) min = entry.sequenceNumber;
  }
  return min;
}
