/**
 * The file formats an external table can be made of, which files belong to each, and
 * the reader options Tarn accepts for them. Options are whitelisted and typed: they end
 * up in SQL text, so nothing is passed through as it came.
 */
import { AppError } from "@/lib/errors";

export const EXTERNAL_FORMATS = ["parquet", "csv", "json"] as const;
export type ExternalFormat = (typeof EXTERNAL_FORMATS)[number];

/** Reader options as stored in `CatalogTable.options`. */
export interface ExternalOptions {
  /** Read `key=value` folders as columns (default true). */
  hivePartitioning?: boolean;
  /** Match columns of files by name, so files may differ in columns (default true). */
  unionByName?: boolean;
  /** CSV: the delimiter (sniffed when absent). */
  delimiter?: string;
  /** CSV: whether the first line holds column names (sniffed when absent). */
  header?: boolean;
  /** CSV: the quote and escape characters. */
  quote?: string;
  escape?: string;
  /** CSV: lines to skip at the top of each file. */
  skip?: number;
  /** CSV: the text that means NULL. */
  nullString?: string;
  /** CSV: read every column as text. */
  allVarchar?: boolean;
  /** CSV and JSON: how dates and timestamps are written (strptime format). */
  dateFormat?: string;
  timestampFormat?: string;
  /** JSON: one document per line, or one array of documents per file (auto when absent). */
  jsonFormat?: "auto" | "newline_delimited" | "array";
  /** Parquet: read BINARY columns as text. */
  binaryAsString?: boolean;
}

type OptionKind = "boolean" | "char" | "text" | "count" | { oneOf: readonly string[] };

interface OptionRule {
  formats: readonly ExternalFormat[];
  kind: OptionKind;
  /** The DuckDB reader parameter. */
  param: string;
}

const ALL = EXTERNAL_FORMATS;

export const OPTION_RULES: Record<keyof ExternalOptions, OptionRule> = {
  hivePartitioning: { formats: ALL, kind: "boolean", param: "hive_partitioning" },
  unionByName: { formats: ALL, kind: "boolean", param: "union_by_name" },
  delimiter: { formats: ["csv"], kind: "text", param: "delim" },
  header: { formats: ["csv"], kind: "boolean", param: "header" },
  quote: { formats: ["csv"], kind: "char", param: "quote" },
  escape: { formats: ["csv"], kind: "char", param: "escape" },
  skip: { formats: ["csv"], kind: "count", param: "skip" },
  nullString: { formats: ["csv"], kind: "text", param: "nullstr" },
  allVarchar: { formats: ["csv"], kind: "boolean", param: "all_varchar" },
  dateFormat: { formats: ["csv", "json"], kind: "text", param: "dateformat" },
  timestampFormat: { formats: ["csv", "json"], kind: "text", param: "timestampformat" },
  jsonFormat: {
    formats: ["json"],
    kind: { oneOf: ["auto", "newline_delimited", "array"] },
    param: "format",
  },
  binaryAsString: { formats: ["parquet"], kind: "boolean", param: "binary_as_string" },
};

/**
 * File name patterns of each format, relative to any folder below the table's folder.
 * `*.csv*` and `*.json*` also take compressed files (`.csv.gz`) and JSON lines (`.jsonl`).
 */
export const FORMAT_PATTERNS: Record<ExternalFormat, string> = {
  parquet: "*.parquet",
  csv: "*.csv*",
  json: "*.json*",
};

const EXTENSION_FORMATS: [RegExp, ExternalFormat][] = [
  [/\.parquet$/i, "parquet"],
  [/\.csv(\.(gz|zst))?$/i, "csv"],
  [/\.json(l)?(\.(gz|zst))?$/i, "json"],
];

/** The format a data file's name says it has, or null for anything else (`_SUCCESS`, `.crc`…). */
export function formatOfFile(fileName: string): ExternalFormat | null {
  if (fileName.startsWith(".") || fileName.startsWith("_")) return null;
  for (const [pattern, format] of EXTENSION_FORMATS) if (pattern.test(fileName)) return format;
  return null;
}

export function isExternalFormat(value: unknown): value is ExternalFormat {
  return typeof value === "string" && (EXTERNAL_FORMATS as readonly string[]).includes(value);
}

export const FORMAT_LABELS: Record<ExternalFormat, string> = {
  parquet: "Parquet",
  csv: "CSV",
  json: "JSON",
};

/** Checks options against the format; returns only the keys that were set. */
export function validateOptions(format: ExternalFormat, options: unknown): ExternalOptions {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options))
    throw new AppError("bad_request", "Reader options must be an object.");
  const valid: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const rule = OPTION_RULES[key as keyof ExternalOptions] as OptionRule | undefined;
    if (!rule)
      throw new AppError(
        "bad_request",
        `Unknown reader option "${key}"; known: ${Object.keys(OPTION_RULES).join(", ")}.`,
      );
    if (!rule.formats.includes(format))
      throw new AppError(
        "bad_request",
        `The option "${key}" does not apply to ${FORMAT_LABELS[format]} files.`,
      );
    const problem = valueProblem(rule.kind, value);
    if (problem) throw new AppError("bad_request", `The option "${key}" ${problem}.`);
    valid[key] = value;
  }
  return valid as ExternalOptions;
}

function valueProblem(kind: OptionKind, value: unknown): string | null {
  if (kind === "boolean") return typeof value === "boolean" ? null : "must be true or false";
  if (kind === "count")
    return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000
      ? null
      : "must be a whole number from 0";
  if (typeof kind === "object")
    return kind.oneOf.includes(value as string) ? null : `must be one of ${kind.oneOf.join(", ")}`;
  if (typeof value !== "string") return "must be text";
  if (value.includes("\u0000")) return "cannot contain a NUL character";
  if (kind === "char") return value.length === 1 ? null : "must be a single character";
  return value.length <= 100 ? null : "can have at most 100 characters";
}
