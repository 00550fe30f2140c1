"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import {
  createNotebook,
  deleteNotebook,
  duplicateNotebook,
  exportNotebook,
  importNotebook,
  listNotebooks,
  MAX_IMPORT_BYTES,
  renameNotebook,
  setNotebookContext,
  setNotebookParameters,
} from "@/lib/notebooks";

// Notebook-level actions. Each only parses and calls lib/notebooks, which asks lib/access
// (owner / share) for the notebook itself; `operation` here is the role floor.
const id = z.string().min(1).max(64);
const byId = z.object({ id });

export const listNotebooksAction = action({ name: "notebooks.list", operation: "notebooks.use", input: z.object({}) }, (_, { db, principal }) => listNotebooks(db, principal));

export const createNotebookAction = action({ name: "notebooks.create", operation: "notebook.create", input: z.object({ title: z.string().optional() }) }, (input, { db, principal }) =>
  createNotebook(db, principal, input.title ? { title: input.title } : {}),
);

export const renameNotebookAction = action({ name: "notebooks.rename", operation: "notebook.edit", input: z.object({ id, title: z.string() }) }, ({ id, title }, { db, principal }) =>
  renameNotebook(db, principal, id, title),
);

export const duplicateNotebookAction = action({ name: "notebooks.duplicate", operation: "notebook.create", input: byId }, ({ id }, { db, principal }) => duplicateNotebook(db, principal, id));

export const deleteNotebookAction = action({ name: "notebooks.delete", operation: "notebook.share", input: byId }, ({ id }, { db, principal }) => deleteNotebook(db, principal, id));

const contextInput = z.object({ id, catalog: z.string().nullable(), namespace: z.array(z.string()).nullable() });

export const setContextAction = action({ name: "notebooks.context", operation: "notebook.edit", input: contextInput }, ({ id, ...context }, { db, principal }) =>
  setNotebookContext(db, principal, id, context),
);

const parametersInput = z.object({ id, parameters: z.record(z.string(), z.unknown()) });

export const setParametersAction = action({ name: "notebooks.parameters", operation: "notebook.edit", input: parametersInput }, ({ id, parameters }, { db, principal }) =>
  setNotebookParameters(db, principal, id, parameters),
);

const importInput = z.object({ filename: z.string().min(1).max(255), text: z.string().max(MAX_IMPORT_BYTES, "The file is too large to import (at most 5 MB).") });

export const importNotebookAction = action({ name: "notebooks.import", operation: "notebook.create", input: importInput }, (file, { db, principal }) => importNotebook(db, principal, file));

export const exportNotebookAction = action({ name: "notebooks.export", operation: "notebook.view", input: z.object({ id, format: z.enum(["sql", "ipynb"]) }) }, ({ id, format }, { db, principal }) =>
  exportNotebook(db, principal, id, format),
);
