/** Checks a login (username or e-mail) and password, with throttling and an audit trail. */
import { recordAudit } from "@/lib/access";
import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { burnVerificationTime, verifyPassword } from "./passwords";
import { clearFailedSignIns, DEFAULT_THROTTLE, lockedUntil, recordFailedSignIn, type ThrottlePolicy } from "./throttle";

export const WRONG_CREDENTIALS = "That username or password is not right.";

export interface SignedInUser {
  id: string;
  username: string;
  displayName: string | null;
  email: string | null;
  sessionVersion: number;
}

export async function authenticate(
  db: Db,
  attempt: { login: string; password: string; address?: string },
  policy: ThrottlePolicy = DEFAULT_THROTTLE,
): Promise<SignedInUser> {
  const login = attempt.login.trim().toLowerCase();
  if (!login || !attempt.password) throw new AppError("bad_request", "Enter your username (or e-mail) and password.");
  const until = await lockedUntil(db, login, attempt.address);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    log.warn("signin.throttled", { login, address: attempt.address });
    throw new AppError("too_many_requests", `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await db.user.findFirst({ where: login.includes("@") ? { email: login } : { username: login } });
  const ok = user ? await verifyPassword(attempt.password, user.passwordHash) : await burnVerificationTime(attempt.password);
  if (!user || !ok || user.disabled) {
    await recordFailedSignIn(db, login, attempt.address, policy);
    await recordAudit(db, { username: login, userId: null }, { action: "auth.signIn", outcome: "denied", details: { address: attempt.address, reason: !user ? "unknown user" : !ok ? "wrong password" : "disabled" } });
    // A disabled account gets the same answer as a wrong password: no account probing.
    throw new AppError("unauthenticated", WRONG_CREDENTIALS);
  }
  await clearFailedSignIns(db, login);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAudit(db, { username: user.username, userId: user.id }, { action: "auth.signIn", details: { address: attempt.address } });
  return { id: user.id, username: user.username, displayName: user.displayName, email: user.email, sessionVersion: user.sessionVersion };
}
