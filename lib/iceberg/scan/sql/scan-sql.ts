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
 * Columns are mapped by Parquet field id (file-read.ts); every path and name is quoted
 * (quote.ts). The filter a plan was made with only pruned files: apply it to the relation.
 */
import type { NestedField, PartitionSpec } from "../../spec";
import { fieldById } from "../columns";
import { ScanError } from "../errors";
import { partitionKey } from "../partition-key";
import type { PlannedFile, ScanPlan } from "../types";
import { dataSql } from "./data-sql";
import { equalityDeleteGroups, positionDeletesSql } from "./delete-sql";
import { duckType } from "./duck-types";
import { internalPrefix, uniqueColumnNames } from "./names";
import { quoteIdent, quoteString } from "./quote";

export interface ScanSqlOptions {
  /** Adds a column of this name holding each row's data file path as recorded (Trino's `$path`). */
  fileColumn?: string;
}

export function scanToSql(plan: ScanPlan, options: ScanSqlOptions = {}): string {
  const names = uniqueColumnNames([
    ...plan.columns.map((c) => c.name),
    ...(options.fileColumn ? [options.fileColumn] : []),
  ]);
  if (plan.tasks.length === 0) return emptyRelation(plan.columns, names, options);
  const p = internalPrefix(names);
  const specs = new Map<number, PartitionSpec>(
    plan.metadata.partitionSpecs.map((s) => [s.specId, s]),
  );
  const equalityFiles = [...new Set(plan.tasks.flatMap((t) => t.deletes.equalityDeletes))];
  const parts = new PartitionGroups(specs);
  const eqGroups = equalityDeleteGroups(
    equalityFiles,
    (id) => equalityField(plan, id),
    (f) => parts.of(f, true),
  );
  const fields = [...plan.columns];
  for (const group of eqGroups)
    for (const f of group.fields) if (!fields.includes(f)) fields.push(f);
  const positions = positionDeletesSql(plan.tasks);
  const ctes = [
    `data AS (\n${dataSql({
      files: plan.tasks.map((t) => t.dataFile),
      fields,
      specs,
      ...(plan.nameMapping ? { nameMapping: plan.nameMapping } : {}),
      prefix: p,
      withFileAndPos: positions !== undefined || options.fileColumn !== undefined,
      ...(eqGroups.length ? { partOf: (f: PlannedFile) => parts.of(f, false) } : {}),
    })}\n)`,
  ];
  const conditions: string[] = [];
  const d = (name: string) => `d.${quoteIdent(`${p}${name}`)}`;
  if (positions) {
    ctes.push(`pos_deletes AS (\n${positions}\n)`);
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM pos_deletes x WHERE x.file = ${d("file")} AND x.pos = ${d("pos")})`,
    );
  }
  eqGroups.forEach((group, k) => {
    ctes.push(`eq_deletes_${k} AS (\n${group.sql}\n)`);
    const matches = group.fields.map(
      (f) => `x.${quoteIdent(`e${f.id}`)} IS NOT DISTINCT FROM ${d(String(fields.indexOf(f)))}`,
    );
    conditions.push(
      `NOT EXISTS (SELECT 1 FROM eq_deletes_${k} x WHERE ${matches.join(" AND ")} AND ${d("seq")} < x.seq AND (x.part IS NULL OR x.part = ${d("part")}))`,
    );
  });
  const select = plan.columns.map((_, i) => `${d(String(i))} AS ${quoteIdent(names[i])}`);
  let from = "data d";
  if (options.fileColumn) {
    ctes.push(
      `data_files AS (VALUES ${plan.tasks.map((t) => `(${quoteString(t.dataFile.localPath)}, ${quoteString(t.dataFile.filePath)})`).join(", ")})`,
    );
    from += ` JOIN data_files f(local_path, recorded_path) ON f.local_path = ${d("file")}`;
    select.push(`f.recorded_path AS ${quoteIdent(names[names.length - 1])}`);
  }
  const where = conditions.length ? `\nWHERE ${conditions.join("\n  AND ")}` : "";
  return `(WITH ${ctes.join(",\n")}\nSELECT ${select.join(", ") || "1 AS dummy"} FROM ${from}${where})`;
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
