/**
 * The data side of a scan: one `read_parquet` per group of data files that read the same
 * way (same columns requested, same constants), UNION ALL'ed. Each group yields the
 * wanted fields as `<prefix><i>`, plus — when deletes need them — the file's local path,
 * the row's position in it, the file's data sequence number and its partition group.
 * A group is read by field id unless name-read.ts proves reading it by name exact.
 */

import { quoteIdent, quoteString, stringList } from "../../duckdb/quote";
import type { NestedField, PartitionSpec } from "../../spec";
import type { NameMapping } from "../name-mapping";
import type { PlannedFile } from "../types";
import {
  type ColumnRequest,
  type FileReadPlan,
  identityValue,
  planFileRead,
  type ReadMode,
} from "./file-read";
import { groupBy } from "./group-by";
import { type NameReadContext, planNameRead } from "./name-read";
import { NO_HIVE } from "./no-hive";

export interface DataSqlInput {
  files: readonly PlannedFile[];
  fields: readonly NestedField[];
  specs: ReadonlyMap<number, PartitionSpec>;
  nameMapping?: NameMapping;
  prefix: string;
  withFileAndPos: boolean;
  /** When set, rows carry `<prefix>seq` and `<prefix>part` (for equality deletes). */
  partOf?: (file: PlannedFile) => number | undefined;
  /** When set, groups are read by name where that is exact; by field id otherwise. */
  nameReads?: NameReadContext;
  /** The output name of each field, instead of `<prefix><i>`. */
  aliases?: readonly string[];
}

export interface DataSql {
  sql: string;
  /** How each group of files is read, in the order of the UNION ALL. */
  modes: ReadMode[];
}

export function dataSql(input: DataSqlInput): DataSql {
  const plans = new ReadPlans(input);
  const groups = [
    ...groupBy(
      input.files.map((file) => ({ file, read: plans.of(file) })),
      ({ file, read }) => [plans.keyOf(read), ...constantsOf(input, file)].join("\u0000"),
    ).values(),
  ];
  const sql = groups.map((members) =>
    groupSql(
      input,
      members.map((m) => m.file),
      members[0].read,
    ),
  );
  return { sql: sql.join("\nUNION ALL\n"), modes: groups.map((members) => members[0].read.mode) };
}

/**
 * Read plans, shared by files that read alike. Without its footer a file's plan depends
 * only on its spec, whether it was written since the table is v2 (name-read.ts) and its
 * identity-partition values — so 10,000 files of 50 partitions plan 50 times, not 10,000.
 */
class ReadPlans {
  private readonly byShape = new Map<string, FileReadPlan>();
  private readonly keys = new Map<FileReadPlan, string>();

  constructor(private readonly input: DataSqlInput) {}

  of(file: PlannedFile): FileReadPlan {
    if (file.parquetSchema !== undefined) return readPlanFor(this.input, file);
    const spec = this.input.specs.get(file.specId);
    const identities = this.input.fields.map(
      (field) => identityValue(field, file, spec) ?? "\u0001",
    );
    const shape = [file.specId, file.dataSequenceNumber >= 1, ...identities].join("\u0000");
    let plan = this.byShape.get(shape);
    if (!plan) {
      plan = readPlanFor(this.input, file);
      this.byShape.set(shape, plan);
    }
    return plan;
  }

  /** Equal for plans that read the same way (plans of one shape are one object). */
  keyOf(plan: FileReadPlan): string {
    let key = this.keys.get(plan);
    if (key === undefined) {
      key = JSON.stringify(plan);
      this.keys.set(plan, key);
    }
    return key;
  }
}

function readPlanFor(input: DataSqlInput, file: PlannedFile): FileReadPlan {
  const spec = input.specs.get(file.specId);
  const byName = input.nameReads && planNameRead(input.fields, file, spec, input.nameReads);
  return byName ?? planFileRead(input.fields, file, spec, input.nameMapping);
}

function constantsOf(input: DataSqlInput, file: PlannedFile): string[] {
  if (!input.partOf) return [];
  const part = input.partOf(file);
  return [String(file.dataSequenceNumber), part === undefined ? "NULL" : String(part)];
}

function groupSql(input: DataSqlInput, files: PlannedFile[], read: FileReadPlan): string {
  const p = input.prefix;
  const select = read.values.map(
    (value, i) => `${value} AS ${quoteIdent(input.aliases?.[i] ?? `${p}${i}`)}`,
  );
  const options: string[] = [];
  if (input.withFileAndPos) {
    select.push(`${quoteIdent(`${p}file`)}`, `file_row_number AS ${quoteIdent(`${p}pos`)}`);
    options.push(`filename = ${quoteString(`${p}file`)}`, "file_row_number = true");
  }
  if (input.partOf) {
    const [seq, part] = constantsOf(input, files[0]);
    select.push(
      `${seq} AS ${quoteIdent(`${p}seq`)}`,
      `CAST(${part} AS INTEGER) AS ${quoteIdent(`${p}part`)}`,
    );
  }
  const paths = stringList(files.map((f) => f.localPath));
  return `SELECT ${select.join(", ") || "1"} FROM ${fromSql(paths, read, options, files)}`;
}

function fromSql(
  paths: string,
  read: FileReadPlan,
  options: string[],
  files: PlannedFile[],
): string {
  switch (read.mode) {
    case "field-id": {
      const schema = read.columns.length ? [`schema = ${schemaMap(read)}`] : [];
      return `read_parquet(${[paths, ...schema, ...options].join(", ")})`;
    }
    case "file-names":
      return `read_parquet(${[paths, NO_HIVE, ...options].join(", ")})`;
    case "union-by-name":
      return unionByNameSql(paths, unproven(read.columns, files), options);
  }
}

/**
 * The columns of a name read that no file of the group is known to have: a column a
 * footer showed, or one with metrics in some file's manifest entry, is in the files.
 */
function unproven(columns: ColumnRequest[], files: PlannedFile[]): ColumnRequest[] {
  const inSomeFile = (ids: number[]) =>
    files.some((f) =>
      ids.some(
        (id) => f.valueCounts?.has(id) || f.columnSizes?.has(id) || f.nullValueCounts?.has(id),
      ),
    );
  return columns.filter((c) => c.proof !== "in-file" && !(c.proof && inSomeFile(c.proof)));
}

/**
 * `(SELECT * FROM read_parquet([…], union_by_name = true, …) UNION ALL BY NAME SELECT
 * CAST(NULL AS T) AS "c", … WHERE false)`: the empty branch names the columns that no
 * file of the group may have (added after they were written), so they are NULL instead of
 * unknown. Without such columns it is left out: the branch keeps DuckDB from using the
 * files' statistics for filters (a filtered count of TPC-H lineitem took 2.6× as long).
 */
function unionByNameSql(paths: string, columns: ColumnRequest[], options: string[]): string {
  const read = `read_parquet(${[paths, "union_by_name = true", NO_HIVE, ...options].join(", ")})`;
  if (columns.length === 0) return read;
  const nulls = columns.map((c) => `CAST(NULL AS ${c.readType}) AS ${quoteIdent(String(c.key))}`);
  return `(SELECT * FROM ${read} UNION ALL BY NAME SELECT ${nulls.join(", ")} WHERE false)`;
}

/** `MAP {1: {name: 'c0', type: 'BIGINT', default_value: NULL}, …}`: columns by field id. */
function schemaMap(read: FileReadPlan): string {
  const entries = read.columns.map(
    (c) =>
      // default_value is cast to `type`; VARIANT lets every entry share one struct type
      `${c.key}: {name: ${quoteString(c.alias)}, type: ${quoteString(c.readType)}, default_value: CAST(${c.defaultSql} AS VARIANT)}`,
  );
  return `MAP {${entries.join(", ")}}`;
}
