/**
 * Positions in the SQL that runs → positions in the statement the person typed. The SQL
 * that runs is DuckDB's own rendering of the checked tree with secured relations spliced
 * in, so offsets do not line up; tokens do. A position maps to the token there: the k-th
 * token of that text outside the spliced relations maps to the k-th token of that text
 * in the person's statement. Inside a spliced relation → the table reference it replaced;
 * no such token → null.
 */
import type { PositionMapper } from "../types";
import { significant, type Token, tokenize } from "./lexer";

export interface Span {
  start: number;
  end: number;
  /** Where the table reference it replaced sits in the person's text. */
  origin?: number;
}

export function tokenMapper(original: string, generated: string, spliced: Span[], shift = 0): PositionMapper {
  let cache: { gen: Token[]; orig: Token[] } | undefined;
  return (offset: number) => {
    const inside = spliced.find((s) => offset >= s.start && offset < s.end);
    if (inside) return inside.origin === undefined ? null : inside.origin + shift;
    cache ??= { gen: significant(tokenize(generated)), orig: significant(tokenize(original)) };
    const tokens = cache.gen.filter((t) => !spliced.some((s) => t.start >= s.start && t.start < s.end));
    const index = tokens.findIndex((t) => offset >= t.start && offset < t.end);
    const at = index >= 0 ? tokens[index] : tokens.find((t) => t.start >= offset);
    if (!at) return null;
    const key = normal(at.text);
    const k = tokens.slice(0, tokens.indexOf(at)).filter((t) => normal(t.text) === key).length;
    const match = cache.orig.filter((t) => normal(t.text) === key)[k];
    return match ? match.start + shift : null;
  };
}

function normal(text: string): string {
  return text.replace(/^"(.*)"$/s, "$1").replace(/^\$([0-9]+)$/, "$").toLowerCase();
}
