/** Export a notebook as `.sql` or `.ipynb`, and import one as a new notebook (audited). */
import type { Principal } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { fromIpynb, toIpynb } from "./ipynb";
import { createFromDocument, loadNotebook } from "./notebooks";
import { fromSqlFile, toSqlFile } from "./sql-file";
import { MAX_CELLS, MAX_SOURCE, type NotebookDocument } from "./types";

export type NotebookFileFormat = "sql" | "ipynb";

export interface NotebookFile {
  filename: string;
  contentType: string;
  text: string;
}

/** 5 MB: larger files are not notebooks people write by hand. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export async function exportNotebook(db: Db, principal: Principal, id: string, format: NotebookFileFormat): Promise<NotebookFile> {
  const notebook = await loadNotebook(db, principal, id);
  const doc: NotebookDocument = {
    title: notebook.title,
    catalog: notebook.catalog,
    namespace: notebook.namespace,
    parameters: notebook.parameters,
    cells: notebook.cells.map(({ kind, source, chart }) => ({ kind, source, chart })),
  };
  const base = notebook.title.replace(/[^\w.-]+/g, "_").replace(/^_+|_+$/g, "") || "notebook";
  return format === "sql"
    ? { filename: `${base}.sql`, contentType: "application/sql", text: toSqlFile(doc) }
    : { filename: `${base}.ipynb`, contentType: "application/x-ipynb+json", text: toIpynb(doc) };
}

/** A new notebook from a `.sql` or `.ipynb` file's text; the format comes from the file name. */
export async function importNotebook(db: Db, principal: Principal, file: { filename: string; text: string }): Promise<{ id: string }> {
  if (file.text.length > MAX_IMPORT_BYTES) throw new AppError("bad_request", "The file is too large to import (at most 5 MB).");
  const doc = parseFile(file.filename, file.text);
  if (doc.cells.length > MAX_CELLS) throw new AppError("bad_request", `A notebook can have at most ${MAX_CELLS} cells; the file has ${doc.cells.length}.`);
  if (doc.cells.some((c) => c.source.length > MAX_SOURCE)) throw new AppError("bad_request", "A cell in the file holds more than 1,000,000 characters.");
  return createFromDocument(db, principal, doc, "notebook.import", { file: file.filename });
}

function parseFile(filename: string, text: string): NotebookDocument {
  const name = filename.replace(/^.*[\\/]/, "");
  const title = name.replace(/\.[^.]+$/, "").slice(0, 200) || "Imported notebook";
  if (/\.sql$/i.test(name)) return fromSqlFile(text, title);
  if (!/\.ipynb$/i.test(name)) throw new AppError("bad_request", "Import a .sql or .ipynb file.");
  try {
    return fromIpynb(text, title);
  } catch (error) {
    throw new AppError("bad_request", (error as Error).message);
  }
}
