/**
 * A scan plan as the SQL text of one DuckDB relation (a parenthesised subquery) that
 * yields the snapshot's rows with every delete applied:
 *
 * ```sql
 * (WITH data AS (SELECT … FROM read_parquet([...], schema = MAP {…}, filename = …, file_row_number = true)
 *                UNION ALL …),
 *       pos_deletes AS (…), eq_deletes_0 AS (…)
 *  SELECT "__tarn_0" AS "id", … FROM data d
 *  WHERE NOT EXISTS (SELECT 1 FROM pos_deletes p WHERE p.file = d.__tarn_file AND p.pos = d.__tarn_pos)
 *    AND NOT EXISTS (SELECT 1 FROM eq_deletes_0 e WHERE e.e1 IS NOT DISTINCT FROM d.__tarn_3
 *                    AND d.__tarn_seq < e.seq AND (e.part IS NULL OR e.part = d.__tarn_part)))
 * ```
 *
 * Without deletes to apply (nor a file column) it is only the data:
 * `(SELECT CAST("id" AS BIGINT) AS "id", … FROM read_parquet([...], …) UNION ALL …)`.
 *
 * Columns are mapped by Parquet field id (file-read.ts), or by name through
 * `read_parquet([…], union_by_name = true)` where that gives the same rows (name-read.ts,
 * several threads per file instead of one); every path and name is quoted (quote.ts).
 * The filter a plan was made with only pruned files: apply it to the relation.
 */
import type { NestedField, PartitionSpec } from "../../spec";
import { fieldById } from "../columns";
import { ScanError } from "../errors";
import { partitionKey } from "../partition-key";
import type { PlannedFile, ScanPlan } from "../types";
import { type DataSqlInput, dataSql } from "./data-sql";
import type { ReadMode } from "./file-read";
import type { NameReadContext } from "./name-read";
import { SchemaHistory } from "./schema-history";
import { type EqualityDeleteGroup, equalityDeleteGroups, positionDeletesSql } from "./delete-sql";
import { duckType } from "../../duckdb/types";
import { internalPrefix, uniqueColumnNames } from "./names";
import { quoteIdent, quoteString } from "../../duckdb/quote";

export interface ScanSqlOptions {
  /** Adds a column of this name holding each row's data file path as recorded (Trino's `$path`). */
  fileColumn?: string;
  /**
   * Read every data file by field id, never by column name. By default files are read
   * by name where that is proven exact (name-read.ts): DuckDB then reads a file on
   * several threads. Both give the same rows; this is the reference for tests.
   */
  fieldIdsOnly?: boolean;
}

/**
 * Above this many data files a scan reads by field id: DuckDB already spreads the files
 * over its threads, and `union_by_name` reads every footer once more while binding
 * (measured about 10 µs a file: +20% on 10,000 files of 100 rows).
 */
const NAME_READ_MAX_FILES = 256;

export function scanToSql(plan: ScanPlan, options: ScanSqlOptions = {}): string {
  return buildRelation(plan, options).sql;
}

/** How the scan reads each group of data files (for tests and diagnostics). */
export function scanReadModes(plan: ScanPlan, options: ScanSqlOptions = {}): ReadMode[] {
  return buildRelation(plan, options).modes;
}

function buildRelation(plan: ScanPlan, options: ScanSqlOptions) {
  const names = uniqueColumnNames([
    ...plan.columns.map((c) => c.name),
    ...(options.fileColumn ? [options.fileColumn] : []),
  ]);
  if (plan.tasks.length === 0) {
    return { sql: emptyRelation(plan.columns, names, options), modes: [] };
  }
  const query = new RelationBuilder(plan, internalPrefix(names));
  const positions = positionDeletesSql(plan.tasks);
  const eqGroups = query.equalityGroups();
  if (!positions && eqGroups.length === 0 && !options.fileColumn) {
    // Nothing to anti-join: the data files' rows under the columns' names, no CTE around
    // them (DuckDB planned TPC-H's Q2 through the CTE 20% slower).
    const nameReads = nameReadContext(plan, options, query.internalFileColumn, false);
    return { sql: `(${query.plainData(names, nameReads)})`, modes: query.modes };
  }
  const withFileAndPos = positions !== undefined || options.fileColumn !== undefined;
  const nameReads = nameReadContext(plan, options, query.internalFileColumn, withFileAndPos);
  const modes = query.addData(withFileAndPos, eqGroups.length > 0, nameReads);
  if (positions) query.antiJoinPositions(positions);
  for (const [k, group] of eqGroups.entries()) query.antiJoinEquality(group, k);
  const select = plan.columns.map((_, i) => `${query.ref(String(i))} AS ${quoteIdent(names[i])}`);
  if (options.fileColumn)
    select.push(`${query.joinRecordedPaths()} AS ${quoteIdent(names.at(-1)!)}`);
  return { sql: query.build(select), modes };
}

function nameReadContext(
  plan: ScanPlan,
  options: ScanSqlOptions,
  fileColumn: string,
  withFileAndPos: boolean,
): NameReadContext | undefined {
  if (options.fieldIdsOnly || plan.tasks.length > NAME_READ_MAX_FILES) return undefined;
  // A file column of these names would clash with the ones DuckDB adds to the read.
  const reserved = withFileAndPos ? ["file_row_number", fileColumn.toLowerCase()] : [];
  return { history: SchemaHistory.of(plan.metadata), reserved };
}

/** The pieces of the relation: CTEs, the FROM clause and the anti-join conditions. */
class RelationBuilder {
  private readonly ctes: string[] = [];
  private readonly conditions: string[] = [];
  private from = "data d";
  private readonly specs: Map<number, PartitionSpec>;
  private readonly parts: PartitionGroups;
  /** The fields data rows carry: the columns, then equality-delete columns not among them. */
  private readonly fields: NestedField[];

  constructor(
    private readonly plan: ScanPlan,
    private readonly prefix: string,
  ) {
    this.specs = new Map(plan.metadata.partitionSpecs.map((s) => [s.specId, s]));
    this.parts = new PartitionGroups(this.specs);
    this.fields = [...plan.columns];
  }

  /** A column of the data rows: a field's index, or file / pos / seq / part. */
  ref(name: string): string {
    return `d.${quoteIdent(`${this.prefix}${name}`)}`;
  }

  equalityGroups(): EqualityDeleteGroup[] {
    const files = [...new Set(this.plan.tasks.flatMap((t) => t.deletes.equalityDeletes))];
    const groups = equalityDeleteGroups(
      files,
      (id) => equalityField(this.plan, id),
      (f) => this.parts.of(f, true),
    );
    for (const group of groups) {
      for (const field of group.fields) if (!this.fields.includes(field)) this.fields.push(field);
    }
    return groups;
  }

  /** The column DuckDB's `filename` option adds to data rows. */
  get internalFileColumn(): string {
    return `${this.prefix}file`;
  }

  /** How each group of data files was read, once the data SQL is made. */
  modes: ReadMode[] = [];

  /** The data files' rows, each field under its name in `names`. */
  plainData(names: string[], nameReads: NameReadContext | undefined): string {
    const { sql, modes } = dataSql({ ...this.dataInput(false, false, nameReads), aliases: names });
    this.modes = modes;
    return sql;
  }

  addData(
    withFileAndPos: boolean,
    withSeqAndPart: boolean,
    nameReads: NameReadContext | undefined,
  ): ReadMode[] {
    const { sql, modes } = dataSql(this.dataInput(withFileAndPos, withSeqAndPart, nameReads));
    this.ctes.push(`data AS (\n${sql}\n)`);
    this.modes = modes;
    return modes;
  }

  private dataInput(
    withFileAndPos: boolean,
    withSeqAndPart: boolean,
    nameReads: NameReadContext | undefined,
  ): DataSqlInput {
    return {
      files: this.plan.tasks.map((t) => t.dataFile),
      fields: this.fields,
      specs: this.specs,
      ...(this.plan.nameMapping ? { nameMapping: this.plan.nameMapping } : {}),
      prefix: this.prefix,
      withFileAndPos,
      ...(withSeqAndPart ? { partOf: (f: PlannedFile) => this.parts.of(f, false) } : {}),
      ...(nameReads ? { nameReads } : {}),
    };
  }

  antiJoinPositions(positions: string): void {
    this.ctes.push(`pos_deletes AS (\n${positions}\n)`);
    this.conditions.push(
      `NOT EXISTS (SELECT 1 FROM pos_deletes x WHERE x.file = ${this.ref("file")} AND x.pos = ${this.ref("pos")})`,
    );
  }

  /** Equal values (NULL matching NULL), an older data file, the same partition or a global delete. */
  antiJoinEquality(group: EqualityDeleteGroup, k: number): void {
    this.ctes.push(`eq_deletes_${k} AS (\n${group.sql}\n)`);
    const matches = group.fields.map(
      (f) =>
        `x.${quoteIdent(`e${f.id}`)} IS NOT DISTINCT FROM ${this.ref(String(this.fields.indexOf(f)))}`,
    );
    const scope = `${this.ref("seq")} < x.seq AND (x.part IS NULL OR x.part = ${this.ref("part")})`;
    this.conditions.push(
      `NOT EXISTS (SELECT 1 FROM eq_deletes_${k} x WHERE ${matches.join(" AND ")} AND ${scope})`,
    );
  }

  /** Joins each row's recorded data file path; returns the expression for it. */
  joinRecordedPaths(): string {
    const rows = this.plan.tasks.map(
      (t) => `(${quoteString(t.dataFile.localPath)}, ${quoteString(t.dataFile.filePath)})`,
    );
    this.ctes.push(`data_files AS (VALUES ${rows.join(", ")})`);
    this.from += ` JOIN data_files f(local_path, recorded_path) ON f.local_path = ${this.ref("file")}`;
    return "f.recorded_path";
  }

  build(select: string[]): string {
    const where = this.conditions.length ? `\nWHERE ${this.conditions.join("\n  AND ")}` : "";
    return `(WITH ${this.ctes.join(",\n")}\nSELECT ${select.join(", ") || "1 AS dummy"} FROM ${this.from}${where})`;
  }
}

/** A relation with the plan's columns and no rows (a table without snapshots, say). */
function emptyRelation(columns: NestedField[], names: string[], options: ScanSqlOptions): string {
  const select = columns.map(
    (c, i) => `CAST(NULL AS ${duckType(c.type)}) AS ${quoteIdent(names[i])}`,
  );
  if (options.fileColumn)
    select.push(`CAST(NULL AS VARCHAR) AS ${quoteIdent(names[names.length - 1])}`);
  return `(SELECT ${select.join(", ")} WHERE false)`;
}

function equalityField(plan: ScanPlan, id: number): NestedField {
  const field = fieldById(plan.metadata, plan.schema, id);
  if (!field) {
    throw new ScanError(
      "unsupported",
      `An equality delete file uses field id ${id}, which is not a top-level column of any schema of the table.`,
      { fieldId: id },
    );
  }
  return field;
}

/**
 * Small integers for "same spec, same partition tuple", shared by data files and
 * equality deletes. Unpartitioned delete files get none: they apply to every partition.
 */
class PartitionGroups {
  private readonly ids = new Map<string, number>();

  constructor(private readonly specs: ReadonlyMap<number, PartitionSpec>) {}

  of(file: PlannedFile, isDelete: boolean): number | undefined {
    const spec = this.specs.get(file.specId);
    if (isDelete && (!spec || spec.fields.every((f) => f.transform === "void"))) return undefined;
    const key = partitionKey(file.specId, file.partition);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}
