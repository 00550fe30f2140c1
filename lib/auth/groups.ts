/** Groups of users, the principals stewards grant to. Changes are audited. */
import { type Principal, recordAudit, requireAuthorized } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { type CreateGroupInput, createGroupInput, idInput, membershipInput } from "./schemas";

export interface GroupSummary {
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
  members: { id: string; username: string }[];
}

export async function listGroups(db: Db, actor: Principal): Promise<GroupSummary[]> {
  requireAuthorized(actor, "admin.users.read");
  const groups = await db.group.findMany({
    orderBy: { name: "asc" },
    include: { members: { include: { user: { select: { id: true, username: true } } } } },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    description: g.description,
    createdAt: g.createdAt,
    members: g.members.map((m) => m.user).sort((a, b) => a.username.localeCompare(b.username)),
  }));
}

export async function createGroup(db: Db, actor: Principal, raw: CreateGroupInput): Promise<{ id: string }> {
  requireAuthorized(actor, "admin.groups.manage");
  const input = parseInput(createGroupInput, raw);
  const taken = () => new AppError("conflict", `A group named "${input.name}" already exists.`, { fieldErrors: { name: ["This name is taken."] } });
  if (await db.group.findUnique({ where: { name: input.name }, select: { id: true } })) throw taken();
  try {
    return await db.$transaction(async (tx) => {
      const group = await tx.group.create({ data: { name: input.name, description: input.description ?? null } });
      await recordAudit(tx, actor, { action: "group.create", targetType: "group", targetId: group.id, details: { name: group.name } });
      return { id: group.id };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}

export async function deleteGroup(db: Db, actor: Principal, raw: { id: string }): Promise<void> {
  requireAuthorized(actor, "admin.groups.manage");
  const { id } = parseInput(idInput, raw);
  await db.$transaction(async (tx) => {
    const group = await tx.group.findUnique({ where: { id } });
    if (!group) throw new AppError("not_found", "That group no longer exists; reload the list.");
    await tx.group.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "group.delete", targetType: "group", targetId: id, details: { name: group.name } });
  });
}

export async function addGroupMember(db: Db, actor: Principal, raw: { groupId: string; userId: string }): Promise<void> {
  requireAuthorized(actor, "admin.groups.manage");
  const { groupId, userId } = parseInput(membershipInput, raw);
  await db.$transaction(async (tx) => {
    const [group, user] = await Promise.all([tx.group.findUnique({ where: { id: groupId } }), tx.user.findUnique({ where: { id: userId } })]);
    if (!group || !user) throw new AppError("not_found", "That user or group no longer exists; reload the page.");
    const existing = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } } });
    if (existing) throw new AppError("conflict", `${user.username} is already a member of ${group.name}.`);
    await tx.groupMember.create({ data: { groupId, userId } });
    await recordAudit(tx, actor, { action: "group.addMember", targetType: "group", targetId: groupId, details: { group: group.name, username: user.username } });
  });
}

export async function removeGroupMember(db: Db, actor: Principal, raw: { groupId: string; userId: string }): Promise<void> {
  requireAuthorized(actor, "admin.groups.manage");
  const { groupId, userId } = parseInput(membershipInput, raw);
  await db.$transaction(async (tx) => {
    const membership = await tx.groupMember.findUnique({ where: { groupId_userId: { groupId, userId } }, include: { group: true, user: true } });
    if (!membership) throw new AppError("not_found", "That membership no longer exists; reload the page.");
    await tx.groupMember.delete({ where: { groupId_userId: { groupId, userId } } });
    await recordAudit(tx, actor, { action: "group.removeMember", targetType: "group", targetId: groupId, details: { group: membership.group.name, username: membership.user.username } });
  });
}
