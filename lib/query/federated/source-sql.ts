/**
 * The one statement sent to the source database: the projected columns of one table,
 * the pushed-down predicates, and a LIMIT. Every literal is a bound parameter — `$n` for
 * PostgreSQL, `?` for MySQL (server-side prepared) — typed with a cast where the source
 * could otherwise compare it as something else.
 */
import type { FederatedType } from "@/lib/catalog/federated";
import type { PredicateValue, SimplePredicate } from "./predicates";

export type SourceParam = string | number | null;

export interface SourceStatement {
  sql: string;
  params: SourceParam[];
}

export interface SourceSelect {
  schema: string;
  table: string;
  columns: string[];
  /** Predicates the source applies (pushdown.ts said they may go). */
  predicates: SimplePredicate[];
  limit: number;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
/** `LIKE … ESCAPE '!'`: one escape character both databases read alike (no backslashes). */
const LIKE_ESCAPE = "!";

export function sourceStatement(type: FederatedType, select: SourceSelect): SourceStatement {
  const dialect = DIALECTS[type];
  const params: SourceParam[] = [];
  const bind = (value: SourceParam) => {
    params.push(value);
    return dialect.placeholder(params.length);
  };
  const columns = select.columns.length ? select.columns.map(dialect.ident).join(", ") : "1";
  const where = select.predicates.map((p) => predicateSql(dialect, p, bind));
  const sql = [
    `SELECT ${columns} FROM ${dialect.ident(select.schema)}.${dialect.ident(select.table)}`,
    where.length ? ` WHERE ${where.join(" AND ")}` : "",
    ` LIMIT ${bind(dialect.limitParam(select.limit))}`,
  ].join("");
  return { sql, params };
}

interface Dialect {
  ident(name: string): string;
  placeholder(n: number): string;
  /** The bound literal, cast so it keeps its type. */
  literal(value: PredicateValue, placeholder: (v: SourceParam) => string): string;
  /** The column as a string range or LIKE compares it (byte order where it can be asked for). */
  stringOrder(column: string): string;
  limitParam(limit: number): SourceParam;
}

function predicateSql(d: Dialect, p: SimplePredicate, bind: (v: SourceParam) => string): string {
  const column = d.ident(p.column);
  switch (p.op) {
    case "IS NULL":
    case "IS NOT NULL":
      return `${column} ${p.op}`;
    case "IN":
      if (p.values.length === 0) return "1 = 0";
      return `${column} IN (${p.values.map((v) => d.literal(v, bind)).join(", ")})`;
    case "LIKE":
      return `${d.stringOrder(column)} LIKE ${bind(likePattern(p.prefix))} ESCAPE '${LIKE_ESCAPE}'`;
    default: {
      const ordered = p.value.type === "string" && p.op !== "=" && p.op !== "<>";
      return `${ordered ? d.stringOrder(column) : column} ${p.op} ${d.literal(p.value, bind)}`;
    }
  }
}

export function likePattern(prefix: string): string {
  return `${prefix.replace(/[!%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}

function withoutNul(name: string): string {
  if (name.includes("\u0000")) throw new Error("SQL text cannot hold a NUL character");
  return name;
}

const POSTGRES_CASTS: Record<PredicateValue["type"], string> = {
  boolean: "::boolean",
  integer: "::int8",
  decimal: "::numeric",
  double: "::float8",
  // Untyped: the server takes the column's type (text, uuid, character(n)).
  string: "",
  date: "::date",
  timestamp: "::timestamp",
  timestamptz: "::timestamptz",
};

const postgres: Dialect = {
  ident: (name) => `"${withoutNul(name).replaceAll('"', '""')}"`,
  placeholder: (n) => `$${n}`,
  literal(value, bind) {
    const wide = value.type === "integer" && (value.value < INT64_MIN || value.value > INT64_MAX);
    return `${bind(paramText(value))}${wide ? "::numeric" : POSTGRES_CASTS[value.type]}`;
  },
  stringOrder: (column) => `${column} COLLATE "C"`,
  limitParam: (limit) => String(limit),
};

const mysql: Dialect = {
  ident: (name) => `\`${withoutNul(name).replaceAll("`", "``")}\``,
  placeholder: () => "?",
  literal(value, bind) {
    switch (value.type) {
      case "integer":
        return `CAST(${bind(paramText(value))} AS DECIMAL(65, 0))`;
      case "decimal":
        return `CAST(${bind(paramText(value))} AS DECIMAL(65, ${decimalScale(value.value)}))`;
      case "double":
        return bind(value.value);
      case "date":
        return `CAST(${bind(value.value)} AS DATE)`;
      case "timestamp":
        return `CAST(${bind(value.value)} AS DATETIME(6))`;
      default:
        return bind(paramText(value));
    }
  },
  // Only = and LIKE reach MySQL for strings (pushdown.ts): its collations order differently.
  stringOrder: (column) => column,
  limitParam: (limit) => limit,
};

const DIALECTS: Record<FederatedType, Dialect> = { postgresql: postgres, mysql };

function paramText(value: PredicateValue): string {
  return typeof value.value === "string" ? value.value : String(value.value);
}

/** Digits after the point of a decimal literal. */
export function decimalScale(text: string): number {
  return (text.split(".")[1] ?? "").length;
}
