/**
 * Reading SQL text in the browser, for the editor only (autocomplete, hover, parameters):
 * comments and string literals are blanked first so nothing inside them counts. The server
 * parses with DuckDB's own parser; nothing here decides what runs.
 */

/** The text with comments and quoted strings replaced by spaces (offsets unchanged). */
export function blankCommentsAndStrings(text: string): string {
  return text.replace(/--[^\n]*|\/\*[\s\S]*?(\*\/|$)|'(?:[^']|'')*('|$)/g, (m) => m.replace(/[^\n]/g, " "));
}

/** `:name` placeholders in order of first use (not `::type` casts, not inside strings or comments). */
export function parameterNames(sql: string): string[] {
  const names = new Set<string>();
  for (const match of blankCommentsAndStrings(sql).matchAll(/(^|[^:\w])[:]([A-Za-z_]\w{0,62})/g)) names.add(match[2]);
  return [...names];
}

/** The statement around `offset` (split on `;` outside strings and comments). */
export function statementAt(text: string, offset: number): { text: string; start: number } {
  const blank = blankCommentsAndStrings(text);
  let start = 0;
  for (let i = 0; i < blank.length; i += 1) {
    if (blank[i] !== ";") continue;
    if (i >= offset) return { text: text.slice(start, i), start };
    start = i + 1;
  }
  return { text: text.slice(start), start };
}

const IDENT = String.raw`(?:"(?:[^"]|"")*"|[A-Za-z_][\w$]*)`;
const RELATION_KEYWORDS = /\b(from|join|into|update|table|describe|summarize)\s+$/i;

export interface CompletionContext {
  /** Dotted parts before the word being typed: ["demo", "sales"] in `demo.sales.or|`. */
  qualifier: string[];
  word: string;
  /** After FROM, JOIN, INTO, UPDATE, TABLE…: a table name is expected. */
  expectsRelation: boolean;
}

export function completionContext(textBefore: string): CompletionContext {
  const blank = blankCommentsAndStrings(textBefore);
  const chain = blank.match(new RegExp(`((?:${IDENT}\\s*\\.\\s*)*)("?[\\w$]*)$`));
  const qualifierText = chain?.[1] ?? "";
  const word = (chain?.[2] ?? "").replace(/^"/, "");
  const qualifier = [...qualifierText.matchAll(new RegExp(IDENT, "g"))].map((m) => unquote(m[0]));
  const before = blank.slice(0, blank.length - (chain?.[0].length ?? 0));
  return { qualifier, word, expectsRelation: RELATION_KEYWORDS.test(before) };
}

export interface TableRef {
  path: string[];
  alias: string | null;
}

const NOT_ALIAS = new Set(["where", "join", "left", "right", "inner", "outer", "full", "cross", "on", "using", "group", "order", "limit", "having", "union", "except", "intersect", "natural", "as", "at", "window", "qualify", "offset", "set", "values", "select", "positional", "asof", "anti", "semi"]);

/** Tables named after FROM / JOIN / UPDATE / INTO in a statement, with their aliases. */
export function referencedTables(statement: string): TableRef[] {
  const blank = blankCommentsAndStrings(statement);
  const pattern = new RegExp(`\\b(?:from|join|update|into)\\s+(${IDENT}(?:\\s*\\.\\s*${IDENT})*)(?:\\s+(?:as\\s+)?(${IDENT}))?`, "gi");
  const refs: TableRef[] = [];
  for (const match of blank.matchAll(pattern)) {
    const path = [...match[1].matchAll(new RegExp(IDENT, "g"))].map((m) => unquote(m[0]));
    if (path.length === 1 && NOT_ALIAS.has(path[0].toLowerCase())) continue;
    const alias = match[2] && !NOT_ALIAS.has(match[2].toLowerCase()) ? unquote(match[2]) : null;
    refs.push({ path, alias });
  }
  return refs;
}

/** A name as SQL needs it: quoted unless it is a plain lower-case identifier. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}

function unquote(ident: string): string {
  return ident.startsWith('"') ? ident.slice(1, -1).replace(/""/g, '"') : ident;
}
