/**
 * How to read the wanted top-level fields out of one data file: which columns to ask
 * DuckDB's Parquet reader for, and one SQL value per field.
 *
 * - An identity-partitioned field takes the file's partition value: identity means every
 *   row holds exactly that value, and Hive-style files do not store the column at all.
 * - Without the file's footer (not needed, see file-schemas.ts) every field is read by
 *   field id through `read_parquet`'s `schema` parameter, whose `default_value` supplies
 *   the field's initial default when the file predates the field.
 * - With the footer, fields are found by id (or through the name mapping, or — for files
 *   with neither, as Java does — by position), nested values are rebuilt where needed
 *   (type-read.ts), and fields the file lacks become their default.
 *
 * This is the reference read; name-read.ts plans the faster name read where it is exact.
 */
import type { NestedField, PartitionSpec } from "../../spec";
import { findMapped, type NameMapping } from "../name-mapping";
import type { ParquetField } from "../parquet/schema";
import type { PlannedFile } from "../types";
import { duckType } from "../../duckdb/types";
import { defaultLiteral, sqlLiteral } from "./literals";
import { quoteIdent } from "../../duckdb/quote";
import { type IdSource, typeRead } from "./type-read";

export interface ColumnRequest {
  /** Field id (field-id reads) or Parquet column name. */
  key: number | string;
  alias: string;
  readType: string;
  /** Field-id reads only: the value for files without the field. */
  defaultSql: string;
  /** Name reads with a footer: how the file stores the column (files stored alike share a read). */
  layout?: string;
  /**
   * Name reads: the field's id and its nested fields' ids, whose column metrics in a
   * manifest prove a file has the column; or "in-file" when the file's footer showed it.
   */
  proof?: number[] | "in-file";
}

/**
 * How DuckDB finds the columns:
 * - `field-id`: `read_parquet(…, schema = MAP {id: …})` — exact, but one thread per file;
 * - `file-names`: files without field ids, by the names the mapping or position gives;
 * - `union-by-name`: `read_parquet(…, union_by_name = true)` where that is proven to give
 *   the rows a field-id read gives (name-read.ts) — DuckDB splits a file across threads.
 */
export type ReadMode = "field-id" | "file-names" | "union-by-name";

export interface FileReadPlan {
  mode: ReadMode;
  columns: ColumnRequest[];
  /** One SQL value per wanted field, in order, over the requested columns. */
  values: string[];
}

export function planFileRead(
  fields: readonly NestedField[],
  file: PlannedFile,
  spec: PartitionSpec | undefined,
  nameMapping: NameMapping | undefined,
): FileReadPlan {
  const fileSchema = file.parquetSchema;
  const byName = fileSchema !== undefined && !fileSchema.some((node) => node.fieldId !== undefined);
  const ids = idSource(byName, fileSchema ?? [], nameMapping);
  const columns: ColumnRequest[] = [];
  const values = fields.map((field, i) => {
    const identity = identityValue(field, file, spec);
    if (identity !== undefined) return identity;
    if (!fileSchema) {
      const alias = `c${i}`;
      const readType = duckType(field.type);
      columns.push({ key: field.id, alias, readType, defaultSql: defaultLiteral(field) });
      return quoteIdent(alias);
    }
    const node = fileSchema.find((n) => ids.idOf(n, nameMapping) === field.id);
    if (!node) return defaultLiteral(field);
    const mapping = byName && nameMapping ? findMapped(nameMapping, node.name)?.fields : undefined;
    const read = typeRead(field.type, node, mapping, ids);
    const ref = byName ? `CAST(${quoteIdent(node.name)} AS ${read.readType})` : quoteIdent(`c${i}`);
    if (!byName) {
      columns.push({ key: field.id, alias: `c${i}`, readType: read.readType, defaultSql: "NULL" });
    }
    return read.convert ? read.convert(ref) : ref;
  });
  return { mode: byName ? "file-names" : "field-id", columns, values };
}

/** The file's identity-partition value for a top-level primitive field, as a literal. */
export function identityValue(
  field: NestedField,
  file: PlannedFile,
  spec: PartitionSpec | undefined,
): string | undefined {
  if (typeof field.type !== "string" || !spec) return undefined;
  const partitionField = spec.fields.find(
    (p) =>
      p.transform === "identity" && p.sourceId === field.id && (p.sourceIds?.length ?? 1) === 1,
  );
  if (!partitionField || !file.partition.has(partitionField.fieldId)) return undefined;
  return sqlLiteral(field.type, file.partition.get(partitionField.fieldId) ?? null);
}

function idSource(
  byName: boolean,
  fileSchema: readonly ParquetField[],
  nameMapping: NameMapping | undefined,
): IdSource {
  if (!byName) return { idOf: (node) => node.fieldId };
  // Top-level lookups pass the whole mapping; nested ones pass their parent's fields.
  if (nameMapping) {
    return {
      idOf: (node, mapping) => (mapping ? findMapped(mapping, node.name)?.fieldId : undefined),
    };
  }
  // No ids and no mapping: Java assigns top-level ids by position (1, 2, …).
  return { idOf: (node) => (fileSchema.includes(node) ? fileSchema.indexOf(node) + 1 : undefined) };
}
