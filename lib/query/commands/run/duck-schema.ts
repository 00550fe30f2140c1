/**
 * The Iceberg type of a column DuckDB computed (CREATE TABLE … AS SELECT, CREATE VIEW):
 * DuckDB's type names read by the command recogniser's type parser, after widening the
 * types Iceberg lacks to ones that hold every value (HUGEINT → DECIMAL(38, 0), …).
 */
import { AppError } from "@/lib/errors";
import type { IcebergType } from "@/lib/iceberg/spec";
import { columnType } from "../parse/column-types";
import { Cursor } from "../parse/cursor";

const WIDENED: [RegExp, string][] = [
  [/\bUHUGEINT\b/g, "DECIMAL(38, 0)"],
  [/\bHUGEINT\b/g, "DECIMAL(38, 0)"],
  [/\bUBIGINT\b/g, "DECIMAL(20, 0)"],
  [/\bUINTEGER\b/g, "BIGINT"],
  [/\bUSMALLINT\b/g, "INTEGER"],
  [/\bUTINYINT\b/g, "INTEGER"],
  [/\bTIMESTAMP_(S|MS)\b/g, "TIMESTAMP"],
  [/\bTIMESTAMP_NS\b/g, "TIMESTAMP_NS"],
];

export function icebergTypeOf(column: string, duckType: string): IcebergType {
  let text = duckType;
  for (const [pattern, replacement] of WIDENED) text = text.replace(pattern, replacement);
  try {
    const cursor = new Cursor(text);
    const type = columnType(cursor);
    cursor.end();
    return type;
  } catch {
    throw new AppError("bad_request", `Column "${column}" is of type ${duckType}, which an Iceberg table or view cannot hold; CAST it to another type.`);
  }
}
