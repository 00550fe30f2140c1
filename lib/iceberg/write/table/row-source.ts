/**
 * The live rows of one data file as DuckDB SQL: columns read by Iceberg field id (so
 * renamed and added columns read right), minus the rows its delete files remove, with
 * each row's position in the file. Deletes and updates read files through this, and the
 * tests read tables back with it.
 */
import type { FileIO } from "../../io/types";
import { findFieldById } from "../../spec";
import type { Schema } from "../../spec/types";
import { WriteError } from "../errors";
import { duckdbType } from "../sql/duckdb-type";
import { quoteIdent, quoteString } from "../../duckdb/quote";
import type { ApplicableDeletes } from "./applicable-deletes";
import type { LiveFile } from "./manifest-reader";

/** Name of the row-position column in `liveRowsSql`. */
export const POSITION_COLUMN = "__tarn_pos";

export interface RowSourceInput {
  io: FileIO;
  schema: Schema;
  file: LiveFile;
  deletes: ApplicableDeletes;
}

/** `SELECT <every column>, <position> FROM <file> WHERE <not deleted>`; the row alias is `t`. */
export function liveRowsSql(input: RowSourceInput): string {
  const columns = input.schema.fields.map((f) => `t.${quoteIdent(f.name)}`);
  const where = [
    positionDeletesSql(input),
    ...input.deletes.equality.map((d) => equalityDeleteSql(input, d)),
  ].filter((c) => c !== "");
  return `SELECT ${columns.join(", ")}, t.file_row_number AS ${quoteIdent(POSITION_COLUMN)}
    FROM ${readByFieldIdSql(input.io, input.file.entry.dataFile.filePath, input.schema.fields)} AS t
    ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}`;
}

type Field = Schema["fields"][number];

/** `read_parquet` matching columns by field id; absent columns read as NULL. */
export function readByFieldIdSql(
  io: FileIO,
  location: string,
  fields: readonly Field[],
  names?: (f: Field) => string,
): string {
  const entries = fields.map((f) => {
    const name = quoteString(names ? names(f) : f.name);
    return `${f.id}: {name: ${name}, type: ${quoteString(duckdbType(f.type))}, default_value: NULL}`;
  });
  return `read_parquet(${quoteString(io.localPath(location))}, schema = MAP {${entries.join(", ")}}, file_row_number = true, hive_partitioning = false)`;
}

function positionDeletesSql(input: RowSourceInput): string {
  if (input.deletes.position.length === 0) return "";
  const files = input.deletes.position.map((d) =>
    quoteString(input.io.localPath(d.entry.dataFile.filePath)),
  );
  const path = quoteString(input.file.entry.dataFile.filePath);
  return `NOT EXISTS (SELECT 1 FROM read_parquet([${files.join(", ")}], hive_partitioning = false) AS d
    WHERE d.file_path = ${path} AND d.pos = t.file_row_number)`;
}

function equalityDeleteSql(input: RowSourceInput, del: LiveFile): string {
  const ids = del.entry.dataFile.equalityIds ?? [];
  const fields = ids.map((id) => {
    const field = input.schema.fields.find((f) => f.id === id);
    if (!field) {
      const nested = findFieldById(input.schema, id);
      throw new WriteError(
        "unsupported",
        `Equality deletes on nested or dropped column ${nested?.fullName ?? id} are not supported`,
      );
    }
    return field;
  });
  const eqName = (f: Field) => `__tarn_eq_${f.id}`;
  const source = readByFieldIdSql(input.io, del.entry.dataFile.filePath, fields, eqName);
  const matches = fields.map(
    (f) => `d.${quoteIdent(eqName(f))} IS NOT DISTINCT FROM t.${quoteIdent(f.name)}`,
  );
  return `NOT EXISTS (SELECT 1 FROM ${source} AS d WHERE ${matches.join(" AND ") || "TRUE"})`;
}
