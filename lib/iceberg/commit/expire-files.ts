/**
 * Which files an expiry frees, once it has committed: reachable-file cleanup as Java's
 * `ReachableFileCleanup` does it. Reading manifests is I/O, so the caller (the
 * maintenance job, through the catalog's FileIO) supplies a `ManifestFileLister`; this
 * only does the set arithmetic.
 *
 * A file may go only when no snapshot that remains can reach it: manifest lists of the
 * removed snapshots; manifests only they listed; data and delete files only those
 * manifests named; statistics files only they had. Deleting them is the caller's job,
 * after the commit succeeded — never before, or a failed commit leaves a broken table.
 */
import type { Snapshot, TableMetadata } from "../spec";

export interface ManifestFileLister {
  /** Paths of the manifests a snapshot lists (its manifest list, or a v1 snapshot's inline list). */
  manifestsOf(snapshot: Snapshot): Promise<string[]>;
  /** Every file path a manifest names — added, existing and deleted entries alike. */
  filesOf(manifestPath: string): Promise<string[]>;
}

export interface ExpiredFiles {
  manifestLists: string[];
  manifests: string[];
  /** Data and delete files. */
  contentFiles: string[];
  /** Puffin and partition statistics files. */
  statisticsFiles: string[];
}

/** The files `before` could reach and `after` (the metadata the expiry committed) cannot. */
export async function filesToDeleteAfterExpiry(
  before: TableMetadata,
  after: TableMetadata,
  lister: ManifestFileLister,
): Promise<ExpiredFiles> {
  const remaining = new Set(after.snapshots.map((s) => s.snapshotId));
  const expired = before.snapshots.filter((s) => !remaining.has(s.snapshotId));
  const liveManifests = await union(after.snapshots, (s) => lister.manifestsOf(s));
  const manifests = minus(await union(expired, (s) => lister.manifestsOf(s)), liveManifests);
  let contentFiles = await union([...manifests], (m) => lister.filesOf(m));
  // Reading every live manifest is the costly part: skip it when nothing could go.
  if (contentFiles.size > 0)
    contentFiles = minus(contentFiles, await union([...liveManifests], (m) => lister.filesOf(m)));
  const liveLists = new Set(
    after.snapshots.flatMap((s) => (s.manifestList ? [s.manifestList] : [])),
  );
  return {
    manifestLists: expired.flatMap((s) =>
      s.manifestList && !liveLists.has(s.manifestList) ? [s.manifestList] : [],
    ),
    manifests: [...manifests],
    contentFiles: [...contentFiles],
    statisticsFiles: [...minus(statisticsPaths(before), statisticsPaths(after))],
  };
}

async function union<T>(items: T[], list: (item: T) => Promise<string[]>): Promise<Set<string>> {
  const out = new Set<string>();
  for (const item of items) for (const path of await list(item)) out.add(path);
  return out;
}

function minus(from: Set<string>, remove: Set<string>): Set<string> {
  return new Set([...from].filter((path) => !remove.has(path)));
}

function statisticsPaths(meta: TableMetadata): Set<string> {
  return new Set([
    ...meta.statistics.map((s) => s.statisticsPath),
    ...meta.partitionStatistics.map((s) => s.statisticsPath),
  ]);
}
