import { type Principal, recordAudit } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError, parseInput } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./passwords";
import { changeOwnPasswordInput } from "./schemas";

/** A signed-in user changes their own password; other sessions of theirs end. */
export async function changeOwnPassword(db: Db, actor: Principal, raw: { currentPassword: string; newPassword: string }): Promise<{ sessionVersion: number }> {
  if (actor.kind !== "user") throw new AppError("bad_request", "Only people have passwords to change.");
  const input = parseInput(changeOwnPasswordInput, raw);
  const user = await db.user.findUnique({ where: { id: actor.userId } });
  if (!user?.passwordHash) throw new AppError("bad_request", "Your account signs in through single sign-on; change the password there.");
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new AppError("bad_request", "Your current password is not right.", { fieldErrors: { currentPassword: ["Not right."] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "user.changeOwnPassword", targetType: "user", targetId: user.id });
    return { sessionVersion: updated.sessionVersion };
  });
}
