/**
 * Tokens of a DDL/DML statement, with their offsets in the statement text. Only the
 * statement's own shape is read from tokens; embedded expressions and SELECTs are taken
 * as raw text spans (from the first token's start to the last token's end) and handed to
 * DuckDB's parser, so the tokenizer only has to find where they end — strings, quoted
 * names and comments must never be mistaken for structure.
 */
import { syntaxError } from "./errors";

export type TokenKind = "word" | "ident" | "string" | "number" | "param" | "op" | "punct" | "end";

export interface Token {
  kind: TokenKind;
  /** The token's text as written. */
  text: string;
  /** Identifiers and strings unquoted; words as written; `:name` → `name`. */
  value: string;
  /** Upper-cased text of a word, for keyword tests. */
  upper: string;
  start: number;
  end: number;
}

const PUNCT = new Set(["(", ")", ",", ";", ".", "[", "]", "{", "}"]);
const OP_CHARS = new Set([..."+-*/%<>=!~^&|@#?:"]);
const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;

export function tokenize(sql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const skipped = skipSpaceAndComments(sql, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const token = readToken(sql, i);
    tokens.push(token);
    i = token.end;
  }
  tokens.push(makeToken("end", "", "", sql.length, sql.length));
  return tokens;
}

function skipSpaceAndComments(sql: string, at: number): number {
  let i = at;
  while (i < sql.length && /\s/.test(sql[i])) i++;
  if (sql.startsWith("--", i)) {
    const newline = sql.indexOf("\n", i);
    return newline < 0 ? sql.length : newline + 1;
  }
  if (sql.startsWith("/*", i)) {
    const close = sql.indexOf("*/", i + 2);
    if (close < 0) throw syntaxError(sql, i, "this comment is never closed");
    return close + 2;
  }
  return i;
}

function readToken(sql: string, i: number): Token {
  const ch = sql[i];
  if (ch === "'") return readQuoted(sql, i, "'", "string");
  if (ch === '"') return readQuoted(sql, i, '"', "ident");
  if ((ch === "E" || ch === "e") && sql[i + 1] === "'") {
    throw syntaxError(sql, i, "escape strings (E'…') are not supported here; write a plain '…' string");
  }
  if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(sql[i + 1] ?? ""))) return readNumber(sql, i);
  if (WORD_START.test(ch)) return readWord(sql, i);
  if (ch === ":" && sql[i + 1] !== ":" && sql[i - 1] !== ":" && WORD_START.test(sql[i + 1] ?? "")) {
    const word = readWord(sql, i + 1);
    return makeToken("param", sql.slice(i, word.end), word.text, i, word.end);
  }
  if (ch === "$" && sql[i + 1] === "$") {
    throw syntaxError(sql, i, "dollar-quoted strings are not supported here; write a '…' string");
  }
  if (ch === "$") return readDollarParam(sql, i);
  if (PUNCT.has(ch)) return makeToken("punct", ch, ch, i, i + 1);
  if (OP_CHARS.has(ch)) return readOperator(sql, i);
  throw syntaxError(sql, i, `unexpected character "${ch}"`);
}

function readQuoted(sql: string, start: number, quote: string, kind: "string" | "ident"): Token {
  let i = start + 1;
  let value = "";
  for (;;) {
    const close = sql.indexOf(quote, i);
    if (close < 0) {
      const what = kind === "string" ? "string" : "quoted name";
      throw syntaxError(sql, start, `this ${what} is never closed`);
    }
    value += sql.slice(i, close);
    if (sql[close + 1] === quote) {
      value += quote;
      i = close + 2;
      continue;
    }
    return makeToken(kind, sql.slice(start, close + 1), value, start, close + 1);
  }
}

function readNumber(sql: string, start: number): Token {
  const match = /^(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(sql.slice(start));
  const text = match ? match[0] : sql[start];
  return makeToken("number", text, text.replaceAll("_", ""), start, start + text.length);
}

function readWord(sql: string, start: number): Token {
  let i = start + 1;
  while (i < sql.length && WORD_PART.test(sql[i])) i++;
  const text = sql.slice(start, i);
  return makeToken("word", text, text, start, i);
}

/** `$1` or `$name`: DuckDB's own placeholders, refused later with a pointer to `:name`. */
function readDollarParam(sql: string, start: number): Token {
  let i = start + 1;
  while (i < sql.length && WORD_PART.test(sql[i])) i++;
  if (i === start + 1) throw syntaxError(sql, start, 'unexpected character "$"');
  const text = sql.slice(start, i);
  return makeToken("op", text, text, start, i);
}

function readOperator(sql: string, start: number): Token {
  let i = start;
  while (i < sql.length && OP_CHARS.has(sql[i])) {
    // "-" or "/" starting a comment ends the operator: `a--b` is `a` then a comment
    if (i > start && (sql.startsWith("--", i) || sql.startsWith("/*", i))) break;
    i++;
  }
  const text = sql.slice(start, i);
  return makeToken("op", text, text, start, i);
}

function makeToken(kind: TokenKind, text: string, value: string, start: number, end: number): Token {
  return { kind, text, value, upper: kind === "word" ? text.toUpperCase() : "", start, end };
}
