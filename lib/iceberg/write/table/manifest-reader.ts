/**
 * Reads a table's manifest lists and manifests, remembering each manifest by path: they
 * are immutable, and a commit retry re-reads mostly the same ones.
 */
import type { FileIO } from "../../io/types";
import {
  type Manifest,
  type ManifestFile,
  type ResolvedManifestEntry,
  readManifest,
  readManifestList,
  resolveManifestEntries,
} from "../../manifest";
import type { FormatVersion, Snapshot } from "../../spec/types";
import { WriteError } from "../errors";

// Manifest lists never change once written, and the next commit to a table reads the one
// the last commit wrote: keep the few most recent, decoded (callers never mutate them).
const RECENT_LISTS = 64;
const recentLists = new Map<string, ManifestFile[]>();

export class ManifestReader {
  private readonly manifests = new Map<string, Promise<Manifest>>();

  constructor(
    private readonly io: FileIO,
    private readonly formatVersion: FormatVersion,
  ) {}

  /** The manifest list of a snapshot (none for no snapshot). */
  async manifestFiles(snapshot: Snapshot | undefined): Promise<ManifestFile[]> {
    if (!snapshot) return [];
    if (!snapshot.manifestList) {
      throw new WriteError(
        "unsupported",
        `Snapshot ${snapshot.snapshotId} lists its manifests inline (an early v1 layout); rewrite the table with another engine first`,
      );
    }
    const key = `${this.formatVersion}|${snapshot.manifestList}`;
    const hit = recentLists.get(key);
    if (hit) return hit;
    const bytes = await this.io.read(snapshot.manifestList);
    const manifests = readManifestList(bytes, this.formatVersion).manifests;
    if (recentLists.size >= RECENT_LISTS) recentLists.delete(recentLists.keys().next().value as string);
    recentLists.set(key, manifests);
    return manifests;
  }

  manifest(path: string): Promise<Manifest> {
    let manifest = this.manifests.get(path);
    if (!manifest) {
      manifest = this.io.read(path).then(readManifest);
      this.manifests.set(path, manifest);
      manifest.catch(() => this.manifests.delete(path));
    }
    return manifest;
  }

  /** Entries of a manifest with sequence numbers and snapshot ids filled in. */
  async entries(file: ManifestFile): Promise<ResolvedManifestEntry[]> {
    const manifest = await this.manifest(file.path);
    return resolveManifestEntries(manifest.entries, file);
  }
}

/** A live file of a snapshot and where it was found. */
export interface LiveFile {
  entry: ResolvedManifestEntry;
  manifest: ManifestFile;
}

/** Every live (added or existing) file of the manifests, data or deletes. */
export async function liveFiles(
  reader: ManifestReader,
  manifests: readonly ManifestFile[],
): Promise<LiveFile[]> {
  const out: LiveFile[] = [];
  for (const manifest of manifests) {
    for (const entry of await reader.entries(manifest)) {
      if (entry.status !== "deleted") out.push({ entry, manifest });
    }
  }
  return out;
}
