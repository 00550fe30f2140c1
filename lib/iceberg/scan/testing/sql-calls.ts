/**
 * Test support: finding table-function calls such as `iceberg_scan('path', version='2')`
 * in SQL text and splitting their arguments, respecting quotes and nested parentheses.
 */
export interface SqlCall {
  name: string;
  /** Offsets of the call in the SQL text, `name` through the closing parenthesis. */
  start: number;
  end: number;
  positional: string[];
  named: Record<string, string>;
}

export function findCalls(sql: string, names: readonly string[]): SqlCall[] {
  const pattern = new RegExp(`\\b(${names.join("|")})\\s*\\(`, "gi");
  const calls: SqlCall[] = [];
  for (let match = pattern.exec(sql); match; match = pattern.exec(sql)) {
    if (insideQuotes(sql, match.index)) continue;
    const open = match.index + match[0].length - 1;
    const close = closingParen(sql, open);
    const args = splitArgs(sql.slice(open + 1, close));
    const call: SqlCall = {
      name: match[1].toLowerCase(),
      start: match.index,
      end: close + 1,
      positional: [],
      named: {},
    };
    for (const arg of args) {
      const named = /^([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)\s*([\s\S]*)$/.exec(arg);
      if (named) call.named[named[1].toLowerCase()] = named[2].trim();
      else call.positional.push(arg);
    }
    calls.push(call);
    pattern.lastIndex = close + 1;
  }
  return calls;
}

/** `'it''s'` → `it's`; `"x"` → `x`; anything else as written. */
export function unquote(text: string): string {
  const t = text.trim();
  if (t.length >= 2 && (t[0] === "'" || t[0] === '"') && t.at(-1) === t[0]) {
    return t.slice(1, -1).replaceAll(t[0] + t[0], t[0]);
  }
  return t;
}

function closingParen(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i++) {
    const ch = sql[i];
    if (ch === "'" || ch === '"') i = skipQuoted(sql, i);
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  throw new Error(`unbalanced parentheses in: ${sql}`);
}

function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') i = skipQuoted(text, i);
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      args.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  const last = text.slice(from).trim();
  if (last) args.push(last);
  return args;
}

function skipQuoted(text: string, at: number): number {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i++) {
    if (text[i] === quote) {
      if (text[i + 1] === quote) i++;
      else return i;
    }
  }
  return text.length;
}

function insideQuotes(sql: string, at: number): boolean {
  let quote: string | undefined;
  for (let i = 0; i < at; i++) {
    const ch = sql[i];
    if (quote) {
      if (ch !== quote) continue;
      if (sql[i + 1] === quote)
        i++; // a doubled quote stays inside
      else quote = undefined;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    }
  }
  return quote !== undefined;
}
