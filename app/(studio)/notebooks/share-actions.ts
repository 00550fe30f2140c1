"use server";

import { z } from "zod";
import { action } from "@/app/_server/action";
import { listShares, shareNotebook, suggestSharees, unshareNotebook } from "@/lib/notebooks";

// Sharing: lib/notebooks lets only the owner change shares (authorizeNotebook "share").
const notebookId = z.string().min(1).max(64);

export const listSharesAction = action({ name: "notebooks.shares", operation: "notebook.view", input: z.object({ notebookId }) }, ({ notebookId }, { db, principal }) =>
  listShares(db, principal, notebookId),
);

const shareInput = z.object({ notebookId, principalType: z.enum(["user", "group"]), name: z.string(), permission: z.enum(["view", "edit"]) });

export const shareNotebookAction = action({ name: "notebooks.share", operation: "notebook.share", input: shareInput }, ({ notebookId, ...share }, { db, principal }) =>
  shareNotebook(db, principal, notebookId, share),
);

const unshareInput = z.object({ notebookId, principalType: z.enum(["user", "group"]), principalId: z.string().min(1).max(64) });

export const unshareNotebookAction = action({ name: "notebooks.unshare", operation: "notebook.share", input: unshareInput }, ({ notebookId, ...share }, { db, principal }) =>
  unshareNotebook(db, principal, notebookId, share),
);

export const suggestShareesAction = action({ name: "notebooks.sharees", operation: "notebook.create", input: z.object({ prefix: z.string().max(255) }) }, ({ prefix }, { db, principal }) =>
  suggestSharees(db, principal, prefix),
);
