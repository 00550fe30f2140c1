/**
 * A cursor over a statement's tokens with the moves a recursive-descent recogniser needs:
 * test and take keywords, names, literals; and take a raw span of embedded SQL up to the
 * token that ends it (outside parentheses and CASE … END).
 */
import type { QualifiedName, Span } from "./ast";
import { notSupported, syntaxError } from "./errors";
import { type Token, tokenize } from "./lexer";

/**
 * Words never taken as a bare name: where a name is expected, one of these means the name
 * is missing. Quoting (`"select"`) makes any word a name.
 */
const RESERVED = new Set([
  "ALTER", "AND", "AS", "BY", "CREATE", "DELETE", "DROP", "FROM", "GROUP", "INSERT", "INTO", "RETURNING",
  "MERGE", "NOT", "NULL", "ON", "OR", "ORDER", "PARTITIONED", "SELECT", "SET", "TABLE",
  "TBLPROPERTIES", "THEN", "UPDATE", "USING", "VALUES", "VIEW", "WHEN", "WHERE", "WITH",
]);

export class Cursor {
  readonly tokens: Token[];
  private at = 0;

  constructor(readonly sql: string) {
    this.tokens = tokenize(sql);
  }

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.at + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.at++;
    return token;
  }

  /** The next tokens are these keywords, in order. */
  is(...words: string[]): boolean {
    return words.every((w, i) => isWord(this.peek(i), w));
  }

  isPunct(p: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "punct" && token.text === p;
  }

  /** Takes the keywords if they come next. */
  accept(...words: string[]): boolean {
    if (!this.is(...words)) return false;
    this.at += words.length;
    return true;
  }

  expect(word: string, what = word): Token {
    if (!this.is(word)) throw this.error(`expected ${what}`);
    return this.next();
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.at++;
    return true;
  }

  expectPunct(p: string, what = `"${p}"`): Token {
    if (!this.isPunct(p)) throw this.error(`expected ${what}`);
    return this.next();
  }

  /** Takes one character of an operator: `>` out of `>>` (closing nested `<…>` types). */
  acceptOp(ch: string): boolean {
    const token = this.peek();
    if (token.kind !== "op" || !token.text.startsWith(ch)) return false;
    if (token.text.length === 1) {
      this.at++;
      return true;
    }
    const rest = token.text.slice(1);
    this.tokens[this.at] = { ...token, text: rest, value: rest, start: token.start + 1 };
    return true;
  }

  /** A ":" (Spark's `name: TYPE`), which the tokenizer reads as a `:name` parameter when no space follows. */
  acceptColon(): boolean {
    const token = this.peek();
    if (token.kind !== "param") return this.acceptOp(":");
    const { value } = token;
    this.tokens[this.at] = { kind: "word", text: value, value, upper: value.toUpperCase(), start: token.start + 1, end: token.end };
    return true;
  }

  /** One name: a bare word (not reserved) or a quoted name. */
  name(what: string): string {
    const token = this.peek();
    if (token.kind === "ident") return this.next().value;
    if (token.kind === "word" && !RESERVED.has(token.upper)) return this.next().value;
    throw this.error(`expected ${what}`);
  }

  /** A bare or quoted name, if one comes next. */
  isName(ahead = 0): boolean {
    const token = this.peek(ahead);
    return token.kind === "ident" || (token.kind === "word" && !RESERVED.has(token.upper));
  }

  /** `a`, `a.b`, `cat.ns.t`… */
  qualifiedName(what: string): QualifiedName {
    const start = this.peek().start;
    const parts = [this.name(what)];
    while (this.isPunct(".")) {
      this.next();
      parts.push(this.name(`${what} after "."`));
    }
    return { parts, start };
  }

  /** `( name, name, … )` */
  nameList(what: string): string[] {
    this.expectPunct("(", `"(" before the ${what}s`);
    const names = [this.name(what)];
    while (this.acceptPunct(",")) names.push(this.name(what));
    this.expectPunct(")", `"," or ")" after a ${what}`);
    return names;
  }

  string(what: string): string {
    const token = this.peek();
    if (token.kind !== "string") throw this.error(`expected ${what} as a '…' string`);
    return this.next().value;
  }

  integer(what: string): number {
    const token = this.peek();
    if (token.kind !== "number" || !/^\d+$/.test(token.value)) throw this.error(`expected ${what}`);
    const value = Number(this.next().value);
    if (!Number.isSafeInteger(value)) throw this.error(`${what} is too large`, token);
    return value;
  }

  bigint(what: string): bigint {
    const token = this.peek();
    if (token.kind !== "number" || !/^\d+$/.test(token.value)) throw this.error(`expected ${what}`);
    return BigInt(this.next().value);
  }

  /**
   * Embedded SQL from here up to (not including) the first token, outside brackets and
   * CASE … END, that `stop` accepts — or the end of the statement. Never empty.
   */
  spanUntil(what: string, stop: (token: Token) => boolean = () => false): Span {
    const first = this.peek();
    let depth = 0;
    let cases = 0;
    let last: Token | undefined;
    for (let token = this.peek(); token.kind !== "end"; token = this.peek()) {
      if (depth === 0 && cases === 0 && (stop(token) || isStatementEnd(this, token))) break;
      if (token.kind === "punct" && "([{".includes(token.text)) depth++;
      if (token.kind === "punct" && ")]}".includes(token.text)) {
        if (depth === 0) break;
        depth--;
      }
      if (isWord(token, "CASE")) cases++;
      if (isWord(token, "END") && cases > 0) cases--;
      last = this.next();
    }
    if (!last) throw this.error(`expected ${what}`);
    return { sql: this.sql.slice(first.start, last.end), start: first.start, end: last.end };
  }

  /** Ends the statement: an optional ";", then nothing. */
  end(): void {
    const semicolon = this.peek();
    if (this.acceptPunct(";") && this.peek().kind !== "end") throw this.error("one statement at a time was expected", semicolon);
    if (this.peek().kind !== "end") throw this.error("expected the end of the statement");
  }

  atEnd(): boolean {
    return this.peek().kind === "end" || (this.isPunct(";") && this.peek(1).kind === "end");
  }

  error(problem: string, token = this.peek()) {
    return syntaxError(this.sql, token.start, problem);
  }

  unsupported(construct: string, hint?: string, token = this.peek()) {
    return notSupported(construct, token.start, hint);
  }
}

export function isWord(token: Token, word: string): boolean {
  return token.kind === "word" && token.upper === word;
}

/** Stops for spans: a keyword at the top level. */
export function atWord(...words: string[]): (token: Token) => boolean {
  return (token) => token.kind === "word" && words.includes(token.upper);
}

export function atPunct(...puncts: string[]): (token: Token) => boolean {
  return (token) => token.kind === "punct" && puncts.includes(token.text);
}

/** A trailing ";" ends the statement; one in the middle is a second statement. */
function isStatementEnd(cursor: Cursor, token: Token): boolean {
  if (token.kind !== "punct" || token.text !== ";") return false;
  if (cursor.peek(1).kind !== "end") throw cursor.error("one statement at a time was expected", token);
  return true;
}
