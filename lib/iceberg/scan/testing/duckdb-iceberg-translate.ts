/**
 * Test support: running DuckDB-iceberg's SQL against Tarn. Each `iceberg_scan(path, …)`
 * becomes Tarn's relation for that table (loaded in place, planned, `scanToSql`), and
 * `iceberg_metadata`/`iceberg_snapshots` become projections of Tarn's `entries` and
 * `snapshots` metadata tables with DuckDB's column names and spellings.
 *
 * DuckDB's options for finding the metadata file (`version`, `version_name_format`,
 * `metadata_compression_codec`) are emulated here, in the harness, because they are
 * DuckDB's conventions rather than Iceberg's: Tarn's own `findLatestMetadata` detects
 * gzip by content and needs no codec.
 */
import path from "node:path";
import { BindError } from "../../expr";
import type { FileIO } from "../../io";
import { ValueError } from "../../values";
import { findLatestMetadata, listMetadataFiles } from "../find-metadata";
import { type LoadedTable, loadTable } from "../load-table";
import { metadataTableSql } from "../metadata-tables";
import { type PlanScanInput, planTableScan } from "../plan-scan";
import type { SnapshotSelector } from "../select-snapshot";
import { scanToSql } from "../sql/scan-sql";
import { findCalls, type SqlCall, unquote } from "./sql-calls";
import { pushdownFilter } from "./where-pushdown";

export const TRANSLATED_FUNCTIONS = ["iceberg_scan", "iceberg_metadata", "iceberg_snapshots"];

export interface TranslateContext {
  io: FileIO;
  /** What `{WORKING_DIRECTORY}` and relative table paths mean. */
  workingDir: string;
  /** DuckDB's `SET iceberg_unsafe_skip_puffin_verification = true`. */
  allowBareDeletionVectors?: boolean;
}

export class HarnessError extends Error {
  override name = "HarnessError";
}

export async function translateIcebergSql(sql: string, context: TranslateContext): Promise<string> {
  const calls = findCalls(sql, TRANSLATED_FUNCTIONS);
  let out = sql;
  for (const call of [...calls].reverse()) {
    const relation = await translateCall(call, sql, context);
    out = `${out.slice(0, call.start)}${relation}${out.slice(call.end)}`;
  }
  return out;
}

async function translateCall(
  call: SqlCall,
  sql: string,
  context: TranslateContext,
): Promise<string> {
  const table = await loadTable(context.io, await metadataLocation(call, context));
  switch (call.name) {
    case "iceberg_scan":
      return scanRelation(call, sql, table, context);
    case "iceberg_metadata":
      return icebergMetadata(table);
    default:
      return icebergSnapshots(table);
  }
}

async function scanRelation(
  call: SqlCall,
  sql: string,
  table: LoadedTable,
  context: TranslateContext,
) {
  const options = {
    snapshot: snapshotOption(call),
    allowBareDeletionVectors: context.allowBareDeletionVectors,
    caseSensitive: false,
  };
  const plan = await planWithPushdown(table, options, sql, call.end);
  // DuckDB's iceberg_scan has a virtual `filename` column; Tarn offers the recorded path.
  const wantsFilename = /\bfilename\b/i.test(sql);
  return scanToSql(plan, wantsFilename ? { fileColumn: "filename" } : {});
}

async function icebergMetadata(table: LoadedTable): Promise<string> {
  const entries = await metadataTableSql("entries", tableInput(table));
  return `(SELECT manifest_path, manifest_sequence_number,
      CASE manifest_content WHEN 0 THEN 'DATA' ELSE 'DELETE' END AS manifest_content,
      CASE status WHEN 0 THEN 'EXISTING' WHEN 1 THEN 'ADDED' ELSE 'DELETED' END AS status,
      CASE content WHEN 0 THEN 'DATA' WHEN 1 THEN 'POSITION_DELETES' ELSE 'EQUALITY_DELETES' END AS content,
      file_path, file_format, record_count,
      sequence_number AS data_sequence_number, file_sequence_number
    FROM ${entries} e)`;
}

async function icebergSnapshots(table: LoadedTable): Promise<string> {
  const snapshots = await metadataTableSql("snapshots", tableInput(table));
  return `(SELECT sequence_number, snapshot_id, committed_at AT TIME ZONE 'UTC' AS timestamp_ms, manifest_list FROM ${snapshots} s)`;
}

/**
 * Plans with the query's simple WHERE conjuncts as the pruning filter. Non-integer
 * literals go as text (exact decimals), else as numbers (floats); a WHERE clause that does
 * not bind at all is DuckDB's to report — planning without it only prunes less.
 */
async function planWithPushdown(
  table: LoadedTable,
  options: Omit<PlanScanInput, "io" | "metadata" | "resolver" | "filter">,
  sql: string,
  offset: number,
) {
  for (const numbers of ["text", "number"] as const) {
    try {
      return await planTableScan(table, {
        ...options,
        filter: pushdownFilter(sql, offset, numbers),
      });
    } catch (error) {
      if (!(error instanceof BindError) && !(error instanceof ValueError)) throw error;
    }
  }
  return planTableScan(table, options);
}

function tableInput(table: LoadedTable) {
  return { io: table.io, metadata: table.metadata, resolver: table.resolver };
}

function snapshotOption(call: SqlCall): SnapshotSelector | undefined {
  const byId = call.named.snapshot_from_id;
  if (byId) return { type: "snapshot-id", snapshotId: BigInt(unquote(byId)) };
  const byTime = call.named.snapshot_from_timestamp;
  if (byTime) return asOf(byTime);
  const second = call.positional[1];
  if (!second) return undefined;
  if (/::\s*UBIGINT$/i.test(second)) {
    return { type: "snapshot-id", snapshotId: BigInt(second.replace(/::.*$/, "").trim()) };
  }
  return asOf(second);
}

function asOf(text: string): SnapshotSelector {
  const stamp = unquote(text.replace(/::\s*TIMESTAMP$/i, "")).replace(" ", "T");
  return { type: "as-of", timestampMs: Date.parse(`${stamp}Z`) };
}

/** DuckDB's rules for where a table's metadata file is. */
async function metadataLocation(call: SqlCall, context: TranslateContext): Promise<string> {
  const raw = call.positional[0];
  if (!raw || !/^'.*'$/s.test(raw.trim())) throw new HarnessError(`not a table path: ${raw}`);
  const given = unquote(raw)
    .replace("{WORKING_DIRECTORY}", context.workingDir)
    .replace("__WORKING_DIRECTORY__", context.workingDir);
  const location = path.isAbsolute(given) ? given : path.join(context.workingDir, given);
  if (/\.json$/.test(location)) return location;
  const formats = nameFormats(call);
  const codec = call.named.metadata_compression_codec
    ? unquote(call.named.metadata_compression_codec)
    : "none";
  const suffix = codec === "none" ? "" : codec === "gzip" ? ".gz" : `.${codec}`;
  const version = await versionOf(call, context.io, location, suffix);
  for (const format of formats) {
    const name = format.replace("%s", version).replace("%s", suffix);
    const candidate = path.join(location, "metadata", name);
    if (await context.io.exists(candidate)) return candidate;
  }
  throw new HarnessError(
    `Iceberg metadata file not found for table version '${version}' using '${codec}' compression and format(s): '${formats.join(",")}'`,
  );
}

function nameFormats(call: SqlCall): string[] {
  const format = call.named.version_name_format;
  if (!format) return ["v%s%s.metadata.json", "%s%s.metadata.json"];
  const text = unquote(format);
  const count = text.split("%s").length - 1;
  if (count !== 2) {
    throw new HarnessError(
      `'version_name_format' has to contain two occurrences of '%s' in it, found ${count}`,
    );
  }
  return [text];
}

/** `version=…`, else version-hint.text, else the highest version (DuckDB's guessing). */
async function versionOf(
  call: SqlCall,
  io: FileIO,
  location: string,
  suffix: string,
): Promise<string> {
  const given = call.named.version && unquote(call.named.version);
  if (given && given !== "?") return given;
  const hint = path.join(location, "metadata", "version-hint.text");
  if (!given && (await io.exists(hint)))
    return new TextDecoder().decode(await io.read(hint)).trim();
  // No hint: Tarn's own guess (the highest version; fails with ScanError when none),
  // kept to the compression asked for, as DuckDB's format names are.
  const files = await listMetadataFiles(io, path.join(location, "metadata"));
  const matching = files.filter((f) => f.location.includes(".gz") === (suffix === ".gz"));
  const latest = matching.at(-1)?.location ?? (await findLatestMetadata(io, location));
  const name = path.basename(latest);
  return name.replace(/^v/, "").replace(/(\.gz)?\.metadata\.json(\.gz)?$/, "");
}
