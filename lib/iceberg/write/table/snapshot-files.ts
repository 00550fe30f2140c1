/** The live data and delete files of a snapshot. */
import type { Snapshot, TableMetadata } from "../../spec/types";
import { type LiveFile, liveFiles, type ManifestReader } from "./manifest-reader";

export interface SnapshotFiles {
  data: LiveFile[];
  deletes: LiveFile[];
}

export async function snapshotFiles(
  reader: ManifestReader,
  snapshot: Snapshot | undefined,
): Promise<SnapshotFiles> {
  const manifests = await reader.manifestFiles(snapshot);
  return {
    data: await liveFiles(
      reader,
      manifests.filter((m) => m.content === "data"),
    ),
    deletes: await liveFiles(
      reader,
      manifests.filter((m) => m.content === "deletes"),
    ),
  };
}

/** Ids of specs without partition fields: their equality deletes apply table-wide. */
export function unpartitionedSpecs(metadata: TableMetadata): Set<number> {
  return new Set(metadata.partitionSpecs.filter((s) => s.fields.length === 0).map((s) => s.specId));
}
