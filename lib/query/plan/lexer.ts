/**
 * A small SQL tokenizer for what DuckDB's parser cannot tell us before a statement is
 * whole: where statements end, where `:name` placeholders are, and which keywords lead
 * a statement. It knows DuckDB's lexical rules that matter for that — quotes, `E'…'`
 * strings with backslash escapes, double-quoted identifiers, `--` and nested `/* *\/`
 * comments, dollar-quoted strings (`$$…$$`, `$tag$…$tag$`) — and nothing of grammar.
 * Unterminated quotes and comments run to the end of the text (DuckDB then reports them).
 */

export type TokenKind =
  | "word"
  | "quoted"
  | "string"
  | "dollar"
  | "number"
  | "param"
  | "comment"
  | "space"
  | "punct";

export interface Token {
  kind: TokenKind;
  /** Offsets into the text (UTF-16 indexes), end exclusive. */
  start: number;
  end: number;
  text: string;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;
const SPACE = /\s/;
const DOLLAR_TAG = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/;
const NATIVE_PARAM = /^\$([0-9]+|[A-Za-z_][A-Za-z0-9_]*)/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const [kind, end] = scan(text, i);
    tokens.push({ kind, start: i, end, text: text.slice(i, end) });
    i = end;
  }
  return tokens;
}

/** The tokens that carry meaning: no spaces, no comments. */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind !== "space" && t.kind !== "comment");
}

function scan(text: string, i: number): [TokenKind, number] {
  const c = text[i];
  const next = text[i + 1];
  if (SPACE.test(c)) return ["space", spanWhile(text, i, SPACE)];
  if (c === "-" && next === "-") return ["comment", lineEnd(text, i)];
  if (c === "/" && next === "*") return ["comment", blockCommentEnd(text, i)];
  if (c === "'") return ["string", quoteEnd(text, i, "'", false)];
  if ((c === "e" || c === "E") && next === "'") return ["string", quoteEnd(text, i + 1, "'", true)];
  if (c === '"') return ["quoted", quoteEnd(text, i, '"', false)];
  if (c === "$") return dollar(text, i);
  if (c === "?") return ["param", i + 1];
  if (DIGIT.test(c) || (c === "." && DIGIT.test(next ?? ""))) return ["number", numberEnd(text, i)];
  if (WORD_START.test(c)) return ["word", spanWhile(text, i, WORD_PART)];
  return ["punct", i + 1];
}

function spanWhile(text: string, i: number, re: RegExp): number {
  let j = i;
  while (j < text.length && re.test(text[j])) j++;
  return j;
}

function lineEnd(text: string, i: number): number {
  const nl = text.indexOf("\n", i);
  return nl < 0 ? text.length : nl;
}

/** Block comments nest, as in PostgreSQL's lexer that DuckDB's parser comes from. */
function blockCommentEnd(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    if (text.startsWith("/*", j)) {
      depth++;
      j += 2;
    } else if (text.startsWith("*/", j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return text.length;
}

/** A quote is escaped by doubling it; in `E'…'` strings a backslash escapes too. */
function quoteEnd(text: string, i: number, quote: string, backslash: boolean): number {
  let j = i + 1;
  while (j < text.length) {
    if (backslash && text[j] === "\\") j += 2;
    else if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2;
      else return j + 1;
    } else j++;
  }
  return text.length;
}

function dollar(text: string, i: number): [TokenKind, number] {
  const tag = DOLLAR_TAG.exec(text.slice(i, i + 300));
  if (tag) {
    const close = text.indexOf(tag[0], i + tag[0].length);
    return ["dollar", close < 0 ? text.length : close + tag[0].length];
  }
  const param = NATIVE_PARAM.exec(text.slice(i, i + 300));
  if (param) return ["param", i + param[0].length];
  return ["punct", i + 1];
}

function numberEnd(text: string, i: number): number {
  const m = /^(0[xX][0-9A-Fa-f_]+|[0-9_]*\.?[0-9_]*([eE][+-]?[0-9]+)?)/.exec(text.slice(i, i + 400));
  return i + Math.max(1, m ? m[0].length : 1);
}

/** 1-based line and column of an offset (columns count UTF-16 units, as editors do). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
