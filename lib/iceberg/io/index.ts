/**
 * `lib/iceberg/io` — where table files live, and how to find them when the metadata
 * records other paths.
 *
 * ```ts
 * import { LocalFileIO, MovedPathResolver } from "@/lib/iceberg/io";
 *
 * const io = new LocalFileIO();                       // file:// URIs and absolute paths
 * await io.writeNew("file:///w/t/metadata/00001-….metadata.json", bytes); // never overwrites
 * const resolver = new MovedPathResolver({ io, tableFolder: "/lake/t", recordedLocation: meta.location });
 * const file = await resolver.resolve("s3://bucket/t/data/a.parquet");  // "/lake/t/data/a.parquet"
 * duckdbPath = io.localPath(file);
 * ```
 *
 * Other schemes fail with UnsupportedLocationError; a recorded path with no local copy
 * fails with UnresolvedPathError naming it.
 */

export { LocalFileIO } from "./local";
export {
  joinLocation,
  type ParsedLocation,
  parseLocation,
  RelativeLocationError,
  requireLocalPath,
} from "./location";
export {
  candidateLocations,
  fromLastMarker,
  MovedPathResolver,
  type PathResolverOptions,
  UnresolvedPathError,
} from "./moved-paths";
export * from "./types";
