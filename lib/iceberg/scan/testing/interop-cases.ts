/**
 * Test support: the DuckDB-iceberg expectations (`expected/*.jsonl` of the fixtures) and
 * what Tarn's interop test does with each line. Every line runs unless it is listed in
 * EXCLUDED with the reason it cannot apply to Tarn; nothing is skipped silently.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ExpectedLine {
  key: string;
  file: "persistent" | "spark-v1-v2";
  index: number;
  source: string;
  kind: "query" | "error";
  sql: string;
  expected: string[] | null;
  error_contains: string | null;
  sort: string | null;
}

export function readExpectedLines(fixtures: string, file: ExpectedLine["file"]): ExpectedLine[] {
  const text = readFileSync(path.join(fixtures, "expected", `${file}.jsonl`), "utf8");
  return text
    .split("\n")
    .filter((line) => line.trim())
    .map((line, index) => ({ ...JSON.parse(line), file, index, key: `${file}:${index}` }));
}

/** Where each file's paths start: the fixtures' table folders. */
export const WORKING_DIRS: Record<ExpectedLine["file"], string> = {
  persistent: "tables/persistent",
  "spark-v1-v2": "tables/spark-v1-v2",
};

const BEFORE_LOAD =
  "asserts the failure of a DuckDB function before the iceberg extension is loaded";
const COLUMN_STATS =
  "iceberg_column_stats is a DuckDB diagnostic with DuckDB's own shape (partition structs named r0, r1, …); Tarn's `files` table holds the same bounds and counts (checked in metadata-tables.int.test.ts)";
const PARTITION_STATS =
  "iceberg_partition_stats is a DuckDB diagnostic with DuckDB's own shape; Tarn's `manifests` table holds the partition summaries (checked in metadata-tables.int.test.ts)";
const LOGS =
  "reads duckdb_logs() written by DuckDB's scan; Tarn's equivalent — the files and records pruning skips — is asserted in pruning.int.test.ts";
const MISSING_TABLE = (name: string) =>
  `the table ${name} is not part of the fixtures (only its expected results were converted)`;

export const EXCLUDED: Record<string, string> = {
  "persistent:36": COLUMN_STATS,
  "persistent:37": COLUMN_STATS,
  "persistent:83":
    "iceberg_table_properties is a DuckDB catalog function; Tarn keeps table properties in its catalog",
  "persistent:85": BEFORE_LOAD,
  "persistent:86": COLUMN_STATS,
  "persistent:87": COLUMN_STATS,
  "persistent:88": COLUMN_STATS,
  "persistent:89": COLUMN_STATS,
  "persistent:90": COLUMN_STATS,
  "persistent:91": BEFORE_LOAD,
  "persistent:100": MISSING_TABLE("iceberg/lineitem_iceberg_no_hint"),
  "persistent:101": MISSING_TABLE("iceberg/lineitem_iceberg_no_hint"),
  "persistent:102": MISSING_TABLE("iceberg/lineitem_iceberg_no_hint"),
  "persistent:103": MISSING_TABLE("iceberg/lineitem_iceberg_no_hint"),
  "persistent:104": MISSING_TABLE("iceberg/lineitem_iceberg_no_hint"),
  "persistent:105": MISSING_TABLE("iceberg/lineitem_iceberg_gz_no_hint"),
  "persistent:106": MISSING_TABLE("iceberg/lineitem_iceberg_gz_no_hint"),
  "persistent:107": "passes a DuckDB catalog table (memory.main.t1) instead of a table path",
  "persistent:108": BEFORE_LOAD,
  "persistent:109": PARTITION_STATS,
  "persistent:110": PARTITION_STATS,
  "persistent:111": PARTITION_STATS,
  "persistent:112": PARTITION_STATS,
  "persistent:113": PARTITION_STATS,
  "persistent:122": LOGS,
  "persistent:123": LOGS,
  "persistent:127":
    "needs a table DuckDB writes itself (COPY … (FORMAT ICEBERG), 250 million rows)",
  "persistent:128":
    "needs a table DuckDB writes itself (COPY … (FORMAT ICEBERG), 250 million rows)",
  "persistent:129":
    "needs a table DuckDB writes itself (COPY … (FORMAT ICEBERG), 250 million rows)",
  "persistent:130":
    "needs a table DuckDB writes itself (COPY … (FORMAT ICEBERG), 250 million rows)",
  "persistent:131":
    "needs a table DuckDB writes itself (COPY … (FORMAT ICEBERG), 250 million rows)",
  "persistent:132":
    "needs a table DuckDB writes itself (COPY … (FORMAT ICEBERG), 250 million rows)",
  "persistent:133":
    "expects DuckDB's TIMESTAMPTZ_NS type, which DuckDB 1.5 does not have; Tarn reads timestamptz_ns as TIMESTAMPTZ (microseconds)",
  "persistent:137": LOGS,
  "spark-v1-v2:0": BEFORE_LOAD,
  "spark-v1-v2:16": BEFORE_LOAD,
  "spark-v1-v2:65": BEFORE_LOAD,
  "spark-v1-v2:64":
    "matches the text of an older DuckDB's EXPLAIN (a PARQUET_SCAN operator, an ' ANTI ' join); DuckDB 1.5 prints READ_PARQUET and RIGHT_ANTI — that Tarn's relation anti-joins the position deletes is checked in scan-sql.int.test.ts",
  "spark-v1-v2:27":
    "expects DuckDB's old 'No snapshots found' error for a table without snapshots; Tarn reads such a table as empty (and so does current DuckDB, persistent:48)",
  ...Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26]
      .concat([28, 29, 30, 31, 32, 33, 34, 35, 66, 67, 68, 69, 70, 72, 73, 74, 75, 76, 77, 78])
      .map((i) => [`spark-v1-v2:${i}`, MISSING_TABLE("data/iceberg/lineitem_iceberg*")]),
  ),
};

/** Statements the original test ran before a source's lines (time zones, oracles). */
export const SOURCE_SETUP: Record<string, string[]> = {
  "local/partitioning/identity/identity_timestamptz.test": ["SET TimeZone = 'Europe/Amsterdam'"],
  "local/initial_default_all_types.test": ["SET TimeZone = 'Europe/Amsterdam'"],
  "local/initial_default_in_struct_all_types.test": ["SET TimeZone = 'Europe/Amsterdam'"],
  "local/iceberg_scans/scan_order_limit_pruning.test": [
    "CREATE OR REPLACE TEMP TABLE oracle_desc AS SELECT id FROM iceberg_scan('{WORKING_DIRECTORY}/data/persistent/is_null_is_not_null') ORDER BY id DESC LIMIT 5",
    "CREATE OR REPLACE TEMP TABLE oracle_asc AS SELECT id FROM iceberg_scan('{WORKING_DIRECTORY}/data/persistent/is_null_is_not_null') ORDER BY id ASC LIMIT 5",
  ],
};

/** `SET iceberg_unsafe_skip_puffin_verification = true` came before this line. */
export const BARE_DELETION_VECTORS = new Set(["persistent:42"]);

/**
 * Error lines: DuckDB's messages are DuckDB's. Tarn must fail for the same reason; this
 * says how Tarn (or the harness emulating a DuckDB option) words it.
 */
export const TARN_ERRORS: Record<string, RegExp> = {
  "persistent:41": /not a Puffin file.*bare blobs.*allowBareDeletionVectors/,
  "persistent:50": /'version_name_format' has to contain two occurrences of '%s' in it, found 1/,
  "persistent:96": /metadata file not found for table version '2' using 'none' compression/,
  "persistent:97": /metadata file not found for table version '2' using 'blarg' compression/,
  "persistent:99": /No Iceberg metadata under .*lineitem_iceberg_nonexistent/,
  "spark-v1-v2:8": /No Iceberg metadata under .*lineitem_iceberg_nonexistent/,
  "spark-v1-v2:48": /bad_iceberg_metadata\.json|line \d+|expected|JSON/i,
  "spark-v1-v2:63": /Binder Error/,
  "spark-v1-v2:71": /No Iceberg metadata under .*lineitem_iceberg_nonexistent/,
};

/**
 * `nosort` lines with no rows of their own compared their result with another line's
 * (sqllogictest result labels): the table read through its folder and through its
 * latest metadata file must agree.
 */
export const SAME_RESULT_AS: Record<string, string> = {
  "spark-v1-v2:51": "spark-v1-v2:50",
  "spark-v1-v2:53": "spark-v1-v2:52",
  "spark-v1-v2:58": "spark-v1-v2:57",
  "spark-v1-v2:60": "spark-v1-v2:59",
};
