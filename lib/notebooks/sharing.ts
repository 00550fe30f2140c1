/**
 * Sharing a notebook with users and groups, for view or edit. Only the owner shares; each
 * change is audited. People are named by username, groups by name.
 */
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { z } from "zod";
import { notebookFor } from "./guard";
import type { ShareEntry } from "./types";

export async function listShares(db: Db, principal: Principal, notebookId: string): Promise<ShareEntry[]> {
  const notebook = await notebookFor(db, principal, notebookId, "view");
  const userIds = notebook.shares.filter((s) => s.principalType === "user").map((s) => s.principalId);
  const groupIds = notebook.shares.filter((s) => s.principalType === "group").map((s) => s.principalId);
  const [users, groups] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, username: true } }),
    db.group.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }),
  ]);
  const names = new Map<string, string>([...users.map((u) => [`user:${u.id}`, u.username] as const), ...groups.map((g) => [`group:${g.id}`, g.name] as const)]);
  return notebook.shares
    .map((s) => ({
      principalType: s.principalType === "group" ? ("group" as const) : ("user" as const),
      principalId: s.principalId,
      name: names.get(`${s.principalType}:${s.principalId}`) ?? "(removed)",
      permission: s.permission === "edit" ? ("edit" as const) : ("view" as const),
    }))
    .sort((a, b) => a.principalType.localeCompare(b.principalType) || a.name.localeCompare(b.name));
}

const shareInput = z.object({
  principalType: z.enum(["user", "group"]),
  name: z.string().trim().min(1, "Name a user or a group.").max(255),
  permission: z.enum(["view", "edit"]),
});

/** Shares with a user or group, or changes what an existing share allows. */
export async function shareNotebook(db: Db, principal: Principal, notebookId: string, raw: z.input<typeof shareInput>): Promise<ShareEntry> {
  const input = parseInput(shareInput, raw);
  const notebook = await notebookFor(db, principal, notebookId, "share");
  const target = await findPrincipal(db, input.principalType, input.name);
  if (input.principalType === "user" && target.id === notebook.ownerId) throw new AppError("bad_request", "The owner always has full access to their notebook.");
  const key = { notebookId, principalType: input.principalType, principalId: target.id };
  await db.$transaction(async (tx) => {
    await tx.notebookShare.upsert({ where: { notebookId_principalType_principalId: key }, create: { ...key, permission: input.permission }, update: { permission: input.permission } });
    await recordAudit(tx, principal, { action: "notebook.share", targetType: "notebook", targetId: notebookId, details: { [input.principalType]: target.name, permission: input.permission } });
  });
  return { principalType: input.principalType, principalId: target.id, name: target.name, permission: input.permission };
}

export async function unshareNotebook(db: Db, principal: Principal, notebookId: string, share: { principalType: "user" | "group"; principalId: string }): Promise<void> {
  await notebookFor(db, principal, notebookId, "share");
  await db.$transaction(async (tx) => {
    const { count } = await tx.notebookShare.deleteMany({ where: { notebookId, principalType: share.principalType, principalId: share.principalId } });
    if (count === 0) throw new AppError("not_found", "That share no longer exists; reload the list.");
    await recordAudit(tx, principal, { action: "notebook.unshare", targetType: "notebook", targetId: notebookId, details: { ...share } });
  });
}

/** Users and groups whose name starts with `prefix`, for the share dialog's suggestions. */
export async function suggestSharees(db: Db, principal: Principal, prefix: string): Promise<{ principalType: "user" | "group"; name: string }[]> {
  requireAuthorized(principal, "notebook.create");
  const start = prefix.trim().toLowerCase();
  if (!start) return [];
  const [users, groups] = await Promise.all([
    db.user.findMany({ where: { username: { startsWith: start }, disabled: false }, orderBy: { username: "asc" }, take: 8, select: { username: true } }),
    db.group.findMany({ where: { name: { startsWith: prefix.trim() } }, orderBy: { name: "asc" }, take: 8, select: { name: true } }),
  ]);
  return [...users.map((u) => ({ principalType: "user" as const, name: u.username })), ...groups.map((g) => ({ principalType: "group" as const, name: g.name }))];
}

async function findPrincipal(db: Db, kind: "user" | "group", name: string): Promise<{ id: string; name: string }> {
  if (kind === "user") {
    const user = await db.user.findUnique({ where: { username: name.toLowerCase() }, select: { id: true, username: true, disabled: true } });
    if (!user || user.disabled) throw new AppError("not_found", `There is no user named "${name}".`, { fieldErrors: { name: ["No such user."] } });
    return { id: user.id, name: user.username };
  }
  const group = await db.group.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!group) throw new AppError("not_found", `There is no group named "${name}".`, { fieldErrors: { name: ["No such group."] } });
  return { id: group.id, name: group.name };
}
