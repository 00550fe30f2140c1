/**
 * FileIO over the local file system: `file://` URIs and absolute paths. Any other scheme
 * fails with UnsupportedLocationError, a relative path with RelativeLocationError.
 */
import { constants } from "node:fs";
import { access, mkdir, open, readdir, readFile, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { joinLocation, requireLocalPath } from "./location";
import { FileExistsError, type FileInfo, type FileIO, FileNotFoundError } from "./types";

export class LocalFileIO implements FileIO {
  localPath(location: string): string {
    return requireLocalPath(location);
  }

  async read(location: string): Promise<Uint8Array> {
    const file = this.localPath(location);
    return withNotFound(location, () => readFile(file));
  }

  async readRange(location: string, offset: number, length: number): Promise<Uint8Array> {
    const file = this.localPath(location);
    const handle = await withNotFound(location, () => open(file, "r"));
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /**
   * Exclusive create (`wx`): if two writers race for the same metadata file name, exactly
   * one succeeds and the other gets FileExistsError — never a silent overwrite.
   */
  async writeNew(location: string, data: Uint8Array): Promise<void> {
    const file = this.localPath(location);
    try {
      await writeExclusive(file, data);
    } catch (error) {
      if (codeOf(error) === "EEXIST") throw new FileExistsError(location);
      throw error;
    }
  }

  async exists(location: string): Promise<boolean> {
    try {
      await access(this.localPath(location), constants.F_OK);
      return true;
    } catch (error) {
      if (codeOf(error) === "ENOENT" || codeOf(error) === "ENOTDIR") return false;
      throw error;
    }
  }

  async size(location: string): Promise<number> {
    const file = this.localPath(location);
    return (await withNotFound(location, () => stat(file))).size;
  }

  /** Deleting a file that is already gone is not an error (cleanup may run twice). */
  async delete(location: string): Promise<void> {
    try {
      await unlink(this.localPath(location));
    } catch (error) {
      if (codeOf(error) !== "ENOENT") throw error;
    }
  }

  /** Files under `prefix`, recursively, named in the prefix's style; nothing if it is absent. */
  async *list(prefix: string): AsyncIterable<FileInfo> {
    yield* walk(this.localPath(prefix), prefix);
  }
}

async function* walk(folder: string, location: string): AsyncIterable<FileInfo> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    if (codeOf(error) === "ENOENT" || codeOf(error) === "ENOTDIR") return;
    throw error;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const file = path.join(folder, entry.name);
    const childLocation = joinLocation(location, entry.name);
    if (entry.isDirectory()) {
      yield* walk(file, childLocation);
    } else if (entry.isFile()) {
      const info = await stat(file);
      yield { location: childLocation, size: info.size, modifiedMs: info.mtimeMs };
    }
  }
}

async function withNotFound<T>(location: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (codeOf(error) === "ENOENT") throw new FileNotFoundError(location);
    throw error;
  }
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** Writes a new file; the folder is created only when missing (most writes go to an existing one). */
async function writeExclusive(file: string, data: Uint8Array): Promise<void> {
  try {
    await writeFile(file, data, { flag: "wx" });
  } catch (error) {
    if (codeOf(error) !== "ENOENT") throw error;
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data, { flag: "wx" });
  }
}
