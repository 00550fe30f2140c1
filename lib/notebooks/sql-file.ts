/**
 * Notebooks as `.sql` files: every cell starts with a marker comment, Markdown cells are
 * kept as `-- ` comments, so the file still runs as a script elsewhere.
 *
 *   -- Tarn notebook: Monthly revenue
 *   -- tarn: {"catalog":"demo","namespace":["sales"],"parameters":{"year":2024}}
 *
 *   -- %% [markdown]
 *   -- # Revenue by month
 *
 *   -- %% [sql] {"chart":{"type":"bar","x":"month","y":["revenue"],"group":null,"statement":0}}
 *   SELECT …
 *
 * A file without markers becomes one SQL cell. Trailing blank lines of a cell are not kept.
 */
import { type CellKind, chartConfig, type NotebookDocument, parameters } from "./types";

const TITLE = /^-- Tarn notebook: (.*)$/;
const SETTINGS = /^-- tarn: (\{.*\})$/;
const MARKER = /^-- %% \[(sql|markdown)\](?: (\{.*\}))?\s*$/;

export function toSqlFile(doc: NotebookDocument): string {
  const head = [`-- Tarn notebook: ${doc.title.replace(/\s+/g, " ")}`];
  head.push(`-- tarn: ${JSON.stringify({ catalog: doc.catalog, namespace: doc.namespace, parameters: doc.parameters })}`);
  const cells = doc.cells.map((cell) => {
    const extra = cell.chart ? ` ${JSON.stringify({ chart: cell.chart })}` : "";
    const body = cell.kind === "markdown" ? commentOut(cell.source) : trimEnd(cell.source);
    return `-- %% [${cell.kind}]${extra}\n${body}`;
  });
  return `${head.join("\n")}\n\n${cells.join("\n\n")}\n`;
}

export function fromSqlFile(text: string, fallbackTitle: string): NotebookDocument {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const doc: NotebookDocument = { title: fallbackTitle, catalog: null, namespace: null, parameters: {}, cells: [] };
  let current: { kind: CellKind; lines: string[]; chart: NotebookDocument["cells"][number]["chart"] } | null = null;
  const finish = () => {
    if (current) doc.cells.push({ kind: current.kind, chart: current.chart, source: cellSource(current.kind, current.lines) });
  };
  for (const line of lines) {
    const marker = line.match(MARKER);
    if (marker) {
      finish();
      current = { kind: marker[1] as CellKind, lines: [], chart: chartOf(marker[2]) };
    } else if (current) {
      current.lines.push(line);
    } else if (!readHeader(line, doc) && line.trim() !== "") {
      current = { kind: "sql", lines: [line], chart: null };
    }
  }
  finish();
  if (doc.cells.length === 0) doc.cells.push({ kind: "sql", source: "", chart: null });
  return doc;
}

function readHeader(line: string, doc: NotebookDocument): boolean {
  const title = line.match(TITLE);
  if (title) {
    doc.title = title[1].trim().slice(0, 200) || doc.title;
    return true;
  }
  const settings = line.match(SETTINGS);
  if (!settings) return false;
  const parsed = parseJson(settings[1]) as { catalog?: unknown; namespace?: unknown; parameters?: unknown } | null;
  if (typeof parsed?.catalog === "string") doc.catalog = parsed.catalog;
  if (Array.isArray(parsed?.namespace) && parsed.namespace.every((l) => typeof l === "string")) doc.namespace = parsed.namespace;
  const params = parameters.safeParse(parsed?.parameters);
  if (params.success) doc.parameters = params.data;
  return true;
}

function chartOf(json: string | undefined) {
  if (!json) return null;
  const parsed = chartConfig.safeParse((parseJson(json) as { chart?: unknown } | null)?.chart);
  return parsed.success ? parsed.data : null;
}

function cellSource(kind: CellKind, lines: string[]): string {
  const text = trimEnd(lines.join("\n"));
  return kind === "markdown" ? uncomment(text) : text;
}

function commentOut(markdown: string): string {
  return trimEnd(markdown)
    .split("\n")
    .map((line) => (line === "" ? "--" : `-- ${line}`))
    .join("\n");
}

function uncomment(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/^-- ?/, ""))
    .join("\n");
}

function trimEnd(text: string): string {
  return text.replace(/\s+$/, "");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
