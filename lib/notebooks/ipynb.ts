/**
 * Notebooks as Jupyter files (nbformat 4): SQL cells are code cells that start with the
 * `%%sql` magic and carry `metadata.language = "sql"`; Markdown cells stay Markdown. On
 * import, a code cell counts as SQL when it has the magic, SQL metadata (ours, VS Code's)
 * or the notebook's language is SQL; any other code cell is kept as a fenced block in a
 * Markdown cell, so nothing is lost or run by accident.
 */
import { type ChartConfig, chartConfig, type NotebookDocument, parameters } from "./types";

interface IpynbCell {
  cell_type: string;
  id?: string;
  metadata?: Record<string, unknown>;
  source?: string | string[];
  outputs?: unknown[];
  execution_count?: number | null;
}

interface Ipynb {
  nbformat: number;
  nbformat_minor: number;
  metadata: Record<string, unknown>;
  cells: IpynbCell[];
}

const MAGIC = /^%%sql[^\n]*(\n|$)/;

export function toIpynb(doc: NotebookDocument): string {
  const notebook: Ipynb = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: "sql", display_name: "SQL", language: "sql" },
      language_info: { name: "sql" },
      tarn: { title: doc.title, catalog: doc.catalog, namespace: doc.namespace, parameters: doc.parameters },
    },
    cells: doc.cells.map((cell, i) =>
      cell.kind === "markdown"
        ? { cell_type: "markdown", id: `cell-${i}`, metadata: {}, source: lines(cell.source) }
        : {
            cell_type: "code",
            id: `cell-${i}`,
            metadata: { language: "sql", ...(cell.chart ? { tarn: { chart: cell.chart } } : {}) },
            source: lines(`%%sql\n${cell.source}`),
            outputs: [],
            execution_count: null,
          },
    ),
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}

/** Throws a plain Error with a person-readable message when the text is not a notebook. */
export function fromIpynb(text: string, fallbackTitle: string): NotebookDocument {
  const nb = parse(text);
  const tarn = (nb.metadata?.tarn ?? {}) as { title?: unknown; catalog?: unknown; namespace?: unknown; parameters?: unknown };
  const sqlNotebook = languageOf(nb.metadata) === "sql";
  const params = parameters.safeParse(tarn.parameters);
  const doc: NotebookDocument = {
    title: typeof tarn.title === "string" && tarn.title.trim() ? tarn.title.trim().slice(0, 200) : fallbackTitle,
    catalog: typeof tarn.catalog === "string" ? tarn.catalog : null,
    namespace: Array.isArray(tarn.namespace) && tarn.namespace.every((l) => typeof l === "string") ? tarn.namespace : null,
    parameters: params.success ? params.data : {},
    cells: nb.cells.map((cell) => importCell(cell, sqlNotebook)),
  };
  if (doc.cells.length === 0) doc.cells.push({ kind: "sql", source: "", chart: null });
  return doc;
}

function importCell(cell: IpynbCell, sqlNotebook: boolean): NotebookDocument["cells"][number] {
  const source = Array.isArray(cell.source) ? cell.source.join("") : (cell.source ?? "");
  if (cell.cell_type !== "code") return { kind: "markdown", source, chart: null };
  const magic = MAGIC.test(source);
  if (magic || sqlNotebook || languageOf(cell.metadata) === "sql") {
    return { kind: "sql", source: magic ? source.replace(MAGIC, "") : source, chart: chartOf(cell.metadata) };
  }
  return { kind: "markdown", source: `\`\`\`\n${source}\n\`\`\``, chart: null };
}

function parse(text: string): Ipynb {
  let nb: Partial<Ipynb>;
  try {
    nb = JSON.parse(text) as Partial<Ipynb>;
  } catch {
    throw new Error("The file is not valid JSON, so it is not a Jupyter notebook.");
  }
  if (typeof nb !== "object" || nb === null || nb.nbformat !== 4 || !Array.isArray(nb.cells)) {
    throw new Error("Only Jupyter notebooks in format 4 (nbformat 4) can be imported.");
  }
  return { nbformat: 4, nbformat_minor: nb.nbformat_minor ?? 0, metadata: nb.metadata ?? {}, cells: nb.cells };
}

function languageOf(metadata: Record<string, unknown> | undefined): string | null {
  if (!metadata) return null;
  const candidates = [
    metadata.language,
    (metadata.kernelspec as { language?: unknown } | undefined)?.language,
    (metadata.language_info as { name?: unknown } | undefined)?.name,
    (metadata.vscode as { languageId?: unknown } | undefined)?.languageId,
  ];
  const found = candidates.find((c) => typeof c === "string");
  return typeof found === "string" ? found.toLowerCase() : null;
}

function chartOf(metadata: Record<string, unknown> | undefined): ChartConfig | null {
  const parsed = chartConfig.safeParse((metadata?.tarn as { chart?: unknown } | undefined)?.chart);
  return parsed.success ? parsed.data : null;
}

/** nbformat keeps source as lines, each but the last ending in "\n". */
function lines(text: string): string[] {
  const parts = text.split("\n");
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((line) => line !== "");
}
