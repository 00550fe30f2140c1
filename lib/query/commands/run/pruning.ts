/**
 * Which rows a DELETE or UPDATE can touch, as an Iceberg filter the writer prunes files
 * with: the WHERE's simple top-level conjuncts (`col = 5`, `col IN ('a', 'b')`,
 * `col >= :from`, `col IS NULL`…). The WHERE implies each of them, so the rows it hits
 * are all among the rows they select, and only files that may hold such rows are read
 * and rewritten.
 *
 * The same conjuncts, as written, restrict the SELECT that computes the new rows, so
 * DuckDB and the writer must agree on exactly which rows they select. Only predicates
 * where they do are taken: integer, string and boolean columns (no NaN, no collation),
 * comparisons that are false for NULL (no `<>`), ranges only on integers.
 */
import { and, bind, predicate, type UnboundExpr } from "@/lib/iceberg/expr";
import type { Schema } from "@/lib/iceberg/spec";
import type { ParamValue } from "../../types";
import type { Span } from "../parse";
import { type Token, tokenize } from "../parse/lexer";

export interface Pruning {
  /** For `prepareOverwrite`: rows the statement may touch. */
  filter: UnboundExpr;
  /** The same conjuncts as SQL, from the statement's text. */
  sql: string;
}

type Op = "eq" | "lt" | "ltEq" | "gt" | "gtEq";
const OPS: Record<string, Op> = { "=": "eq", "==": "eq", "<": "lt", "<=": "ltEq", ">": "gt", ">=": "gtEq" };
const FLIPPED: Record<Op, Op> = { eq: "eq", lt: "gt", ltEq: "gtEq", gt: "lt", gtEq: "ltEq" };
export const KINDS: Record<string, "integer" | "string" | "boolean"> = { int: "integer", long: "integer", string: "string", boolean: "boolean" };

export interface Conjunct {
  tokens: Token[];
  sql: string;
}

export function pruningOf(where: Span, schema: Schema, qualifiers: string[], params: Record<string, ParamValue> = {}): Pruning | undefined {
  const kept: { expr: UnboundExpr; sql: string }[] = [];
  for (const conjunct of conjuncts(where)) {
    const expr = predicateOf(conjunct.tokens, schema, qualifiers, params);
    if (expr && binds(schema, expr)) kept.push({ expr, sql: conjunct.sql });
  }
  if (kept.length === 0) return undefined;
  return { filter: kept.length === 1 ? kept[0].expr : and(...kept.map((k) => k.expr)), sql: kept.map((k) => `(${k.sql})`).join(" AND ") };
}

/** Top-level AND-separated parts; none when an OR (or BETWEEN's AND) sits at the top level. */
export function conjuncts(where: Span): Conjunct[] {
  const tokens = tokenize(where.sql).filter((t) => t.kind !== "end");
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === "punct" && token.text === "(") depth++;
    if (token.kind === "punct" && token.text === ")") depth--;
    const word = token.kind === "word" ? token.upper : "";
    if (depth === 0 && (word === "OR" || word === "BETWEEN" || word === "CASE")) return [];
    if (depth === 0 && word === "AND") parts.push([]);
    else parts[parts.length - 1].push(token);
  }
  return parts.filter((p) => p.length > 0).map((p) => ({ tokens: p, sql: where.sql.slice(p[0].start, p[p.length - 1].end) }));
}

function predicateOf(tokens: Token[], schema: Schema, qualifiers: string[], params: Record<string, ParamValue>): UnboundExpr | undefined {
  const column = columnAt(tokens, 0, schema, qualifiers);
  if (column) {
    const rest = tokens.slice(column.length);
    return afterColumn(rest, column.name, column.kind, params);
  }
  // `5 < id`: a value first, then the operator and the column.
  const op = tokens[1]?.kind === "op" ? OPS[tokens[1].text] : undefined;
  const flipped = op && columnAt(tokens, 2, schema, qualifiers);
  if (!op || !flipped || 2 + flipped.length !== tokens.length) return undefined;
  const value = literalValue([tokens[0]], flipped.kind, params);
  return value === undefined || (op !== "eq" && flipped.kind !== "integer") ? undefined : predicate(FLIPPED[op], flipped.name, value);
}

function afterColumn(rest: Token[], name: string, kind: string, params: Record<string, ParamValue>): UnboundExpr | undefined {
  const [first, ...values] = rest;
  if (!first) return undefined;
  if (first.kind === "word" && first.upper === "IS") {
    const words = values.map((t) => (t.kind === "word" ? t.upper : "?")).join(" ");
    return words === "NULL" ? predicate("isNull", name) : words === "NOT NULL" ? predicate("notNull", name) : undefined;
  }
  if (first.kind === "word" && first.upper === "IN") return inList(values, name, kind, params);
  const op = first.kind === "op" ? OPS[first.text] : undefined;
  if (!op || (op !== "eq" && kind !== "integer")) return undefined;
  const value = literalValue(values, kind, params);
  return value === undefined ? undefined : predicate(op, name, value);
}

function inList(tokens: Token[], name: string, kind: string, params: Record<string, ParamValue>): UnboundExpr | undefined {
  if (tokens[0]?.text !== "(" || tokens[tokens.length - 1]?.text !== ")") return undefined;
  const items: Token[][] = [[]];
  for (const token of tokens.slice(1, -1)) {
    if (token.kind === "punct" && token.text === ",") items.push([]);
    else items[items.length - 1].push(token);
  }
  const values = items.map((item) => literalValue(item, kind, params));
  if (values.some((v) => v === undefined)) return undefined;
  return predicate("in", name, values);
}

/** `[qualifier.]column` at `at`, if it names a top-level column of a supported type. */
function columnAt(tokens: Token[], at: number, schema: Schema, qualifiers: string[]) {
  const qualified = tokens[at + 1]?.text === "." && isName(tokens[at]);
  if (qualified && !qualifiers.some((q) => q.toLowerCase() === tokens[at].value.toLowerCase())) return undefined;
  const token = tokens[qualified ? at + 2 : at];
  if (!token || !isName(token)) return undefined;
  const field = schema.fields.find((f) => f.name === token.value) ?? (token.kind === "word" ? schema.fields.find((f) => f.name.toLowerCase() === token.value.toLowerCase()) : undefined);
  const kind = field && typeof field.type === "string" ? KINDS[field.type] : undefined;
  return field && kind ? { name: field.name, kind, length: qualified ? 3 : 1 } : undefined;
}

function isName(token: Token | undefined): token is Token {
  return token !== undefined && (token.kind === "ident" || token.kind === "word");
}

/** A literal or parameter of the column's kind, as the value the Iceberg filter binds. */
function literalValue(tokens: Token[], kind: string, params: Record<string, ParamValue>): unknown {
  const negative = tokens.length === 2 && tokens[0].kind === "op" && tokens[0].text === "-";
  if (tokens.length !== 1 && !negative) return undefined;
  const token = tokens[tokens.length - 1];
  if (token.kind === "param") return paramValue(params[token.value], kind);
  if (kind === "integer" && token.kind === "number" && /^\d+$/.test(token.value)) return BigInt(token.value) * (negative ? -1n : 1n);
  if (negative) return undefined;
  if (kind === "string" && token.kind === "string") return token.value;
  if (kind === "boolean" && token.kind === "word" && (token.upper === "TRUE" || token.upper === "FALSE")) return token.upper === "TRUE";
  return undefined;
}

function paramValue(value: ParamValue | undefined, kind: string): unknown {
  if (kind === "integer" && (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value)))) return BigInt(value);
  if (kind === "string" && typeof value === "string") return value;
  if (kind === "boolean" && typeof value === "boolean") return value;
  return undefined;
}

function binds(schema: Schema, expr: UnboundExpr): boolean {
  try {
    bind(schema, expr);
    return true;
  } catch {
    return false;
  }
}
