/**
 * Cells: add, move, delete, update (source, kind, chart). Positions stay 0, 1, 2… in
 * order: every structural change renumbers inside one transaction. Adding and deleting a
 * cell are audited; source edits (autosave, every few keystrokes) are not.
 */
import { type Principal, recordAudit } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "zod";
import { notebookFor } from "./guard";
import { cellFromRow, chartToRow } from "./rows";
import { CELL_KINDS, type CellData, chartConfig, MAX_CELLS, MAX_SOURCE } from "./types";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const addInput = z.object({
  kind: z.enum(CELL_KINDS).default("sql"),
  source: z.string().max(MAX_SOURCE).default(""),
  /** Where the new cell goes (0 = first); past the end or absent = last. */
  position: z.number().int().min(0).optional(),
});

export async function addCell(db: Db, principal: Principal, notebookId: string, raw: z.input<typeof addInput> = {}): Promise<CellData> {
  const input = parseInput(addInput, raw);
  await notebookFor(db, principal, notebookId, "edit");
  return db.$transaction(async (tx) => {
    const ids = await orderedIds(tx, notebookId);
    if (ids.length >= MAX_CELLS) throw new AppError("bad_request", `A notebook can have at most ${MAX_CELLS} cells.`);
    const position = Math.min(input.position ?? ids.length, ids.length);
    const cell = await tx.notebookCell.create({ data: { notebookId, position, kind: input.kind, source: input.source } });
    ids.splice(position, 0, cell.id);
    await renumber(tx, notebookId, ids);
    await recordAudit(tx, principal, { action: "notebook.cell.add", targetType: "notebook", targetId: notebookId, details: { cell: cell.id, kind: input.kind, position } });
    return cellFromRow({ ...cell, position });
  });
}

/** Moves a cell to `position` (clamped); the others keep their order. */
export async function moveCell(db: Db, principal: Principal, notebookId: string, cellId: string, position: number): Promise<void> {
  await notebookFor(db, principal, notebookId, "edit");
  await db.$transaction(async (tx) => {
    const ids = await orderedIds(tx, notebookId);
    const from = ids.indexOf(cellId);
    if (from < 0) throw cellMissing();
    ids.splice(from, 1);
    ids.splice(Math.max(0, Math.min(Math.trunc(position), ids.length)), 0, cellId);
    await renumber(tx, notebookId, ids);
  });
}

export async function deleteCell(db: Db, principal: Principal, notebookId: string, cellId: string): Promise<void> {
  await notebookFor(db, principal, notebookId, "edit");
  await db.$transaction(async (tx) => {
    const ids = await orderedIds(tx, notebookId);
    if (!ids.includes(cellId)) throw cellMissing();
    await tx.notebookCell.delete({ where: { id: cellId } });
    await renumber(
      tx,
      notebookId,
      ids.filter((id) => id !== cellId),
    );
    await recordAudit(tx, principal, { action: "notebook.cell.delete", targetType: "notebook", targetId: notebookId, details: { cell: cellId } });
  });
}

const updateInput = z
  .object({ source: z.string().max(MAX_SOURCE, "A cell can hold at most 1,000,000 characters."), kind: z.enum(CELL_KINDS), chart: chartConfig.nullable() })
  .partial();

/** Changes a cell's source, kind or chart (what autosave sends). Returns when it was saved. */
export async function updateCell(db: Db, principal: Principal, notebookId: string, cellId: string, raw: z.input<typeof updateInput>): Promise<{ updatedAt: Date }> {
  const input = parseInput(updateInput, raw);
  await notebookFor(db, principal, notebookId, "edit");
  return db.$transaction(async (tx) => {
    const { count } = await tx.notebookCell.updateMany({
      where: { id: cellId, notebookId },
      data: { source: input.source, kind: input.kind, chart: input.chart === undefined ? undefined : chartToRow(input.chart) },
    });
    if (count === 0) throw cellMissing();
    const notebook = await tx.notebook.update({ where: { id: notebookId }, data: { updatedAt: new Date() } });
    return { updatedAt: notebook.updatedAt };
  });
}

async function orderedIds(tx: Tx, notebookId: string): Promise<string[]> {
  const rows = await tx.notebookCell.findMany({ where: { notebookId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true } });
  return rows.map((r) => r.id);
}

async function renumber(tx: Tx, notebookId: string, ids: string[]): Promise<void> {
  const current = await tx.notebookCell.findMany({ where: { notebookId }, select: { id: true, position: true } });
  const at = new Map(current.map((c) => [c.id, c.position]));
  for (const [position, id] of ids.entries()) {
    if (at.get(id) !== position) await tx.notebookCell.update({ where: { id }, data: { position } });
  }
  await tx.notebook.update({ where: { id: notebookId }, data: { updatedAt: new Date() } });
}

function cellMissing(): AppError {
  return new AppError("not_found", "That cell no longer exists; reload the notebook.");
}
