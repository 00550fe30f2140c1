/**
 * Source column types → DuckDB. Rows arrive as text (PostgreSQL's text format, MySQL's
 * values written out by `encodeValue`) into a VARCHAR staging table; `fromText` is the
 * DuckDB expression that turns that text into the column's DuckDB type, so every value is
 * parsed by DuckDB's own casts (exact for decimals and timestamps).
 *
 * `kind` says how a column compares, which decides what may be pushed down
 * (pushdown.ts). PostgreSQL's one-dimensional arrays become lists and its intervals
 * INTERVALs; types DuckDB has no counterpart for (enums, money…) arrive as VARCHAR text.
 */
import type { FederatedType } from "@/lib/catalog/federated";
import { pgArrayToJson } from "./pg-array";

export type ColumnKind =
  | "integer"
  | "decimal"
  | "float"
  /** A 4-byte float: DuckDB compares it as FLOAT, the sources as double precision. */
  | "real"
  | "boolean"
  | "text"
  /** PostgreSQL `character(n)`: blank-padded, compares ignoring trailing spaces. */
  | "bpchar"
  | "date"
  | "timestamp"
  | "timestamptz"
  | "uuid"
  | "other";

export interface ColumnType {
  kind: ColumnKind;
  duckType: string;
  /** DuckDB SQL turning the staged text `expr` into `duckType`. */
  fromText: (expr: string) => string;
  /** Some values the source holds read as NULL here (MySQL's zero dates, TIME past 24 h). */
  lossy?: true;
  /** Rewrites the source's text before it is staged (PostgreSQL arrays → JSON); throws on a value it cannot take. */
  stage?: (text: string) => string;
}

const MAX_DECIMAL_PRECISION = 38;

function cast(kind: ColumnKind, duckType: string): ColumnType {
  return { kind, duckType, fromText: (e) => `CAST(${e} AS ${duckType})` };
}

/** Casts that give NULL for values DuckDB cannot hold (MySQL's zero dates, TIME past 24h). */
function tryCast(kind: ColumnKind, duckType: string): ColumnType {
  return { kind, duckType, fromText: (e) => `TRY_CAST(${e} AS ${duckType})`, lossy: true };
}

/**
 * PostgreSQL writes years before 1 as "0044-03-15 BC" (after the time, if any); DuckDB
 * reads "0044-03-15 (BC) 12:00:00" and would take the plain text as a year AD.
 */
function postgresDated(kind: ColumnKind, duckType: string): ColumnType {
  const bc = (e: string) =>
    `regexp_replace(${e}, '^([0-9]+-[0-9]+-[0-9]+)(.*) BC$', '\\1 (BC)\\2')`;
  return {
    kind,
    duckType,
    fromText: (e) =>
      `CAST(CASE WHEN ends_with(${e}, ' BC') THEN ${bc(e)} ELSE ${e} END AS ${duckType})`,
  };
}

const VARCHAR = cast("other", "VARCHAR");
const BLOB_FROM_HEX: ColumnType = {
  kind: "other",
  duckType: "BLOB",
  fromText: (e) => `unhex(${e})`,
};

export function columnType(type: FederatedType, nativeType: string): ColumnType {
  const native = nativeType.trim().toLowerCase();
  return type === "postgresql" ? postgresColumn(native) : mysqlColumn(native);
}

function decimal(precision: number, scale: number): ColumnType {
  // Wider than DuckDB's decimals: read as DOUBLE, as DuckDB's own postgres_scanner does.
  if (precision > MAX_DECIMAL_PRECISION) return cast("decimal", "DOUBLE");
  return cast("decimal", `DECIMAL(${precision}, ${scale})`);
}

const POSTGRES: Record<string, ColumnType> = {
  boolean: cast("boolean", "BOOLEAN"),
  smallint: cast("integer", "SMALLINT"),
  integer: cast("integer", "INTEGER"),
  bigint: cast("integer", "BIGINT"),
  oid: cast("integer", "BIGINT"),
  real: cast("real", "FLOAT"),
  "double precision": cast("float", "DOUBLE"),
  // Unconstrained numeric has no fixed scale: DOUBLE, like postgres_scanner.
  numeric: cast("decimal", "DOUBLE"),
  date: postgresDated("date", "DATE"),
  "timestamp without time zone": postgresDated("timestamp", "TIMESTAMP"),
  "timestamp with time zone": postgresDated("timestamptz", "TIMESTAMPTZ"),
  "time without time zone": cast("other", "TIME"),
  "time with time zone": cast("other", "TIMETZ"),
  uuid: cast("uuid", "UUID"),
  json: cast("other", "JSON"),
  jsonb: cast("other", "JSON"),
  // bytea's text form is "\x" and hex digits.
  bytea: { kind: "other", duckType: "BLOB", fromText: (e) => `unhex(substr(${e}, 3))` },
  text: cast("text", "VARCHAR"),
  "character varying": cast("text", "VARCHAR"),
  name: cast("text", "VARCHAR"),
  // As PostgreSQL's own cast to text: the padding blanks go.
  character: { kind: "bpchar", duckType: "VARCHAR", fromText: (e) => `rtrim(${e}, ' ')` },
  bpchar: { kind: "bpchar", duckType: "VARCHAR", fromText: (e) => `rtrim(${e}, ' ')` },
};

/** PostgreSQL writes "-1 days +02:00:00"; DuckDB reads the time part without its plus sign. */
const POSTGRES_INTERVAL: ColumnType = {
  kind: "other",
  duckType: "INTERVAL",
  fromText: (e) => `CAST(regexp_replace(${e}, ' [+]([0-9])', ' \\1', 'g') AS INTERVAL)`,
};

/** `native` as `format_type()` prints it: "numeric(12,2)", "timestamp(3) with time zone", "text[]". */
function postgresColumn(native: string): ColumnType {
  if (native.endsWith("[]")) return postgresArray(postgresColumn(native.slice(0, -2)));
  if (native.startsWith("interval")) return POSTGRES_INTERVAL;
  const numeric = native.match(/^numeric\((\d+),(\d+)\)$/);
  if (numeric) return decimal(Number(numeric[1]), Number(numeric[2]));
  return POSTGRES[native.replace(/\(\d+\)/, "")] ?? VARCHAR;
}

/**
 * A one-dimensional array as a DuckDB list: staged as JSON text (pg-array.ts), each
 * element then read by its element type's own rule. PostgreSQL's column type does not
 * say how many dimensions its values have; a value of more than one is refused by name.
 */
function postgresArray(element: ColumnType): ColumnType {
  return {
    kind: "other",
    duckType: `${element.duckType}[]`,
    fromText: (e) => `list_transform(CAST(CAST(${e} AS JSON) AS VARCHAR[]), lambda x: ${element.fromText("x")})`,
    stage: (text) => {
      const json = pgArrayToJson(text);
      if (json.startsWith("[[")) throw new Error("an array of more than one dimension; Tarn reads PostgreSQL arrays as one-dimensional lists");
      return json;
    },
  };
}

/** `native` as MySQL's COLUMN_TYPE: "int(11) unsigned", "tinyint(1)", "decimal(10,2)", "datetime(3)". */
function mysqlColumn(native: string): ColumnType {
  const base = native.match(/^[a-z]+/)?.[0] ?? native;
  const args = native.match(/^[a-z]+\(([^)]*)\)/)?.[1];
  const unsigned = /\bunsigned\b/.test(native);
  if (base === "tinyint" && args === "1")
    return { kind: "other", duckType: "BOOLEAN", fromText: (e) => `(CAST(${e} AS INTEGER) <> 0)` };
  if (base === "bit") return bitColumn(args);
  if (base === "decimal" || base === "numeric") {
    const [p, s] = (args ?? "10,0").split(",").map((n) => Number(n.trim()));
    return decimal(p, s ?? 0);
  }
  if (base in MYSQL_INTEGERS) return cast("integer", MYSQL_INTEGERS[base][unsigned ? 1 : 0]);
  return MYSQL[base] ?? VARCHAR;
}

/** BIT values arrive as bytes, staged as hex (encodeValue). */
function bitColumn(args: string | undefined): ColumnType {
  const number = (e: string) => `CAST(('0x' || ${e}) AS UBIGINT)`;
  if (args === undefined || args === "1")
    return { kind: "other", duckType: "BOOLEAN", fromText: (e) => `(${number(e)} <> 0)` };
  return { kind: "other", duckType: "UBIGINT", fromText: number };
}

const MYSQL_INTEGERS: Record<string, [string, string]> = {
  tinyint: ["TINYINT", "UTINYINT"],
  smallint: ["SMALLINT", "USMALLINT"],
  mediumint: ["INTEGER", "UINTEGER"],
  int: ["INTEGER", "UINTEGER"],
  integer: ["INTEGER", "UINTEGER"],
  bigint: ["BIGINT", "UBIGINT"],
  year: ["SMALLINT", "SMALLINT"],
};

// Geometry types are not listed: the driver parses them ({"x":1,"y":2}…) and they stay
// that JSON text (VARCHAR).
// Dates may be MySQL's zero dates ("0000-00-00"), which DuckDB reads as NULL; the compare
// kinds say so (pushdown.ts re-checks those filters in DuckDB).
const MYSQL: Record<string, ColumnType> = {
  float: cast("real", "FLOAT"),
  double: cast("float", "DOUBLE"),
  real: cast("float", "DOUBLE"),
  date: tryCast("date", "DATE"),
  datetime: tryCast("timestamp", "TIMESTAMP"),
  // The session's time zone is UTC (mysql-source.ts): TIMESTAMP values are UTC instants.
  timestamp: {
    kind: "timestamptz",
    duckType: "TIMESTAMPTZ",
    fromText: (e) => `TRY_CAST((${e} || '+00') AS TIMESTAMPTZ)`,
    lossy: true,
  },
  time: tryCast("other", "TIME"),
  char: cast("text", "VARCHAR"),
  varchar: cast("text", "VARCHAR"),
  tinytext: cast("text", "VARCHAR"),
  text: cast("text", "VARCHAR"),
  mediumtext: cast("text", "VARCHAR"),
  longtext: cast("text", "VARCHAR"),
  json: cast("other", "JSON"),
  uuid: cast("uuid", "UUID"),
  binary: BLOB_FROM_HEX,
  varbinary: BLOB_FROM_HEX,
  tinyblob: BLOB_FROM_HEX,
  blob: BLOB_FROM_HEX,
  mediumblob: BLOB_FROM_HEX,
  longblob: BLOB_FROM_HEX,
};

/** A driver's value as the staging text `fromText` expects: bytes as hex, JSON as text. */
export function encodeValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString("hex");
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}
