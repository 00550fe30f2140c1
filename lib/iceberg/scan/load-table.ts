/**
 * Loading a table registered in place: its metadata file, the folder it lives in, and the
 * resolver that maps the paths its metadata records onto that folder.
 */
import { type FileIO, FileNotFoundError, MovedPathResolver } from "../io";
import { readMetadataFile, type TableMetadata } from "../spec";
import { ScanError } from "./errors";
import { findLatestMetadata } from "./find-metadata";

export interface LoadedTable {
  io: FileIO;
  metadata: TableMetadata;
  metadataLocation: string;
  /** The folder holding `metadata/` and (usually) `data/`. */
  tableFolder: string;
  /** Maps recorded paths (manifest lists, manifests, data and delete files) to readable ones. */
  resolver: MovedPathResolver;
}

export async function loadTable(io: FileIO, metadataLocation: string): Promise<LoadedTable> {
  let bytes: Uint8Array;
  try {
    bytes = await io.read(metadataLocation);
  } catch (error) {
    if (error instanceof FileNotFoundError) {
      throw new ScanError("metadata-not-found", `No table metadata file at ${metadataLocation}.`, {
        metadataLocation,
      });
    }
    throw error;
  }
  const metadata = readMetadataFile(bytes);
  const tableFolder = tableFolderOf(metadataLocation);
  const resolver = new MovedPathResolver({ io, tableFolder, recordedLocation: metadata.location });
  return { io, metadata, metadataLocation, tableFolder, resolver };
}

/** A metadata file location, or a table folder whose latest metadata is wanted. */
export async function openTable(io: FileIO, location: string): Promise<LoadedTable> {
  const isFile = /\.metadata\.json(\.gz)?$|\.json$/.test(location);
  return loadTable(io, isFile ? location : await findLatestMetadata(io, location));
}

/** `/t/metadata/v3.metadata.json` → `/t`; a file outside `metadata/` → its own folder. */
export function tableFolderOf(metadataLocation: string): string {
  const folder = metadataLocation.slice(0, metadataLocation.lastIndexOf("/"));
  return folder.endsWith("/metadata") ? folder.slice(0, -"/metadata".length) : folder;
}
