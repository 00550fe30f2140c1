/** First-run setup: an admin account, so a fresh Tarn can be signed in to. */
import { recordAudit, SYSTEM } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { generatePassword, hashPassword } from "./passwords";
import { passwordSchema } from "./schemas";

export const BOOTSTRAP_ADMIN = "admin";

/**
 * Creates the `admin` user when no admin exists. Returns the password only when it was
 * generated here — it is printed once and never stored in clear.
 */
export async function ensureAdmin(db: Db, presetPassword?: string): Promise<{ created: boolean; generatedPassword?: string }> {
  if ((await db.user.count({ where: { role: "admin" } })) > 0) return { created: false };
  if (presetPassword !== undefined && !passwordSchema.safeParse(presetPassword).success) {
    throw new AppError("bad_request", "TARN_ADMIN_PASSWORD must have 10 to 200 characters.");
  }
  const generatedPassword = presetPassword ? undefined : generatePassword();
  const passwordHash = await hashPassword(presetPassword ?? generatedPassword!);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { username: BOOTSTRAP_ADMIN, role: "admin", displayName: "Administrator", passwordHash } });
    await recordAudit(tx, SYSTEM, { action: "user.create", targetType: "user", targetId: user.id, details: { username: BOOTSTRAP_ADMIN, role: "admin", bootstrap: true } });
  });
  return { created: true, generatedPassword };
}
