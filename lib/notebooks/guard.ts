/**
 * Loads a notebook for one kind of access, asking lib/access. A notebook the principal may
 * not open reads as missing (names and ids cannot be probed); one they may open but not
 * change says so.
 */
import { authorizeNotebook, type NotebookAccess, type Principal, recordAudit, type SharePermission } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

type Reader = Pick<Db, "notebook" | "auditEvent">;

export async function notebookFor(db: Reader, principal: Principal, id: string, access: NotebookAccess) {
  const notebook = await db.notebook.findUnique({ where: { id }, include: { shares: true } });
  if (!notebook) throw missing();
  const decision = authorizeNotebook(principal, notebook, access);
  if (decision.allowed) return notebook;
  await recordAudit(db, principal, { action: `notebook.${access}`, targetType: "notebook", targetId: id, outcome: "denied", details: { reasons: decision.reasons } });
  if (access === "view" || !authorizeNotebook(principal, notebook, "view").allowed) throw missing();
  if (access === "edit") throw new AppError("forbidden", "This notebook is shared with you read-only.", { internal: decision.reasons.join("; ") });
  throw new AppError("forbidden", "Only the notebook's owner can share or delete it.", { internal: decision.reasons.join("; ") });
}

/** What the principal may do with a notebook they can open. */
export function accessOf(principal: Principal, notebook: Parameters<typeof authorizeNotebook>[1]): "owner" | SharePermission {
  if (authorizeNotebook(principal, notebook, "share").allowed) return "owner";
  return authorizeNotebook(principal, notebook, "edit").allowed ? "edit" : "view";
}

function missing(): AppError {
  return new AppError("not_found", "This notebook does not exist, or it has not been shared with you.");
}
