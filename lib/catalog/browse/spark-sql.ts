/**
 * Spark SQL text for DDL: quoted names, string literals, and Iceberg types as Spark types
 * (as Iceberg's Spark runtime maps them).
 */
import type { IcebergType, NestedField } from "@/lib/iceberg/spec";
import { parsePrimitive } from "@/lib/iceberg/values";

/** `orders`, or `` `my table` `` when the name is not a plain identifier. */
export function sparkIdent(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll("`", "``")}\``;
}

export function sparkName(parts: string[]): string {
  return parts.map(sparkIdent).join(".");
}

/** `'it\'s'`: Spark string literals escape with backslashes. */
export function sparkString(text: string): string {
  return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
}

export function sparkType(type: IcebergType): string {
  if (typeof type === "string") return sparkPrimitive(type);
  switch (type.type) {
    case "struct":
      return `STRUCT<${type.fields.map((f) => sparkField(f, ": ")).join(", ")}>`;
    case "list":
      return `ARRAY<${sparkType(type.element)}>`;
    case "map":
      return `MAP<${sparkType(type.key)}, ${sparkType(type.value)}>`;
  }
}

/** `name TYPE NOT NULL COMMENT '…'` (columns) or `name: TYPE …` (struct fields). */
export function sparkField(field: NestedField, separator = " "): string {
  const nullability = field.required ? " NOT NULL" : "";
  const comment = field.doc ? ` COMMENT ${sparkString(field.doc)}` : "";
  return `${sparkIdent(field.name)}${separator}${sparkType(field.type)}${nullability}${comment}`;
}

const SIMPLE: Record<string, string> = {
  boolean: "BOOLEAN",
  int: "INT",
  long: "BIGINT",
  float: "FLOAT",
  double: "DOUBLE",
  date: "DATE",
  time: "TIME",
  timestamp: "TIMESTAMP_NTZ",
  timestamp_ns: "TIMESTAMP_NTZ",
  timestamptz: "TIMESTAMP",
  timestamptz_ns: "TIMESTAMP",
  string: "STRING",
  uuid: "STRING",
  binary: "BINARY",
  fixed: "BINARY",
  variant: "VARIANT",
  geometry: "BINARY",
  geography: "BINARY",
  unknown: "VOID",
};

function sparkPrimitive(type: string): string {
  const p = parsePrimitive(type);
  return p.kind === "decimal"
    ? `DECIMAL(${p.precision}, ${p.scale})`
    : (SIMPLE[p.kind] ?? type.toUpperCase());
}

/**
 * Display types of external and federated tables ("list<int>", "struct<a: string>",
 * "map<string, long>") as Spark types.
 */
export function sparkTypeOfDisplay(type: string): string {
  const nested = type.match(/^(list|map|struct)<(.*)>$/s);
  if (!nested) {
    try {
      return sparkPrimitive(type);
    } catch {
      return type.toUpperCase();
    }
  }
  const parts = splitAngles(nested[2]);
  if (nested[1] === "list") return `ARRAY<${sparkTypeOfDisplay(parts[0])}>`;
  if (nested[1] === "map")
    return `MAP<${sparkTypeOfDisplay(parts[0])}, ${sparkTypeOfDisplay(parts[1] ?? "string")}>`;
  return `STRUCT<${parts
    .map((p) => {
      const colon = p.indexOf(": ");
      return `${sparkIdent(p.slice(0, colon))}: ${sparkTypeOfDisplay(p.slice(colon + 2))}`;
    })
    .join(", ")}>`;
}

/** Splits on top-level ", " — not inside <> or (). */
function splitAngles(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "<" || ch === "(") depth++;
    else if (ch === ">" || ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts;
}
