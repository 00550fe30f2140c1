/**
 * What kind of location a string recorded in Iceberg metadata is. Writers record paths in
 * many shapes: `file:///abs`, `file:/abs`, a bare `/abs`, a relative `data/x.parquet`
 * (tests and hand-made tables), `file://data/x` (a relative path wearing a scheme), or an
 * object-store URI (`s3://`, `gs://`, …).
 *
 * Percent signs are kept as they are: Iceberg writers put `%3A` in partition folder names
 * on disk, so decoding would name a different file.
 */
import path from "node:path";
import { UnsupportedLocationError } from "./types";

export type ParsedLocation =
  | { kind: "local"; path: string }
  | { kind: "relative"; path: string }
  | { kind: "remote"; scheme: string };

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/;

export function parseLocation(location: string): ParsedLocation {
  const scheme = SCHEME.exec(location)?.[1]?.toLowerCase();
  if (scheme === undefined || isWindowsDrive(location)) {
    return path.isAbsolute(location)
      ? { kind: "local", path: path.normalize(location) }
      : { kind: "relative", path: location };
  }
  if (scheme !== "file") return { kind: "remote", scheme };
  const rest = location.slice("file:".length);
  // file:///abs and file:/abs are absolute; file://host/... names a host we do not
  // serve, which in practice means a relative path written with a scheme in front.
  if (rest.startsWith("///")) return { kind: "local", path: path.normalize(rest.slice(2)) };
  if (rest.startsWith("//")) return { kind: "relative", path: rest.slice(2) };
  if (rest.startsWith("/")) return { kind: "local", path: path.normalize(rest) };
  return { kind: "relative", path: rest };
}

/** The local path of a location a local FileIO can open, or a clear error. */
export function requireLocalPath(location: string): string {
  const parsed = parseLocation(location);
  if (parsed.kind === "local") return parsed.path;
  if (parsed.kind === "remote") throw new UnsupportedLocationError(location, parsed.scheme);
  throw new RelativeLocationError(location);
}

/** Joins a relative path to a location, keeping the location's style (URI or bare path). */
export function joinLocation(base: string, relative: string): string {
  const trimmed = relative.replace(/^\/+/, "");
  return `${base.replace(/\/+$/, "")}/${trimmed}`;
}

export class RelativeLocationError extends Error {
  override name = "RelativeLocationError";
  constructor(readonly location: string) {
    super(`${location} is a relative path; a table folder is needed to know where it points.`);
  }
}

function isWindowsDrive(location: string): boolean {
  return /^[a-zA-Z]:[\\/]/.test(location);
}
