/**
 * Who may open, change and share a notebook: its owner may do everything; a share gives a
 * user, or the members of a group, "view" or "edit". Role rules stay the floor (the
 * `notebook.*` operations), so a role that may not use notebooks gets nothing from a share.
 *
 *   const decision = authorizeNotebook(principal, { ownerId, shares }, "edit");
 *   db.notebook.findMany({ where: { AND: [notebookVisibility(principal), …] } });
 *
 * The list filter and the single-notebook decision say the same thing, so a notebook that
 * is listed can be opened and one that is not listed cannot.
 */
import type { Prisma } from "@/lib/db";
import { authorize, type Decision } from "./authorize";
import type { Operation } from "./operations";
import type { Principal } from "./principal";

export type NotebookAccess = "view" | "edit" | "share";
export type SharePermission = "view" | "edit";

export interface NotebookShareFact {
  principalType: string;
  principalId: string;
  permission: string;
}

/** What the decision needs to know about a notebook. */
export interface NotebookFacts {
  ownerId: string;
  shares: NotebookShareFact[];
}

const OPERATION: Record<NotebookAccess, Operation> = { view: "notebook.view", edit: "notebook.edit", share: "notebook.share" };

/** Matches no row: an id is never the empty string. */
const NOTHING = { id: "" } as const;

export function authorizeNotebook(principal: Principal | null, notebook: NotebookFacts, access: NotebookAccess): Decision {
  const operation = OPERATION[access];
  const floor = authorize(principal, operation);
  if (!floor.allowed || !principal) return floor;
  if (principal.userId !== null && principal.userId === notebook.ownerId) {
    return { allowed: true, operation, reasons: ["owner of the notebook"] };
  }
  if (access === "share") return { allowed: false, operation, reasons: ["only the owner shares or deletes a notebook"] };
  const grants = notebook.shares.filter((share) => reaches(principal, share) && satisfies(share.permission, access));
  if (grants.length > 0) return { allowed: true, operation, reasons: grants.map((g) => `shared with ${g.principalType} ${g.principalId} for ${g.permission}`) };
  return { allowed: false, operation, reasons: [`not the owner and no share gives ${access}`] };
}

/** The notebooks a principal may open (own, shared with them, shared with one of their groups). */
export function notebookVisibility(principal: Principal | null): Prisma.NotebookWhereInput {
  if (!principal?.userId || !authorize(principal, "notebook.view").allowed) return NOTHING;
  const shared: Prisma.NotebookShareWhereInput[] = [{ principalType: "user", principalId: principal.userId }];
  if (principal.groupIds.length > 0) shared.push({ principalType: "group", principalId: { in: principal.groupIds } });
  return { OR: [{ ownerId: principal.userId }, { shares: { some: { OR: shared } } }] };
}

function reaches(principal: Principal, share: NotebookShareFact): boolean {
  if (share.principalType === "user") return share.principalId === principal.userId;
  if (share.principalType === "group") return (principal.groupIds as string[]).includes(share.principalId);
  return false;
}

function satisfies(permission: string, access: NotebookAccess): boolean {
  return access === "view" ? permission === "view" || permission === "edit" : permission === "edit";
}
