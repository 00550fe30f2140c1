/**
 * Notebooks: create, list (own and shared), load, rename, duplicate, delete; the current
 * catalog/namespace and the parameters. Every function asks lib/access (through
 * `notebookFor` or `authorize`); changes to a notebook as a whole are audited.
 */
import { notebookVisibility, type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "zod";
import { accessOf, notebookFor } from "./guard";
import { cellFromRow, namespaceFromRow, namespaceToRow, parametersFromRow } from "./rows";
import { type NotebookDetail, type NotebookDocument, type NotebookSummary, parameters, title } from "./types";

const ownerSelect = { select: { id: true, username: true, displayName: true } } as const;

/** Own notebooks and those shared with the principal or their groups, most recently changed first. */
export async function listNotebooks(db: Db, principal: Principal, opts: { limit?: number } = {}): Promise<NotebookSummary[]> {
  requireAuthorized(principal, "notebooks.use");
  const rows = await db.notebook.findMany({
    where: notebookVisibility(principal),
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: Math.min(opts.limit ?? 200, 500),
    include: { shares: true, owner: ownerSelect, _count: { select: { cells: true } } },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, owner: row.owner, access: accessOf(principal, row), cellCount: row._count.cells, updatedAt: row.updatedAt }));
}

export async function loadNotebook(db: Db, principal: Principal, id: string): Promise<NotebookDetail> {
  const notebook = await notebookFor(db, principal, id, "view");
  const [owner, cells] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: notebook.ownerId }, ...ownerSelect }),
    db.notebookCell.findMany({ where: { notebookId: id }, orderBy: { position: "asc" } }),
  ]);
  return {
    id: notebook.id,
    title: notebook.title,
    owner,
    access: accessOf(principal, notebook),
    cellCount: cells.length,
    updatedAt: notebook.updatedAt,
    catalog: notebook.catalog,
    namespace: namespaceFromRow(notebook.namespace),
    parameters: parametersFromRow(notebook.parameters),
    cells: cells.map(cellFromRow),
  };
}

const createInput = z.object({ title: title.default("Untitled notebook"), catalog: z.string().min(1).max(2000).nullable().default(null), namespace: z.array(z.string().min(1).max(255)).max(16).nullable().default(null) });

/** A new notebook with one empty SQL cell. */
export async function createNotebook(db: Db, principal: Principal, raw: z.input<typeof createInput> = {}): Promise<{ id: string }> {
  const input = parseInput(createInput, raw);
  return createFromDocument(db, principal, { ...input, parameters: {}, cells: [{ kind: "sql", source: "", chart: null }] }, "notebook.create");
}

/** Creates a notebook owned by the principal from a document (new, import, duplicate), audited as `action`. */
export async function createFromDocument(db: Db, principal: Principal, doc: NotebookDocument, action: string, details: Record<string, unknown> = {}): Promise<{ id: string }> {
  requireAuthorized(principal, "notebook.create");
  if (!principal.userId) throw new AppError("bad_request", "Notebooks belong to people; sign in as a user.");
  const ownerId = principal.userId;
  return db.$transaction(async (tx) => {
    const notebook = await tx.notebook.create({
      data: { title: doc.title, ownerId, catalog: doc.catalog, namespace: namespaceToRow(doc.namespace), parameters: JSON.stringify(doc.parameters) },
    });
    if (doc.cells.length > 0) {
      await tx.notebookCell.createMany({
        data: doc.cells.map((cell, position) => ({ notebookId: notebook.id, position, kind: cell.kind, source: cell.source, chart: cell.chart ? JSON.stringify(cell.chart) : null })),
      });
    }
    await recordAudit(tx, principal, { action, targetType: "notebook", targetId: notebook.id, details: { title: doc.title, cells: doc.cells.length, ...details } });
    return { id: notebook.id };
  });
}

export async function renameNotebook(db: Db, principal: Principal, id: string, rawTitle: string): Promise<void> {
  const next = parseInput(title, rawTitle);
  const notebook = await notebookFor(db, principal, id, "edit");
  if (notebook.title === next) return;
  await db.$transaction(async (tx) => {
    await tx.notebook.update({ where: { id }, data: { title: next } });
    await recordAudit(tx, principal, { action: "notebook.rename", targetType: "notebook", targetId: id, details: { from: notebook.title, to: next } });
  });
}

/** A copy owned by the principal (anyone who may open a notebook may copy it), without its shares. */
export async function duplicateNotebook(db: Db, principal: Principal, id: string): Promise<{ id: string }> {
  const source = await loadNotebook(db, principal, id);
  const doc: NotebookDocument = {
    title: `Copy of ${source.title}`.slice(0, 200),
    catalog: source.catalog,
    namespace: source.namespace,
    parameters: source.parameters,
    cells: source.cells.map(({ kind, source: text, chart }) => ({ kind, source: text, chart })),
  };
  return createFromDocument(db, principal, doc, "notebook.duplicate", { from: id });
}

export async function deleteNotebook(db: Db, principal: Principal, id: string): Promise<void> {
  const notebook = await notebookFor(db, principal, id, "share");
  await db.$transaction(async (tx) => {
    await tx.notebook.delete({ where: { id } });
    await recordAudit(tx, principal, { action: "notebook.delete", targetType: "notebook", targetId: id, details: { title: notebook.title } });
  });
}

const contextInput = z.object({
  catalog: z.string().min(1).max(2000).nullable(),
  namespace: z.array(z.string().min(1).max(255)).min(1).max(16).nullable(),
});

/** The current catalog and namespace unqualified names resolve against (a namespace needs a catalog). */
export async function setNotebookContext(db: Db, principal: Principal, id: string, raw: z.input<typeof contextInput>): Promise<void> {
  const input = parseInput(contextInput, raw);
  if (input.namespace && !input.catalog) throw new AppError("bad_request", "Pick a catalog before a namespace.");
  await notebookFor(db, principal, id, "edit");
  await db.notebook.update({ where: { id }, data: { catalog: input.catalog, namespace: namespaceToRow(input.namespace) } });
}

export async function setNotebookParameters(db: Db, principal: Principal, id: string, raw: Record<string, unknown>): Promise<void> {
  const values = parseInput(parameters, raw);
  await notebookFor(db, principal, id, "edit");
  await db.notebook.update({ where: { id }, data: { parameters: JSON.stringify(values) } });
}
