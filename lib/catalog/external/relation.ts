/**
 * The DuckDB relation that reads an external table: a reader function over every file of
 * its format below the folder, built at read time from the catalog row — the glob is
 * evaluated by DuckDB on each read, so files added since registration show up.
 *
 * Only Tarn builds this SQL; user SQL never names a file (DESIGN.md). The folder was
 * checked at registration and is checked again here, because rows can be edited.
 */
import { AppError } from "@/lib/errors";
import { quoteString } from "@/lib/iceberg/scan";
import {
  type ExternalFormat,
  type ExternalOptions,
  FORMAT_PATTERNS,
  isExternalFormat,
  OPTION_RULES,
  validateOptions,
} from "./formats";

export interface ExternalSource {
  folder: string;
  format: ExternalFormat;
  options: ExternalOptions;
}

/** The columns of a catalog row that say where and how to read. */
export interface ExternalRowLike {
  kind: string;
  location: string | null;
  format: string | null;
  options: string;
}

const READERS: Record<ExternalFormat, string> = {
  parquet: "read_parquet",
  csv: "read_csv",
  json: "read_json",
};

/** DuckDB treats these as glob syntax in a path; a folder name holding them cannot be read literally. */
const GLOB_CHARACTERS = /[*?[\]{}]/;

/** `read_parquet('/lake/events/**\/*.parquet', hive_partitioning = true, union_by_name = true)` */
export function readerSql(source: ExternalSource): string {
  assertReadablePath(source.folder);
  const glob = `${source.folder.replace(/\/+$/, "")}/**/${FORMAT_PATTERNS[source.format]}`;
  const options: ExternalOptions = { hivePartitioning: true, unionByName: true, ...source.options };
  const params = Object.entries(options).map(
    ([key, value]) => `${OPTION_RULES[key as keyof ExternalOptions].param} = ${sqlValue(value)}`,
  );
  return `${READERS[source.format]}(${[quoteString(glob), ...params].join(", ")})`;
}

/** `(SELECT * FROM read_…(…))`: one parenthesised relation, like `scanToSql` for Iceberg tables. */
export function externalRelationSql(row: ExternalRowLike): string {
  return `(SELECT * FROM ${readerSql(externalSourceOf(row))})`;
}

export function externalSourceOf(row: ExternalRowLike): ExternalSource {
  if (row.kind !== "external" || !row.location || !isExternalFormat(row.format)) {
    throw new AppError("bad_request", "This table is not an external table over a folder.");
  }
  return {
    folder: row.location,
    format: row.format,
    options: validateOptions(row.format, JSON.parse(row.options || "{}")),
  };
}

export function assertReadablePath(folder: string): void {
  if (GLOB_CHARACTERS.test(folder)) {
    throw new AppError(
      "bad_request",
      `The folder ${folder} has one of * ? [ ] { } in its path, which file patterns would misread; rename or link it.`,
    );
  }
}

function sqlValue(value: unknown): string {
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(Math.trunc(value));
  return quoteString(String(value));
}
