/**
 * Failed sign-in throttling, kept in the metadata store so it holds across restarts and
 * processes. Two counters per attempt: the login name (stops guessing one account) and the
 * client address (stops spraying many accounts). Either one locks sign-in for a while.
 */
import type { Db } from "@/lib/db";

export interface ThrottlePolicy {
  windowMs: number;
  maxFailuresPerLogin: number;
  maxFailuresPerAddress: number;
  lockMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  windowMs: 15 * 60_000,
  maxFailuresPerLogin: 5,
  maxFailuresPerAddress: 30,
  lockMs: 15 * 60_000,
};

export function throttleKeys(login: string, address: string | undefined): { key: string; max: keyof ThrottlePolicy }[] {
  const keys: { key: string; max: keyof ThrottlePolicy }[] = [{ key: `login:${login.trim().toLowerCase()}`, max: "maxFailuresPerLogin" }];
  if (address) keys.push({ key: `addr:${address}`, max: "maxFailuresPerAddress" });
  return keys;
}

/** The time until which sign-in is locked for any of the keys, or null. */
export async function lockedUntil(db: Db, login: string, address: string | undefined, now = new Date()): Promise<Date | null> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: throttleKeys(login, address).map((k) => k.key) } } });
  const locks = rows.map((r) => r.lockedUntil).filter((d): d is Date => !!d && d > now);
  return locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
}

export async function recordFailedSignIn(db: Db, login: string, address: string | undefined, policy = DEFAULT_THROTTLE, now = new Date()): Promise<void> {
  for (const { key, max } of throttleKeys(login, address)) {
    const row = await db.loginThrottle.findUnique({ where: { key } });
    const fresh = !row || now.getTime() - row.windowStart.getTime() > policy.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const lock = failures >= (policy[max] as number) ? new Date(now.getTime() + policy.lockMs) : null;
    await db.loginThrottle.upsert({
      where: { key },
      create: { key, failures, windowStart: now, lockedUntil: lock },
      update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil: lock ?? row?.lockedUntil ?? null },
    });
  }
}

/** A successful sign-in clears the login's counter (the address keeps its history). */
export async function clearFailedSignIns(db: Db, login: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `login:${login.trim().toLowerCase()}` } });
}
