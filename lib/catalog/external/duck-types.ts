/**
 * DuckDB type names (as DESCRIBE prints them) shown as Iceberg-like types, so external
 * and federated tables read like the rest of the catalog: `INTEGER[]` → `list<int>`,
 * `STRUCT(a VARCHAR)` → `struct<a: string>`, `MAP(VARCHAR, BIGINT)` → `map<string, long>`.
 * Types without an Iceberg counterpart keep their DuckDB name, lower-cased.
 */
const PRIMITIVES: Record<string, string> = {
  BOOLEAN: "boolean",
  TINYINT: "int",
  SMALLINT: "int",
  INTEGER: "int",
  UTINYINT: "int",
  USMALLINT: "int",
  UINTEGER: "long",
  BIGINT: "long",
  UBIGINT: "decimal(20, 0)",
  HUGEINT: "decimal(38, 0)",
  UHUGEINT: "decimal(38, 0)",
  FLOAT: "float",
  DOUBLE: "double",
  VARCHAR: "string",
  JSON: "string",
  BLOB: "binary",
  UUID: "uuid",
  DATE: "date",
  TIME: "time",
  TIMESTAMP: "timestamp",
  TIMESTAMP_S: "timestamp",
  TIMESTAMP_MS: "timestamp",
  TIMESTAMP_NS: "timestamp_ns",
  "TIMESTAMP WITH TIME ZONE": "timestamptz",
  TIMESTAMPTZ: "timestamptz",
};

export function icebergTypeOfDuck(duckType: string): string {
  const type = duckType.trim();
  if (type.endsWith("[]")) return `list<${icebergTypeOfDuck(type.slice(0, -2))}>`;
  const array = type.match(/^(.*)\[\d+\]$/);
  if (array) return `list<${icebergTypeOfDuck(array[1])}>`;
  const decimal = type.match(/^DECIMAL\((\d+),\s*(\d+)\)$/i);
  if (decimal) return `decimal(${decimal[1]}, ${decimal[2]})`;
  const nested = type.match(/^(STRUCT|MAP|UNION)\((.*)\)$/is);
  if (nested) {
    const parts = splitTopLevel(nested[2]);
    if (nested[1].toUpperCase() === "MAP" && parts.length === 2)
      return `map<${icebergTypeOfDuck(parts[0])}, ${icebergTypeOfDuck(parts[1])}>`;
    if (nested[1].toUpperCase() === "STRUCT") return `struct<${parts.map(structField).join(", ")}>`;
    return type.toLowerCase();
  }
  return PRIMITIVES[type.toUpperCase()] ?? type.toLowerCase();
}

/** `"my field" VARCHAR` or `a INTEGER` → `my field: string`. */
function structField(part: string): string {
  const quoted = part.match(/^"((?:[^"]|"")*)"\s+(.*)$/s);
  if (quoted) return `${quoted[1].replaceAll('""', '"')}: ${icebergTypeOfDuck(quoted[2])}`;
  const space = part.indexOf(" ");
  return space < 0 ? part : `${part.slice(0, space)}: ${icebergTypeOfDuck(part.slice(space + 1))}`;
}

/** Splits on commas that are not inside parentheses or quotes. */
export function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}
