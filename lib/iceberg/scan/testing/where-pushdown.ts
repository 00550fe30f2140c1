/**
 * Test support: the part of a query's WHERE clause a planner can use to prune files, as
 * an Iceberg expression — what Tarn's query layer does when it hands a filter to
 * `planScan`. Only simple conjuncts are understood (`col = literal`, comparisons,
 * `BETWEEN`, `IS [NOT] NULL`); others are left out, which only means less pruning:
 * the WHERE clause itself still runs in DuckDB.
 */
import { and, eq, gt, gtEq, isNull, lt, ltEq, notNull, type UnboundExpr } from "../../expr";

const IDENT = `"?([A-Za-z_][A-Za-z0-9_]*)"?`;
const LITERAL = String.raw`(-?\d+(?:\.\d+)?|'(?:[^']|'')*'|true|false|DATE\s+'[^']*')`;

/**
 * `numbers` decides how non-integer literals are given: as text (exact, for decimals) or
 * as JS numbers (for float and double columns, whose binding takes no text).
 */
export function pushdownFilter(
  sql: string,
  afterOffset: number,
  numbers: "text" | "number",
): UnboundExpr | undefined {
  const where = whereClause(sql.slice(afterOffset));
  if (!where) return undefined;
  const parse = (text: string) => parseConjunct(text, numbers);
  const conjuncts = splitAnd(where)
    .map(parse)
    .filter((e) => e !== undefined);
  return conjuncts.length ? and(...conjuncts) : undefined;
}

function whereClause(tail: string): string | undefined {
  const match = /\bwhere\b([\s\S]*?)(?:\border\s+by\b|\bgroup\s+by\b|\blimit\b|\)|;|$)/i.exec(tail);
  return match?.[1].trim();
}

/** Splits on AND, keeping `BETWEEN x AND y` together. */
function splitAnd(where: string): string[] {
  const parts = where.split(/\s+and\s+/i);
  const out: string[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last && /\bbetween\s+\S+$/i.test(last)) out[out.length - 1] = `${last} AND ${part}`;
    else out.push(part);
  }
  return out;
}

function parseConjunct(text: string, numbers: "text" | "number"): UnboundExpr | undefined {
  const t = text.trim();
  const literal = (raw: string) => literalValue(raw, numbers);
  let m = new RegExp(`^${IDENT}\\s+between\\s+${LITERAL}\\s+and\\s+${LITERAL}$`, "i").exec(t);
  if (m) return and(gtEq(m[1], literal(m[2])), ltEq(m[1], literal(m[3])));
  m = new RegExp(`^${IDENT}\\s+is\\s+(not\\s+)?null$`, "i").exec(t);
  if (m) return m[2] ? notNull(m[1]) : isNull(m[1]);
  m = new RegExp(`^${IDENT}\\s*(=|<=|>=|<|>)\\s*${LITERAL}$`, "i").exec(t);
  if (!m) return undefined;
  const build = { "=": eq, "<": lt, "<=": ltEq, ">": gt, ">=": gtEq }[m[2]];
  return build?.(m[1], literal(m[3]));
}

function literalValue(text: string, numbers: "text" | "number"): unknown {
  if (/^'/.test(text)) return text.slice(1, -1).replaceAll("''", "'");
  if (/^DATE/i.test(text)) return text.replace(/^DATE\s+'|'$/gi, "");
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  if (/^-?\d+$/.test(text)) return BigInt(text);
  return numbers === "text" ? text : Number(text);
}
