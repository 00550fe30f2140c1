/**
 * Finding the current metadata file of a table registered in place (a folder written by
 * Spark's Hadoop catalog, PyIceberg, DuckDB or a copy of any of them): the version named by
 * `metadata/version-hint.text`, else the highest-numbered metadata file.
 *
 * Metadata files are named `v<N>.metadata.json` (Hadoop tables) or
 * `<NNNNN>-<uuid>.metadata.json` (catalog tables), and gzipped ones `v<N>.gz.metadata.json`
 * or `….metadata.json.gz`.
 */
import { type FileIO, joinLocation } from "../io";
import { ScanError } from "./errors";

const METADATA_NAME = /^(?:v(\d+)|(\d+)-[^/]*)(?:\.gz)?\.metadata\.json(?:\.gz)?$/;

/** The location of the table's current metadata file. */
export async function findLatestMetadata(io: FileIO, tableFolder: string): Promise<string> {
  const metadataFolder = joinLocation(tableFolder, "metadata");
  const hinted = await fromVersionHint(io, metadataFolder);
  if (hinted) return hinted;
  const files = await listMetadataFiles(io, metadataFolder);
  const latest = files.at(-1);
  if (!latest) {
    throw new ScanError(
      "metadata-not-found",
      `No Iceberg metadata under ${metadataFolder}: neither version-hint.text nor a *.metadata.json file.`,
      { tableFolder },
    );
  }
  return latest.location;
}

/** The metadata file a version names: `3` → `v3.metadata.json` or `00003-….metadata.json`. */
export async function findMetadataVersion(
  io: FileIO,
  tableFolder: string,
  version: string,
): Promise<string | undefined> {
  const metadataFolder = joinLocation(tableFolder, "metadata");
  for (const name of namesForVersion(version)) {
    const location = joinLocation(metadataFolder, name);
    if (await io.exists(location)) return location;
  }
  if (!/^\d+$/.test(version)) return undefined;
  const files = await listMetadataFiles(io, metadataFolder);
  return files.find((file) => file.version === Number(version))?.location;
}

export interface MetadataFileEntry {
  location: string;
  version: number;
  modifiedMs: number;
}

/** Every metadata file of the folder, oldest version first (ties: oldest write first). */
export async function listMetadataFiles(
  io: FileIO,
  metadataFolder: string,
): Promise<MetadataFileEntry[]> {
  const files: MetadataFileEntry[] = [];
  for await (const info of io.list(metadataFolder)) {
    const name = info.location.slice(info.location.lastIndexOf("/") + 1);
    const match = METADATA_NAME.exec(name);
    if (!match || info.location !== joinLocation(metadataFolder, name)) continue;
    const version = Number(match[1] ?? match[2]);
    files.push({ location: info.location, version, modifiedMs: info.modifiedMs });
  }
  return files.sort((a, b) => a.version - b.version || a.modifiedMs - b.modifiedMs);
}

async function fromVersionHint(io: FileIO, metadataFolder: string): Promise<string | undefined> {
  const hintLocation = joinLocation(metadataFolder, "version-hint.text");
  if (!(await io.exists(hintLocation))) return undefined;
  const hint = new TextDecoder().decode(await io.read(hintLocation)).trim();
  if (!hint) return undefined;
  // A hint naming no file (a half-finished commit, a copied folder) falls back to listing.
  return findMetadataVersion(io, metadataFolder.replace(/\/metadata$/, ""), hint);
}

function namesForVersion(version: string): string[] {
  const stems = /^\d+$/.test(version) ? [`v${version}`, version] : [version];
  return stems.flatMap((stem) => [
    `${stem}.metadata.json`,
    `${stem}.gz.metadata.json`,
    `${stem}.metadata.json.gz`,
  ]);
}
