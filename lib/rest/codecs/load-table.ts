/**
 * `LoadTableResult` / `CommitTableResponse` bodies, and their ETags.
 *
 * Metadata files never change once written, so a body is fully determined by the
 * metadata location and the `snapshots` mode: it is serialised once and kept (a
 * loadTable that hits the cache costs one database lookup and no JSON work). The ETag
 * is a hash of the same two things — different for `refs` and `all`, as the spec asks.
 */
import { createHash } from "node:crypto";
import { stringifyJson, type TableMetadata, tableMetadataToJson } from "@/lib/iceberg/spec";
import { badRequest } from "../errors";

export type SnapshotMode = "all" | "refs";

export interface TableBody {
  /** UTF-8 JSON, encoded once: every load of this metadata file sends these bytes. */
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

const CACHE_LIMIT = 512;
const bodies = new Map<string, TableBody>();

/** The body (and ETag) of a committed table's metadata. */
export function committedTableBody(metadataLocation: string, metadata: TableMetadata, mode: SnapshotMode = "all"): TableBody {
  const key = `${mode}\u0000${metadataLocation}`;
  const hit = bodies.get(key);
  if (hit) return hit;
  const text = stringifyJson({ "metadata-location": metadataLocation, metadata: tableMetadataToJson(withSnapshots(metadata, mode)) });
  const body = { bytes: new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>, etag: etagOf(metadataLocation, mode) };
  if (bodies.size >= CACHE_LIMIT) bodies.delete(bodies.keys().next().value as string);
  bodies.set(key, body);
  return body;
}

/** A staged table (stage-create): metadata that is in no file yet, so no location and no ETag. */
export function stagedTableBody(metadata: TableMetadata): string {
  return stringifyJson({ metadata: tableMetadataToJson(metadata) });
}

export function etagOf(metadataLocation: string, mode: SnapshotMode): string {
  return `"${createHash("sha256").update(`${mode}\u0000${metadataLocation}`).digest("hex").slice(0, 40)}"`;
}

/** Whether an `If-None-Match` header names this ETag (weak or strong, in a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

export function snapshotModeOf(url: URL): SnapshotMode {
  const value = url.searchParams.get("snapshots");
  if (value === null || value === "" || value === "all") return "all";
  if (value === "refs") return "refs";
  throw badRequest(`The snapshots parameter must be "all" or "refs", not "${value.slice(0, 40)}".`);
}

/** `refs`: only the snapshots a branch or tag points at (as Java's suppressHistoricalSnapshots). */
function withSnapshots(metadata: TableMetadata, mode: SnapshotMode): TableMetadata {
  if (mode === "all") return metadata;
  const referenced = new Set(Object.values(metadata.refs).map((ref) => ref.snapshotId));
  return { ...metadata, snapshots: metadata.snapshots.filter((s) => referenced.has(s.snapshotId)) };
}
