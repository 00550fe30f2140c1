/**
 * The person's statement → text DuckDB's parser accepts, with the way back for positions:
 * - `:name` placeholders become `$name` (params.ts, same length);
 * - `AT (TAG => 'x')` / `AT (BRANCH => 'x')` become `AT (VERSION => 'x')` (a string
 *   version is a ref name), and an alias after an AT clause moves before it, where
 *   DuckDB's grammar wants it (`t AT (…) AS x` → `t AS x AT (…)`);
 * - after FROM/JOIN, names of four or more parts (`cat.level1.level2.table`, multi-level
 *   namespaces) become three, the middle levels joined by U+001F in one quoted name.
 */
import { NAMESPACE_SEPARATOR } from "@/lib/catalog";
import { applyReplacements, type EditedText, type Replacement } from "./edited-text";
import { significant, type Token, tokenize } from "./lexer";
import { markPlaceholders } from "./params";

export interface PreparedText extends EditedText {
  /** Placeholder names in order of first use. */
  names: string[];
}

export function prepareText(sql: string): PreparedText {
  const { sql: marked, names } = markPlaceholders(sql);
  const tokens = significant(tokenize(marked));
  const replacements = [...atClauses(marked, tokens), ...longNames(tokens)];
  return { ...applyReplacements(marked, replacements), names };
}

const lower = (t: Token | undefined) => (t ? t.text.toLowerCase() : "");

function atClauses(text: string, tokens: Token[]): Replacement[] {
  const out: Replacement[] = [];
  for (let i = 1; i < tokens.length - 2; i++) {
    if (lower(tokens[i]) !== "at" || tokens[i + 1].text !== "(") continue;
    const unit = tokens[i + 2];
    const ref = lower(unit) === "tag" || lower(unit) === "branch";
    const close = closingParen(tokens, i + 1);
    const alias = close < 0 ? null : aliasAfter(tokens, close + 1);
    if (!alias) {
      if (ref) out.push({ start: unit.start, end: unit.end, text: "VERSION" });
      continue;
    }
    // Reordered: "AT (…) AS x" → "AS x AT (…)".
    let at = text.slice(tokens[i].start, tokens[close].end);
    if (ref) at = `${at.slice(0, unit.start - tokens[i].start)}VERSION${at.slice(unit.end - tokens[i].start)}`;
    const aliasText = text.slice(alias.start, alias.end);
    out.push({ start: tokens[i].start, end: alias.end, text: `${aliasText} ${at}` });
  }
  return out;
}

function closingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (tokens[j].text === "(") depth++;
    else if (tokens[j].text === ")" && --depth === 0) return j;
  }
  return -1;
}

const NOT_ALIAS = new Set([
  "where", "join", "inner", "left", "right", "full", "cross", "natural", "on", "using", "group", "order", "limit",
  "offset", "union", "except", "intersect", "having", "window", "qualify", "positional", "asof", "anti", "semi",
  "outer", "lateral", "tablesample", "using", "pivot", "unpivot",
]);

function aliasAfter(tokens: Token[], i: number): { start: number; end: number } | null {
  const first = tokens[i];
  if (!first) return null;
  if (lower(first) === "as" && tokens[i + 1] && isName(tokens[i + 1])) return { start: first.start, end: aliasEnd(tokens, i + 1) };
  if (isName(first) && !NOT_ALIAS.has(lower(first))) return { start: first.start, end: aliasEnd(tokens, i) };
  return null;
}

/** An alias may carry column names: `AS x(a, b)`. */
function aliasEnd(tokens: Token[], i: number): number {
  if (tokens[i + 1]?.text === "(") {
    const close = closingParen(tokens, i + 1);
    if (close > 0) return tokens[close].end;
  }
  return tokens[i].end;
}

function isName(t: Token): boolean {
  return t.kind === "word" || t.kind === "quoted";
}

const TABLE_KEYWORDS = new Set(["from", "join", "table", "describe", "summarize"]);

function longNames(tokens: Token[]): Replacement[] {
  const out: Replacement[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!TABLE_KEYWORDS.has(lower(tokens[i]))) continue;
    const parts: Token[] = [];
    let j = i + 1;
    while (tokens[j] && isName(tokens[j])) {
      parts.push(tokens[j]);
      if (tokens[j + 1]?.text !== "." || tokens[j + 1].start !== tokens[j].end) break;
      j += 2;
    }
    if (parts.length < 4) continue;
    const middle = parts.slice(1, -1).map(unquote).join(NAMESPACE_SEPARATOR);
    const text = `${parts[0].text}.${quote(middle)}.${parts[parts.length - 1].text}`;
    out.push({ start: parts[0].start, end: parts[parts.length - 1].end, text });
  }
  return out;
}

function unquote(t: Token): string {
  return t.kind === "quoted" ? t.text.slice(1, -1).replaceAll('""', '"') : t.text;
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
