/**
 * SQL language features for every notebook editor, registered once: completion of catalogs,
 * namespaces, tables and columns (context-aware after FROM/JOIN and `.`), keywords and DuckDB
 * functions; hover with a column's type and comment; formatting with sql-formatter.
 * Each editor registers its model with a source that knows the notebook's catalog and
 * namespace and fetches (cached) what the principal may see.
 */
import type * as Monaco from "monaco-editor";
import { format } from "sql-formatter";
import { DUCKDB_FUNCTIONS, SQL_KEYWORDS } from "./duckdb-words";
import { completionContext, quoteIdent, referencedTables, statementAt, type TableRef } from "./sql-text";
import type { CompletionColumn, CompletionItem } from "./types";

export interface EditorSource {
  context(): { catalog: string | null; namespace: string[] | null };
  /** Children of a catalog path ([] = catalogs; [catalog] = namespaces; [catalog, …ns] = tables). Rejects when the path is not there. */
  children(path: string[]): Promise<CompletionItem[]>;
  columns(table: CompletionItem): Promise<CompletionColumn[]>;
}

const sources = new Map<string, EditorSource>();

export function registerEditorSource(uri: string, source: EditorSource): () => void {
  sources.set(uri, source);
  return () => sources.delete(uri);
}

export function formatSql(sql: string): string {
  return format(sql, { language: "duckdb", keywordCase: "upper", paramTypes: { named: [":"] } });
}

export function registerSqlLanguage(monaco: typeof Monaco): void {
  monaco.languages.registerCompletionItemProvider("sql", {
    triggerCharacters: [".", " "],
    provideCompletionItems: async (model, position) => {
      const source = sources.get(model.uri.toString());
      const offset = model.getOffsetAt(position);
      const text = model.getValue();
      const ctx = completionContext(text.slice(0, offset));
      const range = new monaco.Range(position.lineNumber, position.column - ctx.word.length, position.lineNumber, position.column);
      const refs = referencedTables(statementAt(text, offset).text);
      const suggestions = source ? await objectSuggestions(monaco, source, ctx, refs, range).catch(() => []) : [];
      const plain = ctx.qualifier.length === 0 && (!ctx.expectsRelation || suggestions.length === 0);
      return { suggestions: plain ? [...suggestions, ...wordSuggestions(monaco, range)] : suggestions };
    },
  });
  monaco.languages.registerHoverProvider("sql", {
    provideHover: async (model, position) => {
      const source = sources.get(model.uri.toString());
      const word = model.getWordAtPosition(position);
      if (!source || !word) return null;
      const refs = referencedTables(statementAt(model.getValue(), model.getOffsetAt(position)).text);
      const found = await hoverText(source, refs, word.word).catch(() => null);
      if (!found) return null;
      return { range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn), contents: [{ value: found }] };
    },
  });
  monaco.languages.registerDocumentFormattingEditProvider("sql", {
    provideDocumentFormattingEdits: (model) => [{ range: model.getFullModelRange(), text: formatSql(model.getValue()) }],
  });
}

type Ctx = ReturnType<typeof completionContext>;

async function objectSuggestions(monaco: typeof Monaco, source: EditorSource, ctx: Ctx, refs: TableRef[], range: Monaco.IRange): Promise<Monaco.languages.CompletionItem[]> {
  const K = monaco.languages.CompletionItemKind;
  if (ctx.qualifier.length === 1 && !ctx.expectsRelation) {
    const ref = refs.find((r) => eq(r.alias, ctx.qualifier[0]) || (!r.alias && eq(r.path[r.path.length - 1], ctx.qualifier[0])));
    if (ref) return columnItems(monaco, await columnsOf(source, ref), range);
  }
  if (ctx.qualifier.length > 0) {
    const items = await childrenOfQualifier(source, ctx.qualifier);
    return items.map((item) => objectItem(K, item, range));
  }
  if (ctx.expectsRelation) return (await relationCandidates(source)).map((item) => objectItem(K, item, range));
  const columns = (await Promise.all(refs.map((ref) => columnsOf(source, ref).catch(() => [])))).flat();
  return columnItems(monaco, columns, range);
}

/** `demo.` / `demo.sales.`: an absolute path, else one relative to the notebook's catalog (and namespace). */
async function childrenOfQualifier(source: EditorSource, qualifier: string[]): Promise<CompletionItem[]> {
  const { catalog } = source.context();
  const candidates = [qualifier, ...(catalog ? [[catalog, ...qualifier]] : [])];
  for (const path of candidates) {
    const items = await source.children(path).catch(() => null);
    if (items) return items;
  }
  return [];
}

/** After FROM: tables of the current namespace, namespaces of the current catalog, catalogs. */
async function relationCandidates(source: EditorSource): Promise<CompletionItem[]> {
  const { catalog, namespace } = source.context();
  const lists = await Promise.all([
    catalog && namespace ? source.children([catalog, ...namespace]).catch(() => []) : Promise.resolve([]),
    catalog ? source.children([catalog]).catch(() => []) : Promise.resolve([]),
    source.children([]).catch(() => []),
  ]);
  return lists.flat();
}

/** Finds the table a FROM/JOIN reference names (resolved like the engine: current catalog, then namespace). */
async function tableOf(source: EditorSource, ref: TableRef): Promise<CompletionItem | null> {
  const { catalog, namespace } = source.context();
  const name = ref.path[ref.path.length - 1];
  const parents = ref.path.length >= 3 ? [ref.path.slice(0, -1)] : ref.path.length === 2 ? [catalog ? [catalog, ref.path[0]] : null, [ref.path[0]]] : [catalog && namespace ? [catalog, ...namespace] : null];
  for (const parent of parents) {
    if (!parent) continue;
    const items = await source.children(parent).catch(() => []);
    const table = items.find((item) => item.kind !== "catalog" && item.kind !== "namespace" && eq(item.name, name));
    if (table) return table;
  }
  return null;
}

async function columnsOf(source: EditorSource, ref: TableRef): Promise<CompletionColumn[]> {
  const table = await tableOf(source, ref);
  return table ? source.columns(table) : [];
}

async function hoverText(source: EditorSource, refs: TableRef[], word: string): Promise<string | null> {
  for (const ref of refs) {
    const table = await tableOf(source, ref);
    if (!table) continue;
    if (eq(table.name, word)) return `**${table.path.join(".")}** · ${table.kind}${table.comment ? `\n\n${table.comment}` : ""}`;
    const column = (await source.columns(table)).find((c) => eq(c.name, word));
    if (column) return `**${column.name}** \`${column.type}\` · ${table.name}${column.comment ? `\n\n${column.comment}` : ""}`;
  }
  return null;
}

function objectItem(K: typeof Monaco.languages.CompletionItemKind, item: CompletionItem, range: Monaco.IRange): Monaco.languages.CompletionItem {
  const kind = item.kind === "catalog" ? K.Module : item.kind === "namespace" ? K.Folder : K.Class;
  return { label: item.name, kind, detail: `${item.kind} · ${item.path.join(".")}`, documentation: item.comment ?? undefined, insertText: quoteIdent(item.name), range, sortText: `0${item.name}` };
}

function columnItems(monaco: typeof Monaco, columns: CompletionColumn[], range: Monaco.IRange): Monaco.languages.CompletionItem[] {
  const seen = new Set<string>();
  return columns
    .filter((c) => !c.name.includes(".") && !seen.has(c.name) && seen.add(c.name))
    .map((c) => ({ label: c.name, kind: monaco.languages.CompletionItemKind.Field, detail: c.type, documentation: c.comment ?? undefined, insertText: quoteIdent(c.name), range, sortText: `0${c.name}` }));
}

function wordSuggestions(monaco: typeof Monaco, range: Monaco.IRange): Monaco.languages.CompletionItem[] {
  const K = monaco.languages.CompletionItemKind;
  const keywords = SQL_KEYWORDS.map((k) => ({ label: k, kind: K.Keyword, insertText: k, range, sortText: `2${k}` }));
  const functions = DUCKDB_FUNCTIONS.map(([name, signature, doc]) => ({ label: name, kind: K.Function, detail: signature, documentation: doc, insertText: name, range, sortText: `1${name}` }));
  return [...keywords, ...functions];
}

function eq(a: string | null | undefined, b: string): boolean {
  return a !== null && a !== undefined && a.toLowerCase() === b.toLowerCase();
}
