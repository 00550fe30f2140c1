"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { addCell, deleteCell, moveCell, updateCell } from "@/lib/notebooks";

// Cell actions: lib/notebooks checks "edit" on the notebook, renumbers and validates.
const notebookId = z.string().min(1).max(64);
const cellId = z.string().min(1).max(64);

const addInput = z.object({ notebookId, kind: z.enum(["sql", "markdown"]).optional(), source: z.string().optional(), position: z.number().int().min(0).optional() });

export const addCellAction = action({ name: "notebooks.cell.add", operation: "notebook.edit", input: addInput }, ({ notebookId, ...cell }, { db, principal }) =>
  addCell(db, principal, notebookId, cell),
);

export const moveCellAction = action(
  { name: "notebooks.cell.move", operation: "notebook.edit", input: z.object({ notebookId, cellId, position: z.number().int().min(0) }) },
  ({ notebookId, cellId, position }, { db, principal }) => moveCell(db, principal, notebookId, cellId, position),
);

export const deleteCellAction = action({ name: "notebooks.cell.delete", operation: "notebook.edit", input: z.object({ notebookId, cellId }) }, ({ notebookId, cellId }, { db, principal }) =>
  deleteCell(db, principal, notebookId, cellId),
);

const updateInput = z.object({ notebookId, cellId, source: z.string().optional(), kind: z.enum(["sql", "markdown"]).optional(), chart: z.unknown().optional() });

export const updateCellAction = action({ name: "notebooks.cell.update", operation: "notebook.edit", input: updateInput }, ({ notebookId, cellId, ...change }, { db, principal }) =>
  updateCell(db, principal, notebookId, cellId, change as Parameters<typeof updateCell>[4]),
);
