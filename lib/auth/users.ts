/**
 * The user directory: list, create, disable, reset password, change role.
 * Every change asks lib/access first and is audited in the same transaction.
 */
import { type Principal, recordAudit, requireAuthorized, type Role } from "@/lib/access";
import type { Db } from "@/lib/db";

import { generatePassword, hashPassword } from "./passwords";
import { createUserInput, type CreateUserInput, resetPasswordInput, setDisabledInput, setRoleInput } from "./schemas";
import { AppError, parseInput } from "@/lib/errors";

export interface UserSummary {
  id: string;
  username: string;
  email: string | null;
  displayName: string | null;
  role: Role;
  disabled: boolean;
  authProvider: string;
  createdAt: Date;
  lastLoginAt: Date | null;
  groups: { id: string; name: string }[];
}

export async function listUsers(db: Db, actor: Principal): Promise<UserSummary[]> {
  requireAuthorized(actor, "admin.users.read");
  const users = await db.user.findMany({
    orderBy: { username: "asc" },
    include: { memberships: { include: { group: { select: { id: true, name: true } } } } },
  });
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    email: u.email,
    displayName: u.displayName,
    role: u.role as Role,
    disabled: u.disabled,
    authProvider: u.authProvider,
    createdAt: u.createdAt,
    lastLoginAt: u.lastLoginAt,
    groups: u.memberships.map((m) => m.group).sort((a, b) => a.name.localeCompare(b.name)),
  }));
}

/** Creates a user; when no password is given one is generated and returned once. */
export async function createUser(db: Db, actor: Principal, raw: CreateUserInput): Promise<{ id: string; generatedPassword?: string }> {
  requireAuthorized(actor, "admin.users.manage");
  const input = parseInput(createUserInput, raw);
  await assertUserIsNew(db, input.username, input.email);
  const generatedPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  const id = await db.$transaction(async (tx) => {
    const groups = await tx.group.findMany({ where: { id: { in: input.groupIds } }, select: { id: true } });
    if (groups.length !== new Set(input.groupIds).size) throw new AppError("bad_request", "One of the chosen groups no longer exists; reload and try again.");
    const user = await tx.user.create({
      data: {
        username: input.username,
        email: input.email ?? null,
        displayName: input.displayName ?? null,
        role: input.role,
        passwordHash,
        memberships: { create: groups.map((g) => ({ groupId: g.id })) },
      },
    });
    await recordAudit(tx, actor, {
      action: "user.create",
      targetType: "user",
      targetId: user.id,
      details: { username: user.username, role: user.role, groups: groups.map((g) => g.id) },
    });
    return user.id;
  }).catch(mapUniqueViolation(input.username, input.email));
  return { id, generatedPassword };
}

async function assertUserIsNew(db: Db, username: string, email: string | undefined): Promise<void> {
  if (await db.user.findUnique({ where: { username }, select: { id: true } })) {
    throw new AppError("conflict", `A user named "${username}" already exists.`, { fieldErrors: { username: ["This username is taken."] } });
  }
  if (email && (await db.user.findUnique({ where: { email }, select: { id: true } }))) {
    throw new AppError("conflict", `The e-mail address ${email} is already in use.`, { fieldErrors: { email: ["This e-mail address is in use."] } });
  }
}

/** Two admins creating the same name at once: the database's unique index decides. */
function mapUniqueViolation(username: string, email?: string) {
  return (error: unknown): never => {
    if ((error as { code?: string }).code === "P2002") {
      const target = String((error as { meta?: { target?: unknown } }).meta?.target ?? "");
      throw target.includes("email")
        ? new AppError("conflict", `The e-mail address ${email} is already in use.`)
        : new AppError("conflict", `A user named "${username}" already exists.`);
    }
    throw error;
  };
}

async function findUserOrThrow(db: Pick<Db, "user">, id: string) {
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw new AppError("not_found", "That user no longer exists; reload the list.");
  return user;
}

/** Refuses a change that would leave nobody able to administer Tarn. */
async function assertAnotherActiveAdmin(db: Pick<Db, "user">, exceptId: string): Promise<void> {
  const others = await db.user.count({ where: { role: "admin", disabled: false, id: { not: exceptId } } });
  if (others === 0) throw new AppError("conflict", "This is the last active admin; make someone else an admin first.");
}

export async function setUserDisabled(db: Db, actor: Principal, raw: { id: string; disabled: boolean }): Promise<void> {
  requireAuthorized(actor, "admin.users.manage");
  const { id, disabled } = parseInput(setDisabledInput, raw);
  if (disabled && actor.userId === id) throw new AppError("bad_request", "You cannot disable your own account.");
  await db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, id);
    if (disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, id);
    // Bumping the session version signs the user out everywhere.
    await tx.user.update({ where: { id }, data: { disabled, sessionVersion: { increment: disabled ? 1 : 0 } } });
    await recordAudit(tx, actor, { action: disabled ? "user.disable" : "user.enable", targetType: "user", targetId: id, details: { username: user.username } });
  });
}

export async function resetUserPassword(db: Db, actor: Principal, raw: { id: string; password?: string }): Promise<{ generatedPassword?: string }> {
  requireAuthorized(actor, "admin.users.manage");
  const input = parseInput(resetPasswordInput, raw);
  const generatedPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? generatedPassword!);
  await db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, input.id);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "user.resetPassword", targetType: "user", targetId: user.id, details: { username: user.username } });
  });
  return { generatedPassword };
}

export async function setUserRole(db: Db, actor: Principal, raw: { id: string; role: string }): Promise<void> {
  requireAuthorized(actor, "admin.users.manage");
  const { id, role } = parseInput(setRoleInput, raw);
  await db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, id);
    if (user.role === role) return;
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, id);
    await tx.user.update({ where: { id }, data: { role } });
    await recordAudit(tx, actor, { action: "user.setRole", targetType: "user", targetId: id, details: { username: user.username, from: user.role, to: role } });
  });
}
