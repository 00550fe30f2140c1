/**
 * Metadata tables as data: typed columns and rows of JS values, and the same as the SQL
 * text of one DuckDB relation (a VALUES list with every literal typed).
 */
import type { IcebergType } from "../../spec";
import type { IcebergValue } from "../../values";
import { toHex } from "../../values";
import { duckType } from "../../duckdb/types";
import { sqlLiteral } from "../sql/literals";
import { quoteIdent, quoteString } from "../../duckdb/quote";

export type ColumnType =
  | "BOOLEAN"
  | "INTEGER"
  | "BIGINT"
  | "VARCHAR"
  | "BLOB"
  /** JS value: milliseconds since the epoch. */
  | "TIMESTAMPTZ"
  | { list: ColumnType }
  | { map: [ColumnType, ColumnType] }
  | { struct: Array<[string, ColumnType]> }
  /** A value of an Iceberg type, in lib/iceberg/values' representation. */
  | { iceberg: IcebergType };

export interface Column {
  name: string;
  type: ColumnType;
}

/** Rows are keyed by column name; Maps hold MAP values, plain objects STRUCT values. */
export type MetadataRow = Record<string, unknown>;

export interface MetadataTable {
  columns: Column[];
  rows: MetadataRow[];
}

export function tableToSql({ columns, rows }: MetadataTable): string {
  const names = columns.map((c) => quoteIdent(c.name)).join(", ");
  if (rows.length === 0) {
    const nulls = columns.map(
      (c) => `CAST(NULL AS ${columnDuckType(c.type)}) AS ${quoteIdent(c.name)}`,
    );
    return `(SELECT ${nulls.join(", ")} WHERE false)`;
  }
  const values = rows.map(
    (row) => `(${columns.map((c) => literal(c.type, row[c.name])).join(", ")})`,
  );
  return `(SELECT * FROM (VALUES ${values.join(",\n")}) t(${names}))`;
}

export function columnDuckType(type: ColumnType): string {
  if (typeof type === "string") return type;
  if ("list" in type) return `${columnDuckType(type.list)}[]`;
  if ("map" in type) return `MAP(${columnDuckType(type.map[0])}, ${columnDuckType(type.map[1])})`;
  if ("struct" in type) {
    return `STRUCT(${type.struct.map(([n, t]) => `${quoteIdent(n)} ${columnDuckType(t)}`).join(", ")})`;
  }
  return duckType(type.iceberg);
}

function literal(type: ColumnType, value: unknown): string {
  if (value === null || value === undefined) return `CAST(NULL AS ${columnDuckType(type)})`;
  if (typeof type !== "string") return nestedLiteral(type, value);
  switch (type) {
    case "BOOLEAN":
      return value ? "TRUE" : "FALSE";
    case "INTEGER":
    case "BIGINT":
      return `CAST(${String(value)} AS ${type})`;
    case "VARCHAR":
      return quoteString(String(value));
    case "BLOB":
      return `from_hex(${quoteString(toHex(value as Uint8Array))})`;
    case "TIMESTAMPTZ":
      // exact: no double seconds, no session time zone
      return `(TIMESTAMPTZ '1970-01-01 00:00:00+00' + to_milliseconds(${Number(value)}))`;
  }
}

function nestedLiteral(type: Exclude<ColumnType, string>, value: unknown): string {
  if ("iceberg" in type) return sqlLiteral(type.iceberg, value as IcebergValue);
  if ("list" in type) {
    const items = (value as unknown[]).map((v) => literal(type.list, v));
    return `CAST([${items.join(", ")}] AS ${columnDuckType(type)})`;
  }
  if ("map" in type) {
    const entries = [...(value as Map<unknown, unknown>)];
    const keys = entries.map(([k]) => literal(type.map[0], k));
    const values = entries.map(([, v]) => literal(type.map[1], v));
    return `CAST(MAP([${keys.join(", ")}], [${values.join(", ")}]) AS ${columnDuckType(type)})`;
  }
  const struct = value as Record<string, unknown>;
  const fields = type.struct.map(([n, t]) => `${quoteIdent(n)} := ${literal(t, struct[n])}`);
  return type.struct.length ? `struct_pack(${fields.join(", ")})` : "NULL";
}
