/**
 * Column types of federated databases shown as Iceberg-like type names, so every table in
 * the tree reads alike. Display only: the native type is always kept beside it, and
 * types without a counterpart (enums, geometry, intervals…) show as `string`.
 */

/** A PostgreSQL type as `format_type()` prints it: "integer", "numeric(10,2)", "text[]". */
export function postgresTypeToIceberg(native: string): string {
  const type = native.trim().toLowerCase();
  if (type.endsWith("[]")) return `list<${postgresTypeToIceberg(type.slice(0, -2))}>`;
  const numeric = type.match(/^numeric\((\d+),(\d+)\)$/);
  if (numeric) return `decimal(${numeric[1]}, ${numeric[2]})`;
  const base = type.replace(/\(\d+\)/, "");
  return POSTGRES[base] ?? "string";
}

const POSTGRES: Record<string, string> = {
  boolean: "boolean",
  smallint: "int",
  integer: "int",
  bigint: "long",
  oid: "long",
  real: "float",
  "double precision": "double",
  numeric: "decimal",
  money: "decimal(19, 2)",
  date: "date",
  "time without time zone": "time",
  "time with time zone": "time",
  "timestamp without time zone": "timestamp",
  "timestamp with time zone": "timestamptz",
  uuid: "uuid",
  bytea: "binary",
};

/** A MySQL/MariaDB `COLUMN_TYPE`: "int(11) unsigned", "tinyint(1)", "decimal(10,2)", "enum('a','b')". */
export function mysqlTypeToIceberg(native: string): string {
  const type = native.trim().toLowerCase();
  const unsigned = /\bunsigned\b/.test(type);
  const base = type.match(/^[a-z]+/)?.[0] ?? type;
  const args = type.match(/^[a-z]+\(([^)]*)\)/)?.[1];
  if (base === "tinyint" && args === "1") return "boolean";
  if (base === "bit") return args === undefined || args === "1" ? "boolean" : "long";
  if (base === "decimal" || base === "numeric") {
    const [p, s] = (args ?? "10,0").split(",").map((n) => n.trim());
    return `decimal(${p}, ${s ?? "0"})`;
  }
  if (base === "int" || base === "integer" || base === "mediumint")
    return unsigned && base !== "mediumint" ? "long" : "int";
  if (base === "bigint") return unsigned ? "decimal(20, 0)" : "long";
  return MYSQL[base] ?? "string";
}

const MYSQL: Record<string, string> = {
  tinyint: "int",
  smallint: "int",
  year: "int",
  float: "float",
  double: "double",
  real: "double",
  date: "date",
  time: "time",
  datetime: "timestamp",
  // MySQL stores TIMESTAMP as UTC and converts on read: a point in time.
  timestamp: "timestamptz",
  binary: "binary",
  varbinary: "binary",
  tinyblob: "binary",
  blob: "binary",
  mediumblob: "binary",
  longblob: "binary",
};
