/**
 * Finding the files of a table registered in place whose metadata records other paths:
 * a table copied from another machine, written with relative paths, or written to an
 * object store and downloaded. The rule (what DuckDB calls `allow_moved_paths`):
 *
 * 1. a recorded path that exists under its own name is used as it is;
 * 2. a relative one is taken relative to where the (relative) recorded table location
 *    puts the table folder's base; one that starts with the recorded table location is
 *    re-rooted at the table folder;
 * 3. otherwise keep what follows the last `/metadata/` or `/data/` of the recorded path
 *    and join it to the table folder.
 *
 * A path none of these finds fails with UnresolvedPathError naming the recorded location
 * and the places tried — for `gs://`/`s3://` paths the message says that Tarn reads local
 * files only. Position-delete files name data files by their recorded paths: compare
 * recorded paths with recorded paths, and map both the same way.
 */
import { joinLocation, parseLocation } from "./location";
import type { FileIO } from "./types";

export interface PathResolverOptions {
  io: FileIO;
  /** Where the table really is: the folder holding `metadata/` (a location of `io`). */
  tableFolder: string;
  /** The `location` recorded in the table metadata, when known. */
  recordedLocation?: string;
}

export class UnresolvedPathError extends Error {
  override name = "UnresolvedPathError";
  constructor(
    readonly location: string,
    readonly tried: string[],
    readonly scheme?: string,
  ) {
    super(unresolvedMessage(location, tried, scheme));
  }
}

export class MovedPathResolver {
  private readonly cache = new Map<string, Promise<string>>();

  constructor(private readonly options: PathResolverOptions) {}

  get tableFolder(): string {
    return this.options.tableFolder;
  }

  /** A location `io` can read for a path recorded in the metadata. */
  resolve(recorded: string): Promise<string> {
    let hit = this.cache.get(recorded);
    if (!hit) {
      hit = this.find(recorded);
      this.cache.set(recorded, hit);
    }
    return hit;
  }

  private async find(recorded: string): Promise<string> {
    const tried: string[] = [];
    for (const candidate of candidateLocations(recorded, this.options)) {
      tried.push(candidate);
      if (await this.options.io.exists(candidate)) return candidate;
    }
    const parsed = parseLocation(recorded);
    throw new UnresolvedPathError(
      recorded,
      tried,
      parsed.kind === "remote" ? parsed.scheme : undefined,
    );
  }
}

/** Where a recorded path may be, in the order the rule tries them. */
export function candidateLocations(
  recorded: string,
  options: Pick<PathResolverOptions, "tableFolder" | "recordedLocation">,
): string[] {
  const candidates: string[] = [];
  const parsed = parseLocation(recorded);
  if (parsed.kind === "local") candidates.push(recorded);
  const base = relativeBase(options);
  if (parsed.kind === "relative" && base !== undefined) {
    candidates.push(joinLocation(base, parsed.path));
  }
  const underLocation = relativeToRecordedLocation(recorded, options.recordedLocation);
  if (underLocation !== undefined) {
    candidates.push(joinLocation(options.tableFolder, underLocation));
  }
  const afterMarker = fromLastMarker(recorded);
  if (afterMarker !== undefined) candidates.push(joinLocation(options.tableFolder, afterMarker));
  return [...new Set(candidates)];
}

/**
 * Where relative paths start from. A table written with a relative location
 * (`data/persistent/t`) that now sits at `/lake/data/persistent/t` recorded its paths
 * relative to `/lake` — including files outside the table folder.
 */
function relativeBase(
  options: Pick<PathResolverOptions, "tableFolder" | "recordedLocation">,
): string | undefined {
  if (!options.recordedLocation) return undefined;
  const location = parseLocation(options.recordedLocation);
  if (location.kind !== "relative") return undefined;
  const suffix = `/${location.path.replace(/^\.\//, "").replace(/\/+$/, "")}`;
  const folder = options.tableFolder.replace(/\/+$/, "");
  return folder.endsWith(suffix) ? folder.slice(0, -suffix.length) || "/" : undefined;
}

/** `data/x.parquet` for `<recorded location>/data/x.parquet`, else undefined. */
function relativeToRecordedLocation(recorded: string, location?: string): string | undefined {
  if (!location) return undefined;
  const prefix = `${location.replace(/\/+$/, "")}/`;
  return recorded.startsWith(prefix) ? recorded.slice(prefix.length) : undefined;
}

/** `data/p=1/x.parquet` for `…/t/data/p=1/x.parquet`: from the last `/metadata/` or `/data/`. */
export function fromLastMarker(recorded: string): string | undefined {
  const slashed = `/${recorded}`;
  const at = Math.max(slashed.lastIndexOf("/metadata/"), slashed.lastIndexOf("/data/"));
  return at < 0 ? undefined : slashed.slice(at + 1);
}

function unresolvedMessage(location: string, tried: string[], scheme?: string): string {
  const where = tried.length ? ` (looked at ${tried.join(", ")})` : "";
  if (scheme) {
    return `Cannot read ${location}: Tarn reads local files only and found no local copy of this ${scheme}:// file under the table folder${where}.`;
  }
  return `Table file ${location} not found${where}.`;
}
