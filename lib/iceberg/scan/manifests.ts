/**
 * Reading a snapshot's manifests: the manifest list (or, in old v1 tables, the manifest
 * paths listed inline in the snapshot), then each manifest with inheritance applied.
 * Paths go through the table's resolver, so tables registered in place read wherever they
 * were copied to.
 */
import type { FileIO } from "../io";
import {
  type Manifest,
  type ManifestEntry,
  type ManifestFile,
  type ResolvedManifestEntry,
  readManifest,
  readManifestList,
  resolveManifestEntries,
} from "../manifest";
import type { FormatVersion, Snapshot } from "../spec";

/** Recorded path → readable location. */
export type ResolvePath = (recorded: string) => Promise<string>;

export interface ManifestSource {
  io: FileIO;
  resolve: ResolvePath;
  formatVersion: FormatVersion;
}

export interface ManifestWithEntries {
  manifest: ManifestFile;
  /** After inheritance; `deleted` entries included (metadata tables show them). */
  entries: ResolvedManifestEntry[];
}

/** The manifest-list rows of a snapshot, synthesised for v1 inline manifests. */
export async function snapshotManifests(
  source: ManifestSource,
  snapshot: Snapshot,
): Promise<ManifestFile[]> {
  if (snapshot.manifestList) {
    const bytes = await source.io.read(await source.resolve(snapshot.manifestList));
    return readManifestList(bytes, source.formatVersion).manifests;
  }
  const inline = snapshot.manifests ?? [];
  return Promise.all(inline.map(async (path) => inlineManifestRow(source, snapshot, path)));
}

export async function readManifestEntries(
  source: ManifestSource,
  manifest: ManifestFile,
): Promise<ManifestWithEntries> {
  const { entries } = await readManifestAt(source, manifest.path);
  return { manifest, entries: resolvedEntries(entries, manifest) };
}

// What entries inherit comes from the manifest's row in the list, the same in every list
// that names the manifest: resolve a cached manifest's entries once per row, not per scan.
const resolvedCache = new WeakMap<ManifestEntry[], Map<string, ResolvedManifestEntry[]>>();

function resolvedEntries(
  entries: ManifestEntry[],
  manifest: ManifestFile,
): ResolvedManifestEntry[] {
  const row = [
    manifest.content,
    manifest.sequenceNumber,
    manifest.addedSnapshotId,
    manifest.firstRowId,
  ].join("|");
  let byRow = resolvedCache.get(entries);
  if (!byRow) {
    byRow = new Map();
    resolvedCache.set(entries, byRow);
  }
  let resolved = byRow.get(row);
  if (!resolved) {
    resolved = resolveManifestEntries(entries, manifest);
    byRow.set(row, resolved);
  }
  return resolved;
}

/**
 * A v1 snapshot without a manifest list names its manifests only. Their rows hold what a
 * v1 list would: the spec from the manifest's own metadata, sequence numbers 0, and the
 * snapshot as adder (v1 entries carry their snapshot ids anyway).
 */
async function inlineManifestRow(
  source: ManifestSource,
  snapshot: Snapshot,
  path: string,
): Promise<ManifestFile> {
  const read = await readManifestAt(source, path);
  return {
    path,
    length: 0,
    partitionSpecId: read.metadata.partitionSpecId ?? 0,
    content: read.metadata.content,
    sequenceNumber: 0,
    minSequenceNumber: 0,
    addedSnapshotId: snapshot.snapshotId,
  };
}

// Manifests never change once written: keep the parsed ones of recent scans.
const CACHE_LIMIT = 512;
const cache = new Map<string, Manifest>();

async function readManifestAt(source: ManifestSource, recorded: string): Promise<Manifest> {
  const location = await source.resolve(recorded);
  const hit = cache.get(location);
  if (hit) return hit;
  const manifest = readManifest(await source.io.read(location));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(location, manifest);
  return manifest;
}
