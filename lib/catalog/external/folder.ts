/**
 * The folder behind an external table: where it may be, whether the server can read it,
 * and which data files it holds.
 *
 * Any absolute local folder the server can read may be registered — lake data lives
 * wherever it lives — except Tarn's own data folder (metadata database, query results,
 * the secrets key), of which only the warehouse may be registered. Symbolic links are
 * resolved before the check, so a link cannot lead into the data folder.
 */
import { constants } from "node:fs";
import { access, opendir, stat } from "node:fs/promises";
import path from "node:path";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { fsReason, isInside, realFolder } from "../storage";
import {
  EXTERNAL_FORMATS,
  type ExternalFormat,
  FORMAT_LABELS,
  FORMAT_PATTERNS,
  formatOfFile,
} from "./formats";
import { assertReadablePath } from "./relation";

export interface FolderScan {
  folder: string;
  /** Data files seen per format (the walk stops after `FILE_LIMIT` entries). */
  counts: Record<ExternalFormat, number>;
  truncated: boolean;
}

const ENTRY_LIMIT = 20_000;

/** The folder's real absolute path, once it is allowed, exists and is readable. */
export async function checkFolder(given: unknown, config = getConfig()): Promise<string> {
  if (typeof given !== "string" || !given.trim())
    throw new AppError("bad_request", "Give the folder to register.");
  if (!path.isAbsolute(given))
    throw new AppError(
      "bad_request",
      `The folder must be an absolute path (starting with /), not "${given}".`,
    );
  const folder = realFolder(given);
  const dataDir = realFolder(config.dataDir);
  if (isInside(folder, dataDir) && !isInside(folder, realFolder(config.warehouseDir))) {
    throw new AppError(
      "bad_request",
      `${given} is inside Tarn's own data folder; only its warehouse may be registered.`,
    );
  }
  assertReadablePath(folder);
  try {
    if (!(await stat(folder)).isDirectory())
      throw new AppError(
        "bad_request",
        `${given} is a file, not a folder; register the folder that holds it.`,
      );
    await access(folder, constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = fsReason(error);
    throw new AppError(
      "bad_request",
      reason === "it does not exist"
        ? `The folder ${given} does not exist.`
        : `Tarn cannot read ${given}: ${reason}.`,
      { cause: error },
    );
  }
  return folder;
}

/** Walks the folder breadth-first, counting data files by format. */
export async function scanFolder(folder: string): Promise<FolderScan> {
  const counts: Record<ExternalFormat, number> = { parquet: 0, csv: 0, json: 0 };
  const queue = [folder];
  let seen = 0;
  while (queue.length && seen < ENTRY_LIMIT) {
    const dir = queue.shift() as string;
    for await (const entry of await openFolder(dir)) {
      if (++seen > ENTRY_LIMIT) break;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith(".")) queue.push(full);
      const format = entry.isFile() ? formatOfFile(entry.name) : null;
      if (format) counts[format]++;
    }
  }
  return { folder, counts, truncated: seen > ENTRY_LIMIT };
}

async function openFolder(dir: string) {
  try {
    return await opendir(dir);
  } catch (error) {
    throw new AppError("bad_request", `Tarn cannot read ${dir}: ${fsReason(error)}.`, {
      cause: error,
    });
  }
}

/** The format to read: the one asked for (which must have files), else the only one present. */
export function chooseFormat(scan: FolderScan, wanted?: ExternalFormat): ExternalFormat {
  const present = EXTERNAL_FORMATS.filter((f) => scan.counts[f] > 0);
  if (wanted) {
    if (scan.counts[wanted] === 0)
      throw new AppError(
        "bad_request",
        `The folder ${scan.folder} holds no ${FORMAT_LABELS[wanted]} files (${FORMAT_PATTERNS[wanted]}).`,
      );
    return wanted;
  }
  if (present.length === 0) {
    throw new AppError(
      "bad_request",
      `The folder ${scan.folder} holds no Parquet, CSV or JSON files (looked for ${Object.values(FORMAT_PATTERNS).join(", ")} in it and its subfolders).`,
    );
  }
  if (present.length > 1) {
    const found = present.map((f) => `${scan.counts[f]} ${FORMAT_LABELS[f]}`).join(", ");
    throw new AppError(
      "bad_request",
      `The folder ${scan.folder} mixes file formats (${found} files); choose the format whose files make up the table.`,
    );
  }
  return present[0];
}

/** `year=2024/month=05/part-0.parquet` → ["year", "month"]: Hive-style partition folders. */
export function partitionKeysOf(relativeFile: string | undefined): string[] {
  if (!relativeFile) return [];
  const folders = relativeFile.split(/[\\/]/).slice(0, -1);
  return folders
    .map((segment) => segment.match(/^([^=]+)=/)?.[1])
    .filter((key): key is string => !!key);
}
