/**
 * Column types in DuckDB's spelling and in Iceberg's/Spark's, as Iceberg types:
 *
 * | written | Iceberg |
 * |---|---|
 * | BOOLEAN, BOOL | boolean |
 * | INTEGER, INT, INT4, SMALLINT, TINYINT | int |
 * | BIGINT, INT8, LONG | long |
 * | REAL, FLOAT, FLOAT4 / DOUBLE, FLOAT8, DOUBLE PRECISION | float / double |
 * | DECIMAL(p, s), NUMERIC(p, s) (DECIMAL alone: DuckDB's 18, 3) | decimal(p, s) |
 * | VARCHAR[(n)], TEXT, STRING, CHAR(n), JSON | string |
 * | DATE, TIME, TIMESTAMP [WITHOUT TIME ZONE], DATETIME, TIMESTAMP_NS | date, time, timestamp, timestamp_ns |
 * | TIMESTAMPTZ, TIMESTAMP WITH TIME ZONE | timestamptz |
 * | UUID; BLOB, BYTEA, BINARY, VARBINARY; FIXED(n), FIXED[n] | uuid; binary; fixed[n] |
 * | STRUCT(a INT, …), STRUCT<a: INT, …> | struct |
 * | T[], LIST(T), LIST<T>, ARRAY<T> | list |
 * | MAP(K, V), MAP<K, V> | map |
 *
 * Nested fields are optional unless `NOT NULL`; field ids are placeholders (0).
 */
import type { IcebergType, NestedField } from "@/lib/iceberg/spec";
import type { Cursor } from "./cursor";

const SIMPLE: Record<string, string> = {
  BOOLEAN: "boolean",
  BOOL: "boolean",
  INTEGER: "int",
  INT: "int",
  INT4: "int",
  SMALLINT: "int",
  INT2: "int",
  TINYINT: "int",
  INT1: "int",
  BIGINT: "long",
  INT8: "long",
  LONG: "long",
  REAL: "float",
  FLOAT: "float",
  FLOAT4: "float",
  DOUBLE: "double",
  FLOAT8: "double",
  VARCHAR: "string",
  TEXT: "string",
  STRING: "string",
  CHAR: "string",
  BPCHAR: "string",
  JSON: "string",
  DATE: "date",
  TIME: "time",
  DATETIME: "timestamp",
  TIMESTAMP_NS: "timestamp_ns",
  TIMESTAMPTZ: "timestamptz",
  UUID: "uuid",
  BLOB: "binary",
  BYTEA: "binary",
  BINARY: "binary",
  VARBINARY: "binary",
};

/** Types DuckDB has and Iceberg does not, with what to use instead. */
const NO_ICEBERG_TYPE: Record<string, string> = {
  HUGEINT: "use DECIMAL(38, 0)",
  UHUGEINT: "use DECIMAL(38, 0)",
  UBIGINT: "use DECIMAL(20, 0)",
  UINTEGER: "use BIGINT",
  USMALLINT: "use INTEGER",
  UTINYINT: "use INTEGER",
  INTERVAL: "store a number of seconds or days instead",
  ENUM: "use VARCHAR",
  UNION: "use a STRUCT",
  BIT: "use BLOB",
  TIMESTAMP_S: "use TIMESTAMP",
  TIMESTAMP_MS: "use TIMESTAMP",
};

export function columnType(cursor: Cursor): IcebergType {
  let type = baseType(cursor);
  while (cursor.isPunct("[")) {
    cursor.next();
    if (!cursor.isPunct("]")) throw cursor.unsupported("fixed-size arrays (T[n])", "Write T[] for a list.");
    cursor.next();
    type = listOf(type);
  }
  return type;
}

function baseType(cursor: Cursor): IcebergType {
  const token = cursor.peek();
  if (token.kind !== "word" && token.kind !== "ident") throw cursor.error("expected a column type");
  const word = token.kind === "word" ? token.upper : token.value.toUpperCase();
  cursor.next();
  if (word in NO_ICEBERG_TYPE) {
    throw cursor.unsupported(`column type ${word}`, `Iceberg has no such type; ${NO_ICEBERG_TYPE[word]}.`, token);
  }
  switch (word) {
    case "DECIMAL":
    case "NUMERIC":
      return decimal(cursor);
    case "FIXED":
      return fixed(cursor);
    case "STRUCT":
    case "ROW":
      return struct(cursor);
    case "LIST":
    case "ARRAY":
      return list(cursor);
    case "MAP":
      return map(cursor);
    case "TIMESTAMP":
      return timestamp(cursor);
    case "DOUBLE":
      cursor.accept("PRECISION");
      return "double";
    case "VARCHAR":
    case "CHAR":
    case "BPCHAR":
    case "STRING":
      skipLength(cursor);
      return "string";
  }
  const simple = SIMPLE[word];
  if (!simple) throw cursor.error(`"${token.text}" is not a column type Tarn knows`, token);
  return simple;
}

function decimal(cursor: Cursor): string {
  if (!cursor.acceptPunct("(")) return "decimal(18, 3)";
  const precision = cursor.integer("the decimal precision");
  const scale = cursor.acceptPunct(",") ? cursor.integer("the decimal scale") : 0;
  cursor.expectPunct(")");
  if (precision < 1 || precision > 38) throw cursor.error("the decimal precision must be between 1 and 38");
  if (scale > precision) throw cursor.error("the decimal scale cannot exceed its precision");
  return `decimal(${precision}, ${scale})`;
}

function fixed(cursor: Cursor): string {
  const open = cursor.isPunct("[") ? "[" : "(";
  cursor.expectPunct(open, "the length of FIXED, as FIXED(16)");
  const length = cursor.integer("the length of FIXED");
  cursor.expectPunct(open === "[" ? "]" : ")");
  return `fixed[${length}]`;
}

function timestamp(cursor: Cursor): string {
  if (cursor.accept("WITH", "TIME", "ZONE")) return "timestamptz";
  cursor.accept("WITHOUT", "TIME", "ZONE");
  return "timestamp";
}

function skipLength(cursor: Cursor): void {
  if (!cursor.acceptPunct("(")) return;
  cursor.integer("a length");
  cursor.expectPunct(")");
}

/** `STRUCT(a INT, b VARCHAR)` or `STRUCT<a: INT, b: STRING>`. */
function struct(cursor: Cursor): IcebergType {
  const angle = openNested(cursor, "STRUCT");
  const fields: NestedField[] = [];
  do {
    const name = cursor.name("a struct field name");
    if (angle) cursor.acceptColon();
    const type = columnType(cursor);
    const required = cursor.accept("NOT", "NULL");
    const doc = cursor.accept("COMMENT") ? cursor.string("the field comment") : undefined;
    fields.push({ id: 0, name, required, type, ...(doc === undefined ? {} : { doc }) });
  } while (cursor.acceptPunct(","));
  closeNested(cursor, angle);
  return { type: "struct", fields };
}

function list(cursor: Cursor): IcebergType {
  const angle = openNested(cursor, "LIST");
  const element = columnType(cursor);
  closeNested(cursor, angle);
  return listOf(element);
}

function map(cursor: Cursor): IcebergType {
  const angle = openNested(cursor, "MAP");
  const key = columnType(cursor);
  cursor.expectPunct(",", "the map's value type after a comma");
  const value = columnType(cursor);
  closeNested(cursor, angle);
  return { type: "map", keyId: 0, key, valueId: 0, value, valueRequired: false };
}

function listOf(element: IcebergType): IcebergType {
  return { type: "list", elementId: 0, element, elementRequired: false };
}

/** `(` or `<`; true for `<`. */
function openNested(cursor: Cursor, what: string): boolean {
  if (cursor.acceptPunct("(")) return false;
  if (cursor.acceptOp("<")) return true;
  throw cursor.error(`expected "(" or "<" after ${what}`);
}

function closeNested(cursor: Cursor, angle: boolean): void {
  if (angle) {
    if (!cursor.acceptOp(">")) throw cursor.error('expected ">"');
  } else cursor.expectPunct(")");
}
