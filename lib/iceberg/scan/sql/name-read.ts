/**
 * Reading a data file's columns by name (`union-by-name`, see file-read.ts) where that
 * provably yields the rows reading them by field id yields — DuckDB then splits a file
 * across threads, which it does not with `schema = MAP {field_id: …}`:
 *
 * - with the file's footer (read when the scan needed it anyway): the file has field
 *   ids; each column read is found by id, carries the field's exact name, no other
 *   column of the file has that name in any case, and it stores exactly the Iceberg type
 *   (file-layout.ts). A field the file lacks is its default, as a field-id read has it.
 * - without it: the table's schema history vouches for every field (schema-history.ts),
 *   and the file was written since the table is v2 (data sequence number ≥ 1).
 *
 * Otherwise `planNameRead` returns undefined and the file is read by field id.
 * Identity-partitioned fields take the manifest's value on both paths.
 */
import { allFields, type NestedField, type PartitionSpec } from "../../spec";
import type { ParquetField } from "../parquet/schema";
import type { PlannedFile } from "../types";
import { duckType } from "../../duckdb/types";
import { layoutKey, storesExactly } from "./file-layout";
import { type ColumnRequest, type FileReadPlan, identityValue } from "./file-read";
import { defaultLiteral } from "./literals";
import { quoteIdent } from "../../duckdb/quote";
import type { SchemaHistory } from "./schema-history";

export interface NameReadContext {
  history: SchemaHistory;
  /** Lower-case names of the columns DuckDB adds to the read (file name, row number). */
  reserved: readonly string[];
}

/** How one field is found in a file: by name (with its layout, if known), or not at all. */
type FieldCheck = (
  field: NestedField,
) => { layout?: string; proof?: "in-file" } | "absent" | undefined;

export function planNameRead(
  fields: readonly NestedField[],
  file: PlannedFile,
  spec: PartitionSpec | undefined,
  context: NameReadContext,
): FileReadPlan | undefined {
  const check = file.parquetSchema
    ? footerCheck(file.parquetSchema, context)
    : historyCheck(file, context);
  if (!check) return undefined;
  const columns = new Map<string, ColumnRequest>();
  const values: string[] = [];
  for (const field of fields) {
    const identity = identityValue(field, file, spec);
    const found = identity === undefined ? check(field) : "absent";
    if (found === undefined) return undefined;
    if (found === "absent") {
      values.push(identity ?? defaultLiteral(field));
      continue;
    }
    const readType = duckType(field.type);
    const key = field.name;
    columns.set(key.toLowerCase(), {
      key,
      alias: key,
      readType,
      defaultSql: "NULL",
      proof: fieldIds(field),
      ...found,
    });
    values.push(`CAST(${quoteIdent(key)} AS ${readType})`);
  }
  return { mode: "union-by-name", columns: [...columns.values()], values };
}

/** The field's id and the ids of every field nested in it (metrics are kept for leaves). */
function fieldIds(field: NestedField): number[] {
  return allFields({ type: "struct", fields: [field] }).map((f) => f.id);
}

function footerCheck(
  nodes: readonly ParquetField[],
  context: NameReadContext,
): FieldCheck | undefined {
  if (!nodes.some((node) => node.fieldId !== undefined)) return undefined;
  const names = nodes.map((node) => node.name.toLowerCase());
  if (new Set(names).size < names.length) return undefined;
  if (context.reserved.some((name) => names.includes(name))) return undefined;
  const byId = new Map(nodes.map((node) => [node.fieldId, node]));
  return (field) => {
    const node = byId.get(field.id);
    if (!node) return "absent";
    if (node.name !== field.name || !storesExactly(field.type, node)) return undefined;
    return { layout: layoutKey(node), proof: "in-file" };
  };
}

function historyCheck(file: PlannedFile, context: NameReadContext): FieldCheck | undefined {
  const { history, reserved } = context;
  if (history.tableRefusal || file.dataSequenceNumber < 1) return undefined;
  if (reserved.some((name) => history.hasName(name))) return undefined;
  // A file may lack the column (added after it was written): the read yields NULL.
  return (field) => (history.refusal(field) === undefined ? {} : undefined);
}
